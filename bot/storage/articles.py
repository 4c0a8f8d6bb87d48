"""Storing articles and their facts. Functions take a session and never commit."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.extraction.types import ArticleFacts
from bot.sources import SourceDocument
from bot.storage import fingerprints
from bot.storage.entities import find_entity, resolve_entity
from bot.storage.models import (
    Article,
    ArticleShingle,
    Denial,
    EntityMention,
    Estimate,
    Quote,
)


def find_duplicate(session: Session, content_hash: str) -> Article | None:
    return session.scalars(select(Article).where(Article.content_hash == content_hash)).first()


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
                ingested_at: datetime | None = None) -> Article:
    article = Article(
        content_hash=content_hash,
        source=document.source[:2000],
        title=(document.title or None) and document.title[:500],
        outlet=(document.outlet or None) and document.outlet[:300],
        url=document.url,
        published=document.published,
        ingested_at=ingested_at or datetime.now(UTC),
        text=document.text,
        word_count=len(document.text.split()),
        copy_of=copy_of,
    )
    session.add(article)
    session.flush()
    if copy_of is None:
        session.add_all(
            ArticleShingle(article_id=article.id, hash=h) for h in fingerprints.sample(shingles)
        )
    return article


def add_facts(session: Session, article: Article, facts: ArticleFacts) -> None:
    """Store an article's entities (merged with known ones), quotes, estimates and denials."""
    by_name = {}
    for found in facts.entities:
        entity = resolve_entity(session, found.name, found.label, tuple(found.aliases),
                                found.role)
        by_name[found.name] = entity
        for alias in found.aliases:
            by_name.setdefault(alias, entity)
        session.add_all(
            EntityMention(article=article, entity=entity, start=start, end=end)
            for start, end in found.mentions
        )

    def entity_for(name: str | None):
        if not name:
            return None
        return by_name.get(name) or find_entity(session, name)

    for quote in facts.quotes:
        session.add(Quote(
            article=article, speaker=quote.speaker, speaker_entity=entity_for(quote.speaker),
            text=quote.text, kind=quote.kind, sentence=quote.sentence,
            start=quote.start, end=quote.end,
        ))
    for estimate in facts.estimates:
        session.add(Estimate(
            article=article, count=estimate.count, low=estimate.low, high=estimate.high,
            qualifier=estimate.qualifier, status=estimate.status, force=estimate.force,
            location=estimate.location, claimed_by=estimate.claimed_by,
            claimant_entity=entity_for(estimate.claimed_by), stated_on=estimate.stated_on,
            composition=estimate.composition, sentence=estimate.sentence,
            start=estimate.start, end=estimate.end,
        ))
    for denial in facts.denials:
        session.add(Denial(
            article=article, denied_by=denial.denied_by, force=denial.force, kind=denial.kind,
            text=denial.text, stated_on=denial.stated_on, sentence=denial.sentence,
            start=denial.start, end=denial.end,
        ))
    session.flush()
