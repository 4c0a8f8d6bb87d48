"""Reading facts for the answers: small query functions that take a session and never write.

Facts are stored on original articles only (a near-copy has none), so a story that ran in
several outlets counts once; its copies are named in the citation ("also ran in ...").
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from bot.answers.citations import Citation, cite
from bot.storage.models import Article, Denial, Entity, EntityAlias, Estimate, Quote

MAX_ROWS = 2000                     # facts read for one answer, at most


def also_in(article: Article) -> tuple[str, ...]:
    """Outlets (or titles) of an article's near-copies, each once, original's outlet left out."""
    names: list[str] = []
    for copy in sorted(article.copies, key=lambda a: a.id):
        name = (copy.outlet or copy.title or copy.source or "").strip()
        if name and name not in names and name != (article.outlet or ""):
            names.append(name[:120])
    return tuple(names[:5])


def citation(article: Article) -> Citation:
    """The citation of a fact's article, naming the near-copies it also ran in."""
    return cite(article, also_in(article))


def fact_date(stated_on: date | None, article: Article) -> date | None:
    """When a fact was stated: its own date, else its article's publication or ingestion day."""
    if stated_on:
        return stated_on
    return article_date(article)


def stated_date(stated_on: date | None, article: Article) -> date | None:
    """The date a fact can be shown with: its own, else its article's publication; never the
    day it happened to be ingested."""
    return stated_on or article.published


def date_words(stated_on: date | None, article: Article) -> str:
    """"23 Oct 2024", or "undated" when neither the fact nor its article has a date."""
    day = stated_date(stated_on, article)
    return day.strftime("%-d %b %Y") if day else "undated"


def article_date(article: Article) -> date | None:
    if article.published:
        return article.published
    if article.ingested_at:
        return article.ingested_at.date()
    return None


def _since_start(since: date) -> datetime:
    return datetime.combine(since, time.min, tzinfo=UTC)


def _dated_since(stated_column, since: date):
    """A fact dated on or after `since`: by its own date, else its article's."""
    return or_(
        stated_column >= since,
        and_(stated_column.is_(None), Article.published >= since),
        and_(stated_column.is_(None), Article.published.is_(None),
             Article.ingested_at >= _since_start(since)),
    )


def estimates(session: Session, force: str | None = None, since: date | None = None,
              limit: int = MAX_ROWS) -> list[Estimate]:
    query = (select(Estimate).join(Estimate.article)
             .options(selectinload(Estimate.article).selectinload(Article.copies),
                      selectinload(Estimate.claimant_entity))
             .order_by(Estimate.id.desc()).limit(limit))
    if force:
        query = query.where(func.lower(Estimate.force) == force.lower())
    if since:
        query = query.where(_dated_since(Estimate.stated_on, since))
    return list(session.scalars(query).unique())


def denials(session: Session, force: str | None = None, since: date | None = None,
            limit: int = MAX_ROWS) -> list[Denial]:
    query = (select(Denial).join(Denial.article)
             .options(selectinload(Denial.article).selectinload(Article.copies))
             .order_by(Denial.id.desc()).limit(limit))
    if force:
        query = query.where(func.lower(Denial.force) == force.lower())
    if since:
        query = query.where(_dated_since(Denial.stated_on, since))
    return list(session.scalars(query).unique())


def _quote_query():
    return (select(Quote).join(Quote.article)
            .options(selectinload(Quote.article).selectinload(Article.copies),
                     selectinload(Quote.speaker_entity)))


def quotes_by_speakers(session: Session, entity_ids: set[int], names: set[str],
                       since: date | None = None, limit: int = MAX_ROWS) -> list[Quote]:
    conditions = []
    if entity_ids:
        conditions.append(Quote.speaker_entity_id.in_(sorted(entity_ids)))
    if names:
        conditions.append(func.lower(Quote.speaker).in_(sorted(n.lower() for n in names)))
    if not conditions:
        return []
    query = _quote_query().where(or_(*conditions)).order_by(Quote.id.desc()).limit(limit)
    if since:
        query = query.where(_article_since(since))
    return list(session.scalars(query).unique())


def _article_since(since: date):
    return or_(Article.published >= since,
               and_(Article.published.is_(None), Article.ingested_at >= _since_start(since)))


def like_pattern(word: str) -> str:
    escaped = word.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def quotes_with_words(session: Session, words: list[str], since: date | None = None,
                      limit: int = MAX_ROWS) -> list[Quote]:
    """Quotes whose words contain every word (SQL LIKE; the caller checks word boundaries)."""
    if not words:
        return []
    query = _quote_query()
    for word in words:
        pattern = like_pattern(word)
        query = query.where(func.lower(Quote.text).like(pattern, escape="\\"))
    if since:
        query = query.where(_article_since(since))
    return list(session.scalars(query.order_by(Quote.id.desc()).limit(limit)).unique())


def denials_with_words(session: Session, words: list[str], since: date | None = None,
                       limit: int = MAX_ROWS) -> list[Denial]:
    if not words:
        return []
    query = (select(Denial).join(Denial.article)
             .options(selectinload(Denial.article).selectinload(Article.copies)))
    for word in words:
        pattern = like_pattern(word)
        query = query.where(or_(func.lower(Denial.text).like(pattern, escape="\\"),
                                func.lower(Denial.sentence).like(pattern, escape="\\")))
    if since:
        query = query.where(_dated_since(Denial.stated_on, since))
    return list(session.scalars(query.order_by(Denial.id.desc()).limit(limit)).unique())


def denials_by(session: Session, names: set[str], since: date | None = None,
               limit: int = MAX_ROWS) -> list[Denial]:
    if not names:
        return []
    query = (select(Denial).join(Denial.article)
             .options(selectinload(Denial.article).selectinload(Article.copies))
             .where(func.lower(Denial.denied_by).in_(sorted(n.lower() for n in names))))
    if since:
        query = query.where(_dated_since(Denial.stated_on, since))
    return list(session.scalars(query.order_by(Denial.id.desc()).limit(limit)).unique())


def speakers(session: Session, limit: int = 5000) -> list[tuple[int | None, str, list[str]]]:
    """Everyone with a stored quote or denial: (entity id or None, display name, names to match).

    Names to match are the entity's name and aliases, or the speaker string as stored.
    """
    found: dict[object, tuple[int | None, str, list[str]]] = {}
    entity_ids = set(session.scalars(
        select(Quote.speaker_entity_id).where(Quote.speaker_entity_id.is_not(None)).distinct()
        .limit(limit)))
    if entity_ids:
        entities = session.scalars(select(Entity).where(Entity.id.in_(sorted(entity_ids)))
                                   .options(selectinload(Entity.aliases)))
        for entity in entities:
            names = [entity.name, *(a.alias for a in entity.aliases)]
            found[entity.id] = (entity.id, entity.name, names)
    loose = session.execute(
        select(Quote.speaker).where(Quote.speaker.is_not(None), Quote.speaker_entity_id.is_(None))
        .distinct().limit(limit)).scalars()
    for name in loose:
        found.setdefault(("q", name.lower()), (None, name, [name]))
    deniers = session.execute(
        select(Denial.denied_by).where(Denial.denied_by.is_not(None)).distinct().limit(limit)
    ).scalars()
    for name in deniers:
        key = ("d", name.lower())
        if not any(name.lower() in (n.lower() for n in v[2]) for v in found.values()):
            found.setdefault(key, (None, name, [name]))
    return list(found.values())


def entity_names(session: Session, entity_id: int) -> list[str]:
    return list(session.scalars(select(EntityAlias.alias).where(EntityAlias.entity_id == entity_id)))


def latest_articles(session: Session, since: date | None = None, limit: int = 8
                    ) -> list[Article]:
    """The most recent original articles: by publication date, then by ingestion."""
    query = (select(Article).where(Article.copy_of_id.is_(None))
             .options(selectinload(Article.copies)))
    if since:
        query = query.where(_article_since(since))
    # newest published first, undated ones by ingestion; done in Python for both databases
    rows = list(session.scalars(query.order_by(Article.id.desc()).limit(max(limit * 20, 200))))
    rows.sort(key=article_sort_key, reverse=True)
    return rows[:limit]


def article_sort_key(article: Article) -> tuple:
    day = article_date(article) or date.min
    ingested = article.ingested_at
    stamp = ingested.timestamp() if ingested else 0.0
    return (day, stamp, article.id or 0)


def articles_with_words(session: Session, words: list[str], since: date | None = None,
                        limit: int = 200) -> list[Article]:
    """Original articles whose text or title contains any of the words (newest first)."""
    if not words:
        return []
    conditions = []
    for word in words:
        pattern = like_pattern(word)
        conditions.append(func.lower(Article.text).like(pattern, escape="\\"))
        conditions.append(func.lower(func.coalesce(Article.title, "")).like(pattern, escape="\\"))
    query = (select(Article).where(Article.copy_of_id.is_(None), or_(*conditions))
             .options(selectinload(Article.copies)))
    if since:
        query = query.where(_article_since(since))
    rows = list(session.scalars(query.order_by(Article.id.desc()).limit(limit)))
    rows.sort(key=article_sort_key, reverse=True)
    return rows


def fact_sentences(session: Session, article_ids: list[int]) -> dict[int, dict[str, set[str]]]:
    """For each article: the sentences that carry an estimate, a quote or a denial."""
    result: dict[int, dict[str, set[str]]] = {}
    if not article_ids:
        return result
    for model, kind in ((Estimate, "estimate"), (Quote, "quote"), (Denial, "denial")):
        rows = session.execute(select(model.article_id, model.sentence)
                               .where(model.article_id.in_(article_ids)))
        for article_id, sentence in rows:
            result.setdefault(article_id, {}).setdefault(kind, set()).add(sentence or "")
    return result


def counts(session: Session) -> dict[str, int]:
    def count(column, *where):
        query = select(func.count(column))
        for condition in where:
            query = query.where(condition)
        return session.scalar(query) or 0

    return {
        "articles": count(Article.id),
        "originals": count(Article.id, Article.copy_of_id.is_(None)),
        "copies": count(Article.id, Article.copy_of_id.is_not(None)),
        "estimates": count(Estimate.id),
        "quotes": count(Quote.id),
        "denials": count(Denial.id),
        "entities": count(Entity.id),
    }


def outlets(session: Session, limit: int = 10) -> list[tuple[str, int]]:
    rows = session.execute(
        select(Article.outlet, func.count(Article.id)).where(Article.outlet.is_not(None))
        .group_by(Article.outlet).order_by(func.count(Article.id).desc(), Article.outlet)
        .limit(limit))
    return [(outlet, n) for outlet, n in rows]


def outlet_count(session: Session) -> int:
    return session.scalar(select(func.count(func.distinct(Article.outlet)))) or 0


def date_range(session: Session) -> tuple[date | None, date | None, datetime | None,
                                         datetime | None]:
    row = session.execute(select(func.min(Article.published), func.max(Article.published),
                                 func.min(Article.ingested_at), func.max(Article.ingested_at))
                          ).one()
    return row[0], row[1], row[2], row[3]


def has_articles(session: Session) -> bool:
    return session.scalar(select(Article.id).limit(1)) is not None


def utcnow() -> datetime:
    return datetime.now(UTC)
