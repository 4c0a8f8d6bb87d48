"""Resolving dates in a sentence ("on Wednesday", "last week", "on October 23") to a day."""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    m: i for i, names in enumerate([
        (), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
        ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
        ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
        ("december", "dec"),
    ]) for m in names
}
WEEKDAYS = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?\b")
_MONTH_DAY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_WEEKDAY = re.compile(r"\b(?:(last|this|next)\s+)?(monday|tuesday|wednesday|thursday|friday|"
                      r"saturday|sunday)\b", re.IGNORECASE)
_RELATIVE = {
    "today": 0, "yesterday": -1, "tomorrow": 1, "last week": -7, "earlier this week": -2,
    "last month": -30, "the day before": -1, "the previous day": -1,
}
# Phrases that name no particular day: a claim's date falls back to the article's.
_VAGUE = frozenset(["last week", "earlier this week", "last month"])
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# "two days ago", "three days earlier", "a day later"
_DAYS_OFF = re.compile(r"\b(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                       r"days?\s+(ago|earlier|before|later)\b")


def _year_for(month: int, day: int, published: date | None) -> int | None:
    if published is None:
        return None
    year = published.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return None
    # A date far after publication was most likely last year's ("on December 30" in January).
    if (candidate - published).days > 60:
        year -= 1
    return year


def resolve_date(text: str, published: date | None, vague: bool = True) -> date | None:
    """The day a phrase names, resolved against the article's date; None if it names none.

    Without a publication date only dates with an explicit year resolve: guessing a year is
    worse than saying nothing. `vague=False` leaves out phrases that name no day ("last
    week"), as a claim's date does.
    """
    if not text:
        return None
    match = _ISO.search(text)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        for match in pattern.finditer(text):
            month = MONTHS.get(match.group(month_group).lower())
            if not month:
                continue
            day = int(match.group(day_group))
            year = int(match.group(3)) if match.group(3) else _year_for(month, day, published)
            if year is None:
                return None
            try:
                return date(year, month, day)
            except ValueError:
                return None
    if published is None:
        return None
    lowered = text.lower()
    match = _WEEKDAY.search(lowered)
    if match:
        target = WEEKDAYS[match.group(2).lower()]
        back = (published.weekday() - target) % 7
        if match.group(1) == "next":
            return published + timedelta(days=(target - published.weekday()) % 7 or 7)
        if match.group(1) == "last" and back == 0:
            back = 7
        if match.group(1) is None and re.search(r"\b(?:of\s+)?last\s+week\b", lowered):
            # "on Wednesday last week": that weekday of the week before this one
            back = published.weekday() - target + 7
        return published - timedelta(days=back)
    match = _DAYS_OFF.search(lowered)
    if match:
        n = int(match.group(1)) if match.group(1).isdigit() else _NUMBER_WORDS[match.group(1)]
        return published + timedelta(days=n if match.group(2) == "later" else -n)
    for phrase, delta in _RELATIVE.items():
        if phrase in lowered and (vague or phrase not in _VAGUE):
            return published + timedelta(days=delta)
    return None
