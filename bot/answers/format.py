"""Words for facts: figures with their qualifiers, statuses, dates. Pure functions."""

from __future__ import annotations

from datetime import date

STATUS_WORDS = {
    "deployed": "deployed", "training": "in training", "planned": "planned",
    "combat": "in combat", "casualties": "casualties", "killed": "killed",
    "wounded": "wounded", "captured": "captured", "other": "",
}
STRENGTH = ("deployed", "combat", "training", "other")      # how many are there
PLANS = ("planned",)
LOSSES = ("casualties", "killed", "wounded", "captured")


def number(value: int | None) -> str:
    return f"{value:,}" if value is not None else "?"


def vague_words(count: int | None) -> str:
    if not count:
        return "some"
    if count >= 1_000_000:
        return "millions"
    if count >= 100_000:
        return "hundreds of thousands"
    if count >= 10_000:
        return "tens of thousands"
    if count >= 1_000:
        return "thousands"
    if count >= 100:
        return "hundreds"
    return "dozens"


def figure(count: int | None, low: int | None = None, high: int | None = None,
           qualifier: str | None = None, composition: str | None = None) -> str:
    """"about 3,000", "up to 12,000 (2 units × up to 6,000)", "2,000–3,000", "thousands"."""
    qualifier = (qualifier or "exact").strip().lower()
    if qualifier == "vague":
        text = vague_words(count)
    elif qualifier == "range" and low is not None and high is not None and low != high:
        text = f"{number(low)}–{number(high)}"
    elif qualifier in ("about", "at least", "up to", "more than", "fewer than"):
        text = f"{qualifier} {number(count)}"
    else:
        text = number(count)
    if composition:
        text += f" ({composition.replace(' x ', ' × ').strip()})"
    return text


def status_words(status: str | None) -> str:
    return STATUS_WORDS.get((status or "other").lower(), status or "")


def short_date(day: date | None) -> str:
    """"23 Oct" (with the year when it is not the reference year)."""
    if day is None:
        return "undated"
    return day.strftime("%-d %b %Y")


def day_month(day: date | None, with_year: bool = False) -> str:
    if day is None:
        return "undated"
    return day.strftime("%-d %b %Y" if with_year else "%-d %b")


def clip(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def quoted(text: str, limit: int = 600) -> str:
    inner = clip(text.strip().strip('“”"'), limit)
    return f"“{inner}”"
