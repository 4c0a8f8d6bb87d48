"""Storing articles and their facts. Functions take a session and never commit."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from bot.extraction.types import ArticleFacts
from bot.sources import SourceDocument
from bot.storage import fingerprints
from bot.storage.entities import EntityResolver, find_entity, resolve_entity
from bot.storage.models import (
    Article,
    ArticleShingle,
    Denial,
    EntityMention,
    Estimate,
    Quote,
)


def find_duplicate(session: Session, content_hash: str) -> int | None:
    """The id of the stored article with the same normalised words, if any."""
    return session.connection().execute(
        select(Article.id).where(Article.content_hash == content_hash)).scalar()


def find_near_copy(session: Session, shingles: set[int], max_candidates: int = 5
                   ) -> tuple[Article, float] | None:
    """The stored original that holds >= NEAR_COPY_OVERLAP of these shingles, if any."""
    sampled = fingerprints.sample(shingles)
    if not sampled:
        return None
    shared = func.count(ArticleShingle.hash)
    rows = session.execute(
        select(ArticleShingle.article_id, shared)
        .where(ArticleShingle.hash.in_(sampled))
        .group_by(ArticleShingle.article_id)
        .order_by(shared.desc())
        .limit(max_candidates)
    ).all()
    for article_id, count in rows:
        if count < len(sampled) * fingerprints.NEAR_COPY_OVERLAP * 0.8:
            break
        candidate = session.get(Article, article_id)
        score = fingerprints.overlap(shingles, fingerprints.shingle_hashes(candidate.text))
        if score >= fingerprints.NEAR_COPY_OVERLAP:
            return (candidate.copy_of or candidate), score
    return None


def add_article(session: Session, document: SourceDocument, content_hash: str,
                shingles: set[int], copy_of: Article | None = None,
                ingested_at: datetime | None = None) -> int:
    """Insert the article (and, unless it is a copy, its sampled shingles); its id."""
    table = Article.__table__
    article_id = session.connection().execute(insert(table).values(
        content_hash=content_hash,
        source=document.source[:2000],
        title=(document.title or None) and document.title[:500],
        outlet=(document.outlet or None) and document.outlet[:300],
        url=document.url,
        published=document.published,
        ingested_at=ingested_at or datetime.now(UTC),
        text=document.text,
        word_count=len(document.text.split()),
        copy_of_id=copy_of.id if copy_of is not None else None,
    ).returning(table.c.id)).scalar_one()
    sampled = fingerprints.sample(shingles) if copy_of is None else ()
    if sampled:
        session.connection().execute(insert(ArticleShingle),
                                     [{"article_id": article_id, "hash": h} for h in sampled])
    return article_id


def add_facts(session: Session, article_id: int, facts: ArticleFacts,
              resolver: EntityResolver | None = None) -> None:
    """Store an article's entities (merged with known ones), quotes, estimates and denials.

    `resolver` remembers entities across calls (ingest passes one); without it every name
    is looked up in the database.
    """
    by_name: dict[str, int] = {}
    mentions: list[dict] = []
    with session.no_autoflush:
        for found in facts.entities:
            if resolver is not None:
                entity_id = resolver.resolve(session, found.name, found.label,
                                             tuple(found.aliases), found.role)
            else:
                entity_id = resolve_entity(session, found.name, found.label,
                                           tuple(found.aliases), found.role).id
            by_name.setdefault(found.name, entity_id)
            for alias in found.aliases:
                by_name.setdefault(alias, entity_id)
            mentions.extend({"article_id": article_id, "entity_id": entity_id,
                             "start": start, "end": end} for start, end in found.mentions)

    def entity_for(name: str | None) -> int | None:
        if not name:
            return None
        if name in by_name:
            return by_name[name]
        if resolver is not None:
            return resolver.find(session, name)
        with session.no_autoflush:
            entity = find_entity(session, name)
        return entity.id if entity is not None else None

    rows = {
        EntityMention: mentions,
        Quote: [{
            "article_id": article_id, "speaker": _clip(quote.speaker, 300),
            "speaker_entity_id": entity_for(quote.speaker), "text": quote.text,
            "kind": quote.kind, "sentence": quote.sentence, "start": quote.start, "end": quote.end,
        } for quote in facts.quotes],
        Estimate: [{
            "article_id": article_id, "count": estimate.count, "low": estimate.low,
            "high": estimate.high, "qualifier": estimate.qualifier, "status": estimate.status,
            "force": _clip(estimate.force, 100), "location": _clip(estimate.location, 300),
            "claimed_by": _clip(estimate.claimed_by, 300),
            "claimant_entity_id": entity_for(estimate.claimed_by),
            "stated_on": estimate.stated_on, "composition": _clip(estimate.composition, 200),
            "sentence": estimate.sentence, "start": estimate.start, "end": estimate.end,
        } for estimate in facts.estimates],
        Denial: [{
            "article_id": article_id, "denied_by": _clip(denial.denied_by, 300),
            "force": _clip(denial.force, 100), "kind": denial.kind, "text": denial.text,
            "stated_on": denial.stated_on, "sentence": denial.sentence,
            "start": denial.start, "end": denial.end,
        } for denial in facts.denials],
    }
    # Core bulk inserts: one executemany a table instead of an ORM object a fact
    connection = session.connection()
    for model, values in rows.items():
        if values:
            connection.execute(insert(model.__table__), values)


def _clip(value: str | None, length: int) -> str | None:
    return value[:length] if value else value
