"""Content fingerprints: the exact-duplicate hash and word shingles for near-copies.

A near-copy (a syndicated re-publication) is an article at least `NEAR_COPY_OVERLAP` of
whose 5-word shingles appear in one stored article. Candidates are found through a
content-defined sample of shingle hashes (those divisible by `SAMPLE_MODULUS`), so the
same shingle is sampled in every article that has it; the overlap is then computed exactly.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

SHINGLE_WORDS = 5
SAMPLE_MODULUS = 8
NEAR_COPY_OVERLAP = 0.9
_WORD = re.compile(r"\w+", re.UNICODE)


def normalised_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(text)


def content_hash(text: str) -> str:
    """Hash of the normalised words: the same text with other spacing or case is a duplicate."""
    return hashlib.sha256(" ".join(normalised_words(text)).encode("utf-8")).hexdigest()


def shingle_hashes(text: str) -> set[int]:
    words = normalised_words(text)
    if len(words) < SHINGLE_WORDS:
        return {_hash64(" ".join(words))} if words else set()
    return {
        _hash64(" ".join(words[i:i + SHINGLE_WORDS]))
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def sample(hashes: set[int]) -> set[int]:
    return {h for h in hashes if h % SAMPLE_MODULUS == 0}


def overlap(new: set[int], stored: set[int]) -> float:
    """Share of the new article's shingles that the stored article also has."""
    if not new:
        return 0.0
    return len(new & stored) / len(new)


def _hash64(value: str) -> int:
    # signed 63-bit so it fits a BIGINT on every database
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(),
                          "big") >> 1
