"""One pass over a parsed Doc that the sitrep components share: which tokens carry a given
lemma or lowercase form, and which could start a figure. Built with `Doc.to_array` (no Python
Token objects), so each component visits only the handful of tokens its cue lists name instead
of scanning every token of every article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from spacy.attrs import IDX, LEMMA, LIKE_NUM, LOWER
from spacy.tokens import Doc

if not Doc.has_extension("sitrep_index"):
    Doc.set_extension("sitrep_index", default=None)

_DIGIT = re.compile(r"\d")


class DocIndex:
    def __init__(self, doc: Doc):
        self.doc = doc
        if len(doc):
            arr = doc.to_array([LOWER, LEMMA, LIKE_NUM, IDX])
        else:
            arr = np.zeros((0, 4), dtype="uint64")
        self.lower = arr[:, 0]
        self.lemma = arr[:, 1]
        self.like_num = arr[:, 2].astype(bool)
        self.idx = arr[:, 3].astype("int64")
        self._hashes: dict[frozenset[str], np.ndarray] = {}
        self._text: str | None = None
        self._lead_ins: dict[int, int] = {}

    @property
    def text(self) -> str:
        """Doc.text joins every token on each access: read it once per doc."""
        if self._text is None:
            cached = self.doc.user_data.get("sitrep_text")
            last = self.doc[-1] if len(self.doc) else None
            if cached is not None and (last is None or len(cached) == last.idx + len(
                    last.text_with_ws)):
                self._text = cached         # set by sitrep_paragraphs; tokens never change
            else:
                self._text = self.doc.text
        return self._text

    def lead_in_end(self, line_start: int, pattern: re.Pattern) -> int:
        """Where the dateline or label opening the line at `line_start` ends (or the line
        start itself when there is none), computed once per line."""
        end = self._lead_ins.get(line_start)
        if end is None:
            match = pattern.match(self.text, line_start)
            end = match.end() if match else line_start
            self._lead_ins[line_start] = end
        return end

    def _hash_array(self, words: frozenset[str]) -> np.ndarray:
        found = self._hashes.get(words)
        if found is None:
            strings = self.doc.vocab.strings
            found = np.array([strings.add(w) for w in words], dtype="uint64")
            self._hashes[words] = found
        return found

    def with_lemma(self, lemmas: frozenset[str]) -> list[int]:
        """Token indices whose lemma is in `lemmas`, in order."""
        return np.flatnonzero(np.isin(self.lemma, self._hash_array(lemmas))).tolist()

    def with_lower(self, words: frozenset[str]) -> list[int]:
        """Token indices whose lowercase text is in `words`, in order."""
        return np.flatnonzero(np.isin(self.lower, self._hash_array(words))).tolist()

    def with_lemma_or_lower(self, words: Iterable[str]) -> list[int]:
        words = frozenset(words)
        hashes = self._hash_array(words)
        mask = np.isin(self.lemma, hashes) | np.isin(self.lower, hashes)
        return np.flatnonzero(mask).tolist()

    def maybe_figure(self, words: frozenset[str]) -> np.ndarray:
        """Boolean mask: tokens that look like a number, contain a digit, or are in `words`."""
        mask = self.like_num | np.isin(self.lower, self._hash_array(words))
        text = self.text
        if len(self.idx):
            positions = [m.start() for m in _DIGIT.finditer(text)]
            if positions:
                tokens = np.searchsorted(self.idx, positions, side="right") - 1
                mask[tokens[tokens >= 0]] = True
        return mask


def doc_index(doc: Doc) -> DocIndex:
    """The shared index of `doc`, built on first use."""
    index = doc._.sitrep_index
    if index is None or index.doc is not doc:
        index = DocIndex(doc)
        doc._.sitrep_index = index
    return index
