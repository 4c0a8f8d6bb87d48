"""The model's attribute_ruler and lemmatizer, run from a memo table: same rules, same results.

spaCy's `attribute_ruler` maps each tagged token to its coarse part of speech, morphology and
some lemmas through ~180 Matcher patterns, and the `lemmatizer` then looks up the remaining
lemmas. On news text the pair costs about a quarter of the whole pipeline, yet what they give a
token depends only on the token's own state (text, tag, dependency label, what is already set)
except for a handful of two-token patterns ("gon na", "there is").

`sitrep_attributes` replaces both: it reads the ruler's own patterns, and for each token state
it has not met before it finds the matching patterns, applies their attributes with spaCy's own
`set_token_attrs` in the ruler's order, runs the model's own lemmatizer, and remembers the
result; every later token in that state is written from the table in one `Doc.from_array`.
Multi-token patterns are matched as the ruler would. Patterns it cannot read (operators, other
attributes) leave the model as it was: `install()` then returns False and nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
from spacy.attrs import DEP, LEMMA, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs  # what AttributeRuler itself calls

NAME = "sitrep_attributes"
MAX_STATES = 200_000    # token states remembered (~40 MB); the table starts afresh beyond that
REPLACES = ("attribute_ruler", "lemmatizer")
_COLUMNS = [ORTH, NORM, TAG, DEP, POS, MORPH, LEMMA]
_OUT = [TAG, DEP, POS, MORPH, LEMMA]
_READ: dict[str, Callable[[Token], object]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
    "ORTH": lambda t: t.orth_, "TEXT": lambda t: t.text, "NORM": lambda t: t.norm_,
    "IS_SPACE": lambda t: t.is_space, "IS_PUNCT": lambda t: t.is_punct,
}


class UnsupportedPattern(ValueError):
    """A ruler pattern this table cannot evaluate token by token."""


def _predicate(attr: str, value) -> Callable[[Token], bool]:
    read = _READ.get(attr)
    if read is None:
        raise UnsupportedPattern(f"attribute {attr}")
    if isinstance(value, bool):
        return lambda t: read(t) is value
    if isinstance(value, str):
        return lambda t: read(t) == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            options = frozenset(arg)
            return lambda t: read(t) in options
        if op == "NOT_IN":
            options = frozenset(arg)
            return lambda t: read(t) not in options
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda t: bool(rx.search(str(read(t))))
    raise UnsupportedPattern(f"{attr}: {value!r}")


def _token_test(spec: dict) -> Callable[[Token], bool]:
    if "OP" in spec:
        raise UnsupportedPattern("OP")
    tests = [_predicate(attr, value) for attr, value in spec.items()]
    if len(tests) == 1:
        return tests[0]
    return lambda t: all(test(t) for test in tests)


def _bucket(spec: dict) -> tuple[str, frozenset[str]] | None:
    """The TAG or LOWER values a one-token pattern needs, to try it only on such tokens."""
    for attr in ("TAG", "LOWER"):
        value = spec.get(attr)
        if isinstance(value, str):
            return attr, frozenset([value])
        if isinstance(value, dict) and set(value) == {"IN"}:
            return attr, frozenset(value["IN"])
    return None


class FastAttributes:
    """The compiled ruler + lemmatizer (see the module docstring)."""

    def __init__(self, vocab, ruler, lemmatizer=None):
        self.vocab = vocab
        self.lemmatizer = lemmatizer
        if lemmatizer is not None:
            _index_as_sets(lemmatizer)
        # one-token patterns as (order, test, attrs); multi-token ones as (order, tests, index,
        # attrs); `order` is the ruler's: later patterns win, as in AttributeRuler.match
        self.single: list[tuple[int, Callable[[Token], bool], dict]] = []
        self.multi: list[tuple[int, list[Callable[[Token], bool]], int, dict]] = []
        self._by: dict[str, dict[str, list[int]]] = {"TAG": {}, "LOWER": {}}
        self._anywhere: list[int] = []
        for order, pattern in enumerate(ruler.patterns):
            attrs = ruler.attrs[order]
            for tokens in pattern["patterns"]:
                tests = [_token_test(spec) for spec in tokens]
                if not 1 <= len(tests) <= 8:
                    raise UnsupportedPattern(f"{len(tests)} tokens")
                if len(tests) == 1:
                    self.single.append((order, tests[0], attrs))
                    bucket = _bucket(tokens[0])
                    if bucket is None:
                        self._anywhere.append(len(self.single) - 1)
                    else:
                        for value in bucket[1]:
                            self._by[bucket[0]].setdefault(value, []).append(
                                len(self.single) - 1)
                else:
                    index = pattern["index"]
                    if not -len(tests) <= index < len(tests):
                        raise UnsupportedPattern(f"index {index}")
                    self.multi.append((order, tests, index % len(tests), attrs))
        self._attrs = {order: attrs for order, _test, attrs in self.single}
        self._attrs.update({order: attrs for order, _t, _i, attrs in self.multi})
        # token state -> (output row, orders of the one-token patterns it matches, multi flags)
        self.table: dict[tuple, tuple[tuple, tuple[int, ...], int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = self.table
        states = list(map(tuple, doc.to_array(_COLUMNS).tolist()))
        entries = []
        flagged = []
        for i, state in enumerate(states):
            entry = table.get(state)
            if entry is None:
                if len(table) >= MAX_STATES:
                    table.clear()
                entry = table[state] = self._learn(state)
            entries.append(entry)
            if entry[2]:
                flagged.append(i)
        rows = [entry[0] for entry in entries]
        if flagged:
            for target, extra in self._multi_matches(entries, flagged).items():
                state, (_row, orders, _flags) = states[target], entries[target]
                rows[target] = self._apply(state, sorted(set(orders) | set(extra)))
        doc.from_array(_OUT, np.array(rows, dtype="uint64").reshape(len(doc), len(_OUT)))
        return doc

    def _learn(self, state: tuple) -> tuple[tuple, tuple[int, ...], int]:
        token = self._scratch(state)
        candidates = sorted({*self._anywhere, *self._by["TAG"].get(token.tag_, ()),
                             *self._by["LOWER"].get(token.lower_, ())})
        single = self.single
        orders = tuple(single[c][0] for c in candidates if single[c][1](token))
        flags = 0
        for p, (_order, tests, _index, _attrs) in enumerate(self.multi):
            for k, test in enumerate(tests):
                if test(token):
                    flags |= 1 << (p * 8 + k)
        return self._apply(state, orders, token), orders, flags

    def _multi_matches(self, entries, starts: list[int]) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        n = len(entries)
        for p, (order, tests, index, _attrs) in enumerate(self.multi):
            width = len(tests)
            for start in starts:
                if start + width <= n and all(entries[start + k][2] >> (p * 8 + k) & 1 for k in range(width)):
                    found.setdefault(start + index, []).append(order)
        return found

    def _scratch(self, state: tuple) -> Token:
        """A one-token Doc in the given state (ORTH, NORM, TAG, DEP, POS, MORPH, LEMMA)."""
        orth, norm, tag, dep, pos, morph, lemma = state
        doc = Doc(self.vocab, words=[self.vocab.strings[orth]], spaces=[False])
        doc.from_array(_COLUMNS[1:], np.array([[norm, tag, dep, pos, morph, lemma]],
                                              dtype="uint64"))
        return doc[0]

    def _apply(self, state: tuple, orders, token: Token | None = None) -> tuple:
        """The ruler's attributes for these patterns, in order, then the lemmatizer."""
        token = token if token is not None else self._scratch(state)
        for order in orders:
            set_token_attrs(token, self._attrs[order])
        lemmatizer = self.lemmatizer
        if lemmatizer is not None and (lemmatizer.overwrite or token.lemma == 0):
            token.lemma_ = lemmatizer.lemmatize(token)[0]
        return (token.tag, token.dep, token.pos, token.morph.key, token.lemma)


def _index_as_sets(lemmatizer) -> None:
    """The rule lemmatizer asks `form in index` of lists of up to 57,000 words: make them sets.

    Only membership is ever asked of the index, so the lemmas are the same; a lookup no longer
    scans the list (0.6 ms a new word before, microseconds after).
    """
    if "lemma_index" not in lemmatizer.lookups.tables:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, value in list(table.items()):
        if isinstance(value, list):
            table[key] = frozenset(value)


@Language.factory(NAME)
def make_fast_attributes(nlp: Language, name: str):
    ruler = nlp.get_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None
    return FastAttributes(nlp.vocab, ruler, lemmatizer)


def install(nlp: Language) -> bool:
    """Run the model's attribute_ruler and lemmatizer through `sitrep_attributes` instead.

    Idempotent. The two spaCy components stay in the pipeline, disabled (so they can be turned
    back on); returns False, changing nothing, when the model has no attribute_ruler, a lemmatizer
    in an unknown place, or ruler patterns the table cannot evaluate.
    """
    if NAME in nlp.pipe_names:
        return True
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    names = nlp.pipe_names
    ruler_at = names.index("attribute_ruler")
    if "lemmatizer" in names and names.index("lemmatizer") != ruler_at + 1:
        return False   # something runs between the two: keep spaCy's order exactly
    try:
        nlp.add_pipe(NAME, after="attribute_ruler")
    except UnsupportedPattern:
        return False
    for name in REPLACES:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    return True
