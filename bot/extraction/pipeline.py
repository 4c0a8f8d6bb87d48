"""Adding the sitrep components to a spaCy pipeline."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from bot.extraction import denials, entities, estimates, quotes  # noqa: F401  (registers)

COMPONENTS = ("sitrep_entities", "sitrep_quotes", "sitrep_estimates", "sitrep_denials")


@Language.component("sitrep_paragraphs")
def sitrep_paragraphs(doc: Doc) -> Doc:
    """A line break starts a sentence: headings and bullets never run into the next line."""
    for tok in doc[:-1]:
        if "\n" in tok.text or tok.text in ("•", "●", "▪"):
            doc[tok.i + 1].is_sent_start = True
    return doc


def add_sitrep_components(nlp: Language) -> Language:
    """Add the sitrep components once (idempotent); the paragraph rule goes before the parser."""
    if "sitrep_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("sitrep_paragraphs", before="parser")
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp
