"""Name matching shared by extraction and storage (first version: exact and fuzzy surname)."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

_TITLES = {"mr", "mrs", "ms", "dr", "president", "minister", "general", "gen", "the"}


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[’'`]s\b", "", text.casefold())
    words = [w for w in re.findall(r"[a-z0-9]+", text) if w not in _TITLES]
    return " ".join(words)


def same_entity(name_a: str, name_b: str, label: str) -> bool:
    a, b = normalise_name(name_a).split(), normalise_name(name_b).split()
    if not a or not b:
        return False
    if a == b:
        return True
    if label != "PERSON":
        return fuzz.ratio(" ".join(a), " ".join(b)) >= 93
    if fuzz.ratio(a[-1], b[-1]) < 88:
        return False
    given_a, given_b = a[:-1], b[:-1]
    if not given_a or not given_b:
        return True
    return len(given_a) == len(given_b) and all(
        fuzz.ratio(x, y) >= 85 for x, y in zip(given_a, given_b, strict=True)
    )
