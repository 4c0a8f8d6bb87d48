"""Ingest: inputs -> articles -> extracted facts -> the database, one transaction per article.

Exact duplicates (same normalised words) are skipped; near-copies are stored as copies of the
first article, without facts of their own; the rest go through the extractor in batches.
A failing input is reported and leaves nothing behind; the others go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
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
    extractor, so extraction never waits for the database: an extractor with worker processes
    (`--workers N`) runs ahead by itself; the in-process one runs in one background thread
    (spaCy's parser and matrix products, and SQLite, release the GIL, so storing overlaps
    with extracting). Only that thread ever runs the in-process model during an ingest.
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
        self._ahead: ThreadPoolExecutor | None = None

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
        try:
            for items in batches:
                current = self._prepare(items, previous)
                if previous is not None:
                    yield from self._store_batch(previous)
                previous = current
            if previous is not None:
                yield from self._store_batch(previous)
        finally:
            if self._ahead is not None:
                # waits for a batch still in extraction (stopped early or interrupted), so the
                # model is never left running behind the caller's back
                self._ahead.shutdown(wait=True, cancel_futures=True)
                self._ahead = None

    def _extract_ahead(self, items: list[tuple[str, object]]) -> Iterator:
        """Start extracting `items` now; the iterator yields their facts, in order."""
        extractor = self.extractor
        if getattr(extractor, "runs_ahead", False):
            return iter(extractor.extract_many(items))
        if self._ahead is None:
            self._ahead = ThreadPoolExecutor(1, thread_name_prefix="sitrep-extract")
        return _facts_of(self._ahead.submit(_collect, extractor.extract_many(items)))

    def _extract_now(self, text: str, published) -> object:
        """One article's facts, in turn with the batches already given to the extractor."""
        if self._ahead is not None:
            return self._ahead.submit(self.extractor.extract, text, published).result()
        return self.extractor.extract(text, published)

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
        new_texts = [(p.document.text, p.document.published) for p in batch.plans
                     if isinstance(p, _Pending) and p.is_new]
        if new_texts:
            batch.facts = self._extract_ahead(new_texts)
        return batch

    def _store_batch(self, batch: _Batch) -> Iterator[IngestResult]:
        for index, plan in enumerate(batch.plans):
            if isinstance(plan, IngestResult):
                yield plan
                continue
            article_facts = next(batch.facts) if plan.is_new else None
            result = self._store(plan, article_facts)
            if result.article_id is not None and result.status == STORED:
                batch.stored_ids[index] = result.article_id
            yield result

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
            return IngestResult(source, DUPLICATE, f"already stored as article {existing.id}",
                                original_id=existing.id)
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

    def _store(self, plan: _Pending, facts) -> IngestResult:
        source = plan.document.source
        original_id = plan.copy_of_id
        if plan.copy_of_plan is not None:
            original_batch, original_index = plan.copy_of_plan
            original_id = original_batch.stored_ids.get(original_index)
            if original_id is None:
                # its original failed to store: this one stands on its own
                facts = self._extract_now(plan.document.text, plan.document.published)
        try:
            with self.sessions.begin() as session:
                original = session.get(Article, original_id) if original_id else None
                article_id = add_article(session, plan.document, plan.content_hash,
                                         plan.shingles, copy_of=original,
                                         ingested_at=self.clock())
                if original is None:
                    add_facts(session, article_id, facts, self.resolver)
                    result = IngestResult(source, STORED, _facts_summary(facts),
                                          article_id=article_id)
                else:
                    result = IngestResult(source, COPY, f"near-copy of article {original.id}",
                                          article_id=article_id, original_id=original.id)
        except SQLAlchemyError as exc:
            self.resolver.rollback()
            return IngestResult(source, FAILED, f"database error: {_reason(exc)}")
        except BaseException:
            self.resolver.rollback()
            raise
        self.resolver.commit()
        return result


def _collect(facts: Iterator) -> tuple[list, Exception | None]:
    """Run in the extraction thread: the facts made before an error, and the error."""
    made: list = []
    try:
        for item in facts:
            made.append(item)
    except Exception as exc:  # handed to the storing side, after the articles before it
        return made, exc
    return made, None


def _facts_of(future: Future) -> Iterator:
    made, error = future.result()
    yield from made
    if error is not None:
        raise error


def _facts_summary(facts) -> str:
    return (f"{len(facts.estimates)} estimates, {len(facts.quotes)} quotes, "
            f"{len(facts.entities)} entities")


def _reason(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", exc)).strip().splitlines()[0][:200]
