"""The extraction core: article text in, facts out. Knows nothing of Slack or the database."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from bot.extraction.model import ModelMissingError, load_model
from bot.extraction.types import ArticleFacts, Denial, Entity, Estimate, Quote

__all__ = [
    "ArticleFacts", "Denial", "Entity", "Estimate", "Extractor", "ModelMissingError", "Quote",
    "extract_facts",
]

_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC"}


class Extractor:
    """Runs the spaCy pipeline over article texts and returns their facts.

    Until the quote and estimate components exist this returns spaCy's named entities only;
    quotes and estimates are never faked.
    """

    def __init__(self, nlp=None, batch_size: int = 16):
        self.nlp = nlp if nlp is not None else load_model()
        self.batch_size = batch_size

    def extract(self, text: str, published: date | None = None) -> ArticleFacts:
        return next(self.extract_many([(text, published)]))

    def extract_many(
        self, items: Iterable[tuple[str, date | None]]
    ) -> Iterator[ArticleFacts]:
        for doc, _published in self.nlp.pipe(items, as_tuples=True, batch_size=self.batch_size):
            yield self._facts(doc)

    @staticmethod
    def _facts(doc) -> ArticleFacts:
        found: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for ent in doc.ents:
            if ent.label_ in _ENTITY_LABELS:
                name = ent.text.strip()
                found.setdefault((name, ent.label_), []).append((ent.start_char, ent.end_char))
        entities = tuple(
            Entity(name=name, label=label, aliases=(), mentions=tuple(spans))
            for (name, label), spans in found.items()
        )
        return ArticleFacts(entities=entities)


def extract_facts(text: str, published: date | None = None) -> ArticleFacts:
    """Extract the facts of one article (the one entry point ingest uses)."""
    return Extractor().extract(text, published)
