"""Adding the sitrep components to a spaCy pipeline."""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from bot.extraction import attributes, denials, entities, estimates, quotes  # noqa: F401  (registers)

_BREAK = re.compile("[\n•●▪]")
COMPONENTS = ("sitrep_entities", "sitrep_quotes", "sitrep_estimates", "sitrep_denials")


@Language.component("sitrep_paragraphs")
def sitrep_paragraphs(doc: Doc) -> Doc:
    """A line break starts a sentence: headings and bullets never run into the next line."""
    text = doc.text
    doc.user_data["sitrep_text"] = text     # the components read it from here (DocIndex.text)
    if len(doc) < 2 or not _BREAK.search(text):
        return doc
    starts = doc.to_array([IDX]).astype("int64").ravel()
    positions = [m.start() for m in _BREAK.finditer(text)]
    for i in set((np.searchsorted(starts, positions, side="right") - 1).tolist()):
        if 0 <= i < len(doc) - 1:
            doc[i + 1].is_sent_start = True
            first = doc[i + 1]
            if first.is_alpha and first.i + 1 < len(doc) and \
                    not doc[first.i + 1].is_space and "\n" not in doc[first.i + 1].text and \
                    not _BREAK.match(doc[first.i + 1].text):
                # after a heading the parser may end a sentence at a line's first word
                # ("WarGonzo" / "Semyon | Pegov, the war correspondent, told …"); a line's
                # first word alone is never a sentence
                doc[first.i + 1].is_sent_start = False
    return doc


def add_sitrep_components(nlp: Language) -> Language:
    """Add the sitrep components once (idempotent); the paragraph rule goes before the parser.

    The model's attribute_ruler and lemmatizer run as `sitrep_attributes` (same rules and
    results from a memo table, a fraction of the time: bot/extraction/attributes.py).
    """
    attributes.install(nlp)
    if "sitrep_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("sitrep_paragraphs", before="parser")
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp
