"""The extraction core: article text in, facts out. Knows nothing of Slack or the database.

The sitrep components (bot.extraction.pipeline) run after spaCy's own: sitrep_entities (the
article's entity and role table), sitrep_quotes (direct quotes and reported speech with
speakers), sitrep_estimates (troop figures) and sitrep_denials.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import date

from bot.extraction.model import ModelMissingError, load_model
from bot.extraction.types import ArticleFacts, Denial, Entity, Estimate, Quote

__all__ = [
    "ArticleFacts", "Denial", "Entity", "Estimate", "Extractor", "Item", "ModelMissingError", "Quote",
    "extract_facts",
]

log = logging.getLogger(__name__)

# An article to extract: its text, its date, and optionally its outlet.
Item = tuple[str, date | None] | tuple[str, date | None, str | None]


class Extractor:
    """Runs the spaCy pipeline plus the sitrep components over article texts."""

    def __init__(self, nlp=None, batch_size: int = 16):
        from bot.extraction.pipeline import add_sitrep_components

        self.nlp = add_sitrep_components(nlp if nlp is not None else load_model())
        self.batch_size = batch_size

    def extract(self, text: str, published: date | None = None, outlet: str | None = None
                ) -> ArticleFacts:
        return next(self.extract_many([(text, published, outlet)]))

    def extract_many(self, items: Iterable[Item]) -> Iterator[ArticleFacts]:
        """Facts of each (text, published) or (text, published, outlet) item, in order; texts
        go through nlp.pipe in batches. The outlet matters when it is an official body: its
        own unsourced figures are its claims (bot.extraction.publisher)."""
        def docs():
            for text, published, *outlet in items:
                doc = self.nlp.make_doc(text or "")
                doc._.sitrep_published = published
                doc._.sitrep_outlet = outlet[0] if outlet else None
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=self.batch_size):
            yield self._facts(doc)

    @staticmethod
    def _facts(doc) -> ArticleFacts:
        table = doc._.sitrep_entities
        facts = ArticleFacts(
            estimates=tuple(doc._.sitrep_estimates or ()),
            quotes=tuple(doc._.sitrep_quotes or ()),
            entities=table.to_entities() if table is not None else (),
            denials=tuple(doc._.sitrep_denials or ()),
        )
        # the shared index points back at the doc: drop it so the doc is freed at once
        # instead of waiting for the cycle collector
        doc._.sitrep_index = None
        doc._.sitrep_resolver = None
        return facts


def extract_facts(text: str, published: date | None = None, outlet: str | None = None
                  ) -> ArticleFacts:
    """Extract the facts of one article: a convenience for scripts and the REPL.

    Ingest and `sitrep extract` hold one `Extractor` and call `extract_many` (batched); the
    model is loaded once per process either way (`load_model` is cached).
    """
    return Extractor().extract(text, published, outlet)
