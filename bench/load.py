"""Bulk-loading a generated corpus through the project's storage models, as ingest would leave
it: articles (near-copies pointing at their original, without facts or shingles), sampled
shingles, entities with aliases and mentions, quotes, estimates and denials.

Rows are built once per chunk (`RowBuilder`, which keeps the entity table across chunks) and
inserted with `session.execute(insert(Model), rows)` into one or more databases, so SQLite and
PostgreSQL hold exactly the same data. Loading is incremental: 1k, then up to 10k, then 100k.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.orm import Session

from bench.corpus import GenArticle
from bot.extraction.names import normalise_name
from bot.storage import fingerprints
from bot.storage.models import (
    Article,
    ArticleShingle,
    Denial,
    Entity,
    EntityAlias,
    EntityMention,
    Estimate,
    Quote,
)

# parents before children: the order rows are inserted in
ORDER = (Entity, EntityAlias, Article, ArticleShingle, EntityMention, Quote, Estimate, Denial)
INSERT_BATCH = 5000


@dataclass
class Chunk:
    rows: dict[type, list[dict]] = field(default_factory=lambda: {m: [] for m in ORDER})

    def count(self) -> int:
        return sum(len(r) for r in self.rows.values())


class RowBuilder:
    """Turns generated articles into rows; entity ids are assigned once and kept."""

    def __init__(self) -> None:
        self.entity_ids: dict[tuple[str, str], int] = {}
        self.alias_keys: set[tuple[int, str]] = set()
        self.aliases_seen: set[tuple[int, str]] = set()
        self.hashes: set[str] = set()

    def _entity(self, chunk: Chunk, name: str, label: str, aliases: Iterable[str] = (),
                role: str | None = None) -> int:
        key = (name, label)
        entity_id = self.entity_ids.get(key)
        if entity_id is None:
            entity_id = len(self.entity_ids) + 1
            self.entity_ids[key] = entity_id
            chunk.rows[Entity].append(dict(id=entity_id, name=name[:300], label=label,
                                           role=role))
        for alias in (name, *aliases):
            if (entity_id, alias) in self.aliases_seen:
                continue
            self.aliases_seen.add((entity_id, alias))
            normalized = normalise_name(alias)[:300]
            if normalized and (entity_id, normalized) not in self.alias_keys:
                self.alias_keys.add((entity_id, normalized))
                chunk.rows[EntityAlias].append(dict(entity_id=entity_id, alias=alias[:300],
                                                    normalized=normalized))
        return entity_id

    def chunk(self, articles: Iterable[GenArticle], pool=None) -> Chunk:
        """Rows of these articles; `pool` (a multiprocessing pool) computes the fingerprints."""
        chunk = Chunk()
        rows = chunk.rows
        articles = list(articles)
        texts = [(a.text, a.copy_of is None) for a in articles]
        prints = (pool.map(fingerprint, texts, chunksize=64) if pool is not None
                  else [fingerprint(t) for t in texts])
        for article, (content_hash, sampled) in zip(articles, prints, strict=True):
            article_id = article.index + 1
            if content_hash in self.hashes:     # the generator never repeats a text; be sure
                continue
            self.hashes.add(content_hash)
            rows[Article].append(dict(
                id=article_id, content_hash=content_hash, source=f"bench/{article.index:06d}.txt",
                title=article.title, outlet=article.outlet, url=article.url,
                published=article.published, ingested_at=article.ingested_at, text=article.text,
                word_count=len(article.text.split()),
                copy_of_id=article.copy_of + 1 if article.copy_of is not None else None))
            if article.copy_of is not None:
                continue
            rows[ArticleShingle].extend(dict(article_id=article_id, hash=h) for h in sampled)
            for name, label, aliases, role, spans in article.entities:
                entity_id = self._entity(chunk, name, label, aliases, role)
                rows[EntityMention].extend(dict(article_id=article_id, entity_id=entity_id,
                                                start=s, end=e) for s, e in spans)
            for fact in article.facts:
                v = fact.values
                if fact.kind == "quote":
                    rows[Quote].append(dict(
                        article_id=article_id, speaker=v["speaker"],
                        speaker_entity_id=self._entity(chunk, *v["speaker_entity"]),
                        text=v["text"], kind=v["kind"], sentence=v["sentence"],
                        start=v["start"], end=v["end"]))
                elif fact.kind == "estimate":
                    rows[Estimate].append(dict(
                        article_id=article_id, count=v["count"], low=v["low"], high=v["high"],
                        qualifier=v["qualifier"], status=v["status"], force=v["force"],
                        location=v["location"], claimed_by=v["claimed_by"],
                        claimant_entity_id=self._entity(chunk, *v["claimant"]),
                        stated_on=v["stated_on"], composition=v["composition"],
                        sentence=v["sentence"], start=v["start"], end=v["end"]))
                else:
                    rows[Denial].append(dict(
                        article_id=article_id, denied_by=v["denied_by"], force=v["force"],
                        kind=v["kind"], text=v["text"], stated_on=v["stated_on"],
                        sentence=v["sentence"], start=v["start"], end=v["end"]))
        return chunk


def fingerprint(item: tuple[str, bool]) -> tuple[str, list[int]]:
    """(content hash, sampled shingle hashes) of a text, as ingest computes them."""
    text_, original = item
    sampled = fingerprints.sample(fingerprints.shingle_hashes(text_)) if original else set()
    return fingerprints.content_hash(text_), sorted(sampled)


def insert_chunk(engine: Engine, chunk: Chunk) -> None:
    """Insert one chunk in one transaction, parents first: `insert(Model)` executemany on
    SQLite, COPY on PostgreSQL (the same rows, five to ten times faster there)."""
    with Session(engine) as session, session.begin():
        postgres = session.bind.dialect.name == "postgresql"
        for model in ORDER:
            rows = chunk.rows[model]
            if not rows:
                continue
            if postgres:
                _copy(session, model, rows)
                continue
            for at in range(0, len(rows), INSERT_BATCH):
                session.execute(insert(model), rows[at:at + INSERT_BATCH])


def _copy(session: Session, model: type, rows: list[dict]) -> None:
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    cursor = session.connection().connection.driver_connection.cursor()
    with cursor.copy(f"COPY {model.__tablename__} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])


def finish(engine: Engine) -> None:
    """After explicit ids: move PostgreSQL's sequences past them; refresh planner statistics."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            for model in (Article, Entity, EntityAlias, EntityMention, Quote, Estimate, Denial):
                table = model.__tablename__
                connection.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table}), 1))"))
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    else:
        with engine.begin() as connection:
            connection.execute(text("ANALYZE"))


def count_articles(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count(Article.id))) or 0
