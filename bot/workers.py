"""Extraction in worker processes, for `sitrep ingest --workers N`.

`PooledExtractor` has the `extract_many` of `Extractor`: it sends chunks of texts to N worker
processes (each loads the spaCy model once) and yields their facts in input order, while the
calling process keeps the database work to itself.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice

from bot.extraction import ArticleFacts, Extractor, Item

_worker_extractor: Extractor | None = None


def _init_worker() -> None:
    global _worker_extractor
    _worker_extractor = Extractor()


def _extract_chunk(chunk: list[Item]) -> list[ArticleFacts]:
    assert _worker_extractor is not None
    return list(_worker_extractor.extract_many(chunk))


class PooledExtractor:
    def __init__(self, workers: int, chunk_size: int = 4):
        if workers < 2:
            raise ValueError("PooledExtractor needs at least 2 workers; use Extractor for one")
        self.workers = workers
        self.chunk_size = chunk_size
        context = multiprocessing.get_context("forkserver")
        self._pool = context.Pool(workers, initializer=_init_worker)

    def extract(self, text: str, published: date | None = None, outlet: str | None = None
                ) -> ArticleFacts:
        return next(self.extract_many([(text, published, outlet)]))

    def extract_many(self, items: Iterable[Item]) -> Iterator[ArticleFacts]:
        """Start extracting at once (the workers begin while the caller does other work);
        the facts come back in input order as the caller iterates."""
        iterator = iter(items)
        chunks = iter(lambda: list(islice(iterator, self.chunk_size)), [])
        results = self._pool.imap(_extract_chunk, chunks)
        return (facts for chunk in results for facts in chunk)

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()

    def __enter__(self) -> PooledExtractor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
