"""Ingest: inputs -> articles -> extracted facts -> the database, one transaction per batch.

Exact duplicates (same normalised words) are skipped; near-copies are stored as copies of the
first article, without facts of their own; the rest go through the extractor in batches.
A failing input is reported and leaves nothing behind; the others go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from itertools import islice

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.extraction import Extractor
from bot.sources import SourceDocument, SourceError, read_source
from bot.storage import fingerprints
from bot.storage.articles import add_article, add_facts, find_duplicate, find_near_copy
from bot.storage.entities import EntityResolver
from bot.storage.models import Article

STORED, DUPLICATE, COPY, FAILED = "stored", "duplicate", "copy", "failed"


@dataclass(frozen=True)
class IngestResult:
    source: str
    status: str                     # stored | duplicate | copy | failed
    message: str = ""
    article_id: int | None = None
    original_id: int | None = None  # for duplicates and copies: the article it repeats


@dataclass
class _Pending:
    document: SourceDocument
    content_hash: str
    shingles: set[int]
    copy_of_plan: tuple[_Batch, int] | None = None   # near-copy of an article not yet stored
    copy_of_id: int | None = None                    # near-copy of a stored article

    @property
    def is_new(self) -> bool:
        return self.copy_of_plan is None and self.copy_of_id is None


@dataclass
class _Batch:
    plans: list[IngestResult | _Pending]
    facts: Iterator = field(default_factory=lambda: iter(()))
    stored_ids: dict[int, int] = field(default_factory=dict)   # plan index -> article id


class Ingestor:
    """Reads, plans, extracts and stores inputs in batches.

    While one batch is being stored, the next one is already read, planned and handed to the
    extractor, so an extractor with worker processes (`--workers N`) never waits for the
    database. (The in-process extractor is not moved to a thread: spaCy holds the GIL for most
    of its work, and nlp.pipe beside a busy Python thread took 2.2-2.9 times as long.)
    Near-copies and duplicates are found across both batches in memory, and against the
    database for everything stored before.
    """

    def __init__(self, sessions: sessionmaker[Session], extractor: Extractor | None = None,
                 max_bytes: int = 5 * 1024 * 1024, batch_size: int = 32,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)):
        self.sessions = sessions
        self._extractor = extractor
        self.max_bytes = max_bytes
        self.batch_size = batch_size
        self.clock = clock
        self.resolver = EntityResolver()

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = Extractor()
        return self._extractor

    def ingest(self, inputs: Iterable[str]) -> Iterator[IngestResult]:
        """Yield one result per input, in order; commits each stored article on its own."""
        iterator = iter(inputs)
        return self._pipeline(iter(lambda: self._read(list(islice(iterator, self.batch_size))),
                                   []))

    def ingest_documents(self, documents: Iterable[SourceDocument]) -> Iterator[IngestResult]:
        iterator = iter(documents)
        return self._pipeline(iter(lambda: [(d.source, d) for d in
                                            islice(iterator, self.batch_size)], []))

    def _read(self, sources: list[str]) -> list[tuple[str, SourceDocument | IngestResult]]:
        read: list[tuple[str, SourceDocument | IngestResult]] = []
        for source in sources:
            try:
                read.append((source, read_source(source, self.max_bytes)))
            except SourceError as exc:
                read.append((source, IngestResult(source, FAILED, str(exc))))
        return read

    def _pipeline(self, batches: Iterator[list]) -> Iterator[IngestResult]:
        previous: _Batch | None = None
        for items in batches:
            current = self._prepare(items, previous)
            if previous is not None:
                yield from self._store_batch(previous)
            previous = current
        if previous is not None:
            yield from self._store_batch(previous)

    def _prepare(self, items: list[tuple[str, SourceDocument | IngestResult]],
                 previous: _Batch | None) -> _Batch:
        """Plan a batch (duplicates, near-copies) and start extracting its new articles."""
        batch = _Batch([])
        seen_hashes: dict[str, None] = {}
        if previous is not None:
            seen_hashes.update((p.content_hash, None) for p in previous.plans
                               if isinstance(p, _Pending))
        with self.sessions() as session:
            for source, item in items:
                if isinstance(item, IngestResult):
                    batch.plans.append(item)
                    continue
                batch.plans.append(self._plan(session, source, item, batch, previous,
                                              seen_hashes))
        new_texts = [(p.document.text, p.document.published, p.document.outlet)
                     for p in batch.plans if isinstance(p, _Pending) and p.is_new]
        if new_texts:
            batch.facts = iter(self.extractor.extract_many(new_texts))
        return batch

    def _store_batch(self, batch: _Batch) -> Iterator[IngestResult]:
        """Store a batch in one transaction and report it once committed (an article reported
        stored is stored). When that fails, the batch is stored again one article per
        transaction, so that only the article at fault fails and the others go on."""
        work = [(plan, next(batch.facts) if isinstance(plan, _Pending) and plan.is_new else None)
                for plan in batch.plans]

        def store_each(store: Callable[[_Pending, object], IngestResult]) -> list[IngestResult]:
            results = []
            for index, (plan, facts) in enumerate(work):
                result = plan if isinstance(plan, IngestResult) else store(plan, facts)
                if result.status == STORED:
                    batch.stored_ids[index] = result.article_id
                results.append(result)
            return results

        try:
            with self.sessions.begin() as session:
                results = store_each(partial(self._store_in, session))
        except SQLAlchemyError:
            self.resolver.rollback()
            batch.stored_ids.clear()
            results = store_each(self._store_alone)
        except BaseException:
            self.resolver.rollback()
            batch.stored_ids.clear()
            raise
        else:
            self.resolver.commit()
        yield from results

    def _plan(self, session: Session, source: str, document: SourceDocument, batch: _Batch,
              previous: _Batch | None, seen_hashes: dict[str, None]) -> IngestResult | _Pending:
        content_hash = fingerprints.content_hash(document.text)
        if content_hash in seen_hashes:
            return IngestResult(source, DUPLICATE, "same text as an earlier input")
        try:
            existing = find_duplicate(session, content_hash)
        except SQLAlchemyError as exc:
            return IngestResult(source, FAILED, f"database error: {_reason(exc)}")
        if existing is not None:
            return IngestResult(source, DUPLICATE, f"already stored as article {existing}",
                                original_id=existing)
        seen_hashes[content_hash] = None
        shingles = fingerprints.shingle_hashes(document.text)
        pending = _Pending(document, content_hash, shingles)
        for earlier_batch in (previous, batch):
            if earlier_batch is None:
                continue
            for index, earlier in enumerate(earlier_batch.plans):
                if (isinstance(earlier, _Pending) and earlier.is_new and
                        fingerprints.overlap(shingles, earlier.shingles)
                        >= fingerprints.NEAR_COPY_OVERLAP):
                    pending.copy_of_plan = (earlier_batch, index)
                    return pending
        try:
            near = find_near_copy(session, shingles)
        except SQLAlchemyError as exc:
            return IngestResult(source, FAILED, f"database error: {_reason(exc)}")
        if near is not None:
            pending.copy_of_id = near[0].id
        return pending

    def _store_in(self, session: Session, plan: _Pending, facts) -> IngestResult:
        """Add one article (with its facts, or as a copy) in the caller's transaction."""
        source = plan.document.source
        original_id = plan.copy_of_id
        if plan.copy_of_plan is not None:
            original_batch, original_index = plan.copy_of_plan
            original_id = original_batch.stored_ids.get(original_index)
            if original_id is None:
                # its original failed to store: this one stands on its own
                facts = self.extractor.extract(plan.document.text, plan.document.published)
        original = session.get(Article, original_id) if original_id else None
        article_id = add_article(session, plan.document, plan.content_hash, plan.shingles,
                                 copy_of=original, ingested_at=self.clock())
        if original is not None:
            return IngestResult(source, COPY, f"near-copy of article {original.id}",
                                article_id=article_id, original_id=original.id)
        add_facts(session, article_id, facts, self.resolver)
        return IngestResult(source, STORED, _facts_summary(facts), article_id=article_id)

    def _store_alone(self, plan: _Pending, facts) -> IngestResult:
        """One article in a transaction of its own: a database error fails it alone."""
        try:
            with self.sessions.begin() as session:
                result = self._store_in(session, plan, facts)
        except SQLAlchemyError as exc:
            self.resolver.rollback()
            return IngestResult(plan.document.source, FAILED, f"database error: {_reason(exc)}")
        except BaseException:
            self.resolver.rollback()
            raise
        self.resolver.commit()
        return result


def _facts_summary(facts) -> str:
    return (f"{len(facts.estimates)} estimates, {len(facts.quotes)} quotes, "
            f"{len(facts.entities)} entities")


def _reason(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", exc)).strip().splitlines()[0][:200]
