"""Parsing troop figures: "3,000", "three thousand", "1.5 million", "tens of thousands", ranges.

Pure functions over strings; the estimates component decides which figures count troops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "dozen": 12, "half": 0.5,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
          "k": 1000, "m": 1_000_000, "mln": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

# Vague magnitudes: (words, value). Longest first.
VAGUE = (
    ("hundreds of thousands", 100_000), ("tens of thousands", 10_000),
    ("several hundred thousand", 100_000), ("a few hundred thousand", 100_000),
    ("several tens of thousands", 10_000),
    ("the low tens of thousands", 10_000), ("low tens of thousands", 10_000),
    ("several thousand", 1000), ("a few thousand", 1000), ("many thousands", 1000),
    ("low thousands", 1000), ("low hundreds", 100),
    ("thousands", 1000), ("several hundred", 100), ("a few hundred", 100),
    ("many hundreds", 100), ("hundreds", 100), ("dozens", 12), ("scores", 20),
    ("millions", 1_000_000),
)
VAGUE_HEADS = frozenset({"thousands", "hundreds", "dozens", "millions", "scores"})

_DIGITS = re.compile(r"^\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_DIGITS_SUFFIX = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mln|mn|bn)$", re.IGNORECASE)
_RANGE = re.compile(r"^(\S+)\s*[-–—]\s*(\S+)$")
_SPACED_GROUPS = re.compile(r"(?<=\b\d)[ \u202f\u00a0](?=\d{3}\b)|(?<=\b\d\d)[ \u202f\u00a0]"
                            r"(?=\d{3}\b)|(?<=\b\d\d\d)[ \u202f\u00a0](?=\d{3}\b)")
_DOTTED_GROUPS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


@dataclass(frozen=True)
class Figure:
    value: int
    low: int | None = None
    high: int | None = None
    qualifier: str = "exact"


def parse_digits(text: str) -> float | None:
    text = text.strip()
    if _DIGITS.match(text):
        return float(re.sub(r"[,\u202f\u00a0 ]", "", text))
    match = _DIGITS_SUFFIX.match(text)
    if match:
        return float(match.group(1)) * SCALES[match.group(2).lower()]
    return None


def parse_number(text: str) -> int | None:
    """Parse "3,000", "3000", "1.5 million", "three thousand", "twenty-five", "10k".

    Returns None for anything that is not a plain number (years are numbers too; the caller
    rejects them by context).
    """
    # "11 000" (a space between thousands groups) is one number
    text = _SPACED_GROUPS.sub("", text)
    words = text.lower().replace("-", " ").replace("–", " ").split()
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for k, word in enumerate(words):
        if word == "and":
            continue
        if _DOTTED_GROUPS.match(word) and not (k + 1 < len(words) and words[k + 1] in SCALES):
            word = word.replace(".", "")    # "11.000 troops": a dot between thousands groups
        digits = parse_digits(word)
        if digits is not None:
            current += digits
            seen = True
        elif word in UNITS:
            if word in ("a", "an") and seen:
                return None
            current += UNITS[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word in SCALES and seen:
            scale = SCALES[word]
            if scale == 100:
                current *= scale
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
    if not seen:
        return None
    value = total + current
    if value != int(value) and value < 1000:
        return None
    return int(round(value))


def parse_vague(text: str) -> int | None:
    """Magnitude of a vague figure: "thousands" -> 1000, "tens of thousands" -> 10000."""
    lowered = " ".join(text.lower().split())
    for words, value in VAGUE:
        if lowered == words or lowered.endswith(" " + words):
            return value
    return None


def parse_range(text: str) -> tuple[int, int] | None:
    """"10,000 to 12,000", "between 10,000 and 12,000", "10,000-12,000" -> (low, high)."""
    lowered = " ".join(text.lower().split())
    lowered = re.sub(r"^between\s+", "", lowered)
    for sep in (" to ", " and ", " or ", "-", "–", "—"):
        if sep in lowered:
            left, right = lowered.split(sep, 1)
            low, high = parse_number(left), parse_number(right)
            if low is None or high is None:
                # "10 to 12 thousand": scale word only after the second number
                scale = right.split()[-1] if right.split() else ""
                if scale in SCALES and parse_number(left) is not None:
                    low = parse_number(left + " " + scale)
                if low is None or high is None:
                    continue
            if low < 1000 <= high and "." not in left and low * 1000 <= high and (
                    high % 1000 == 0 and right.split()[-1:] in (["thousand"], ["000"]) or
                    re.fullmatch(r"\d{1,3},000", right.strip())):
                low *= 1000         # "10-12,000", "10 to 12 thousand": 10,000 to 12,000
            if low < high:
                return low, high
    return None


def is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(1[89]|20)\d\d", text.strip()))
