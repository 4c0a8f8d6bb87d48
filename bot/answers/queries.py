"""Reading facts for the answers: small query functions that take a session and never write.

Facts are stored on original articles only (a near-copy has none), so a story that ran in
several outlets counts once; its copies are named in the citation ("also ran in ...").

Facts are read as light rows (`EstimateRow`, `QuoteRow`, `DenialRow`: plain columns, never an
article's text), ordered, merged and counted in Python; only the lines an answer shows are
cited, through one `citations(session, article_ids)` query for them all.
"""

from __future__ import annotations

import json
import re
import threading
import weakref
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    any_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session, aliased, load_only, selectinload

from bot.answers.citations import Citation, cite
from bot.answers.types import FactLine
from bot.storage import search
from bot.storage.models import Article, Denial, Entity, EntityAlias, Estimate, Quote

MAX_ROWS = 2000                     # facts read for one answer, at most

# what a citation needs of an article (never its text)
CITED_COLUMNS = (Article.id, Article.title, Article.outlet, Article.url, Article.source,
                 Article.published, Article.ingested_at, Article.copy_of_id)


@dataclass(slots=True)
class ArticleRef:
    """What a fact needs of its article until it is cited: its id and dates."""

    id: int
    published: date | None
    ingested_at: datetime | None


@dataclass(slots=True)
class EntityRef:
    id: int
    name: str


@dataclass(slots=True)
class EstimateRow:
    id: int
    article_id: int
    count: int
    low: int | None
    high: int | None
    qualifier: str
    status: str
    force: str
    location: str | None
    claimed_by: str | None
    claimant_entity_id: int | None
    claimant_entity: EntityRef | None
    stated_on: date | None
    composition: str | None
    article: ArticleRef


@dataclass(slots=True)
class QuoteRow:
    id: int
    article_id: int
    speaker: str | None
    speaker_entity_id: int | None
    speaker_entity: EntityRef | None
    text: str
    kind: str
    start: int
    article: ArticleRef


@dataclass(slots=True)
class DenialRow:
    id: int
    article_id: int
    denied_by: str | None
    force: str
    kind: str
    text: str
    stated_on: date | None
    sentence: str
    article: ArticleRef


def id_in(session: Session, column, ids) -> ColumnElement[bool]:
    """`column IN ids` with the ids as one parameter (a PostgreSQL array, a JSON list read by
    SQLite's json_each): thousands of ids cost no statement compilation."""
    values = [int(i) for i in ids]
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, values, type_=ARRAY(Integer), unique=True))
    return column.in_(select(literal_column("value"))
                      .select_from(func.json_each(json.dumps(values))).scalar_subquery())


def cited_articles(session: Session, article_ids) -> dict[int, Article]:
    """Articles by id with their near-copies, only the columns a citation needs."""
    rows = session.scalars(
        select(Article).where(id_in(session, Article.id, set(article_ids)))
        .options(load_only(*CITED_COLUMNS),
                 selectinload(Article.copies).load_only(*CITED_COLUMNS)))
    return {a.id: a for a in rows}


def citations(session: Session, article_ids) -> dict[int, Citation]:
    """The citation of each article (with its near-copies), in one query for them all."""
    return {i: citation(a) for i, a in cited_articles(session, article_ids).items()}


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


_CLAIMANT = aliased(Entity)
_SPEAKER = aliased(Entity)


def _estimate_select():
    return (select(Estimate.id, Estimate.article_id, Estimate.count, Estimate.low, Estimate.high,
                   Estimate.qualifier, Estimate.status, Estimate.force, Estimate.location,
                   Estimate.claimed_by, Estimate.claimant_entity_id, _CLAIMANT.name,
                   Estimate.stated_on, Estimate.composition, Article.published,
                   Article.ingested_at)
            .join(Article, Article.id == Estimate.article_id)
            .outerjoin(_CLAIMANT, _CLAIMANT.id == Estimate.claimant_entity_id))


def _core_rows(session: Session, query):
    """The rows of a plain column select, run on the session's connection: the ORM's result
    processing (entity identity, loader options) is not needed for light rows and would cost
    more than the query on a few thousand rows."""
    return session.connection().execute(query).all()


def _estimate_rows(session: Session, query) -> list[EstimateRow]:
    return [EstimateRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10],
                        EntityRef(r[10], r[11]) if r[10] is not None and r[11] is not None
                        else None, r[12], r[13], ArticleRef(r[1], r[14], r[15]))
            for r in _core_rows(session, query)]


def estimates(session: Session, force: str | None = None, since: date | None = None,
              limit: int = MAX_ROWS) -> list[EstimateRow]:
    """The newest estimates (by id) as light rows, their articles' dates with them."""
    query = _estimate_select().order_by(Estimate.id.desc()).limit(limit)
    if force:
        query = query.where(func.lower(Estimate.force) == force.lower())
    if since:
        return _rows_since(session, Estimate, query, force, since, limit, _estimate_rows)
    return _estimate_rows(session, query)


def _rows_since(session: Session, model, query, force: str | None, since: date, limit: int,
                convert) -> list:
    """The rows of `query` (newest first, at most `limit`, of `model`: Estimate or Denial)
    dated on or after `since` (`_dated_since`).

    First among the force's newest 4 x `limit` rows, an index range: when they hold `limit`
    matches, those are the newest. Otherwise the smallest id of the newest `limit` matches is
    found through the (lower(force), stated_on) index (`_since_floor`), so a date that
    nothing is newer than costs index probes rather than a scan of every row of the force.
    """
    query = query.where(_dated_since(model.stated_on, since))
    of_force = [func.lower(model.force) == force.lower()] if force else []
    boundary = session.scalar(select(model.id).where(*of_force).order_by(model.id.desc())
                              .offset(4 * limit - 1).limit(1))
    if boundary is None:                # a few thousand rows in all: read them
        return convert(session, query)
    rows = convert(session, query.where(model.id >= boundary))
    if len(rows) >= limit:
        return rows
    floor = _since_floor(session, model, of_force, since, limit)
    if floor is None:
        return []
    return convert(session, query.where(model.id >= floor))


def _since_floor(session: Session, model, of_force: list, since: date,
                 limit: int) -> int | None:
    """The smallest id of the newest `limit` rows of `model` matching `of_force` and dated on
    or after `since`, from the rows dated by themselves and the undated ones read apart."""
    newest = model.id.desc()
    if session.get_bind().dialect.name == "sqlite":
        # without histograms SQLite would walk (lower(force), id) for the order and test
        # every row of the force; the unary plus makes it read the stated_on range instead
        newest = literal_column(f"+{model.__tablename__}.id").desc()
    dated = (select(model.id).where(*of_force, model.stated_on >= since)
             .order_by(newest).limit(limit))
    undated = (select(model.id).join(Article, Article.id == model.article_id)
               .where(*of_force, model.stated_on.is_(None),
                      or_(Article.published >= since,
                          and_(Article.published.is_(None),
                               Article.ingested_at >= _since_start(since))))
               .order_by(model.id.desc()).limit(limit))
    ids = sorted(set(session.scalars(dated)) | set(session.scalars(undated)), reverse=True)
    return ids[:limit][-1] if ids else None


def _denial_select():
    return (select(Denial.id, Denial.article_id, Denial.denied_by, Denial.force, Denial.kind,
                   Denial.text, Denial.stated_on, Denial.sentence, Article.published,
                   Article.ingested_at)
            .join(Article, Article.id == Denial.article_id))


def _denial_rows(session: Session, query) -> list[DenialRow]:
    return [DenialRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                      ArticleRef(r[1], r[8], r[9]))
            for r in _core_rows(session, query)]


def denials(session: Session, force: str | None = None, since: date | None = None,
            limit: int = MAX_ROWS) -> list[DenialRow]:
    query = _denial_select().order_by(Denial.id.desc()).limit(limit)
    if force:
        query = query.where(func.lower(Denial.force) == force.lower())
    if since:
        return _rows_since(session, Denial, query, force, since, limit, _denial_rows)
    return _denial_rows(session, query)


def _quote_select():
    return (select(Quote.id, Quote.article_id, Quote.speaker, Quote.speaker_entity_id,
                   _SPEAKER.name, Quote.text, Quote.kind, Quote.start, Article.published,
                   Article.ingested_at)
            .join(Article, Article.id == Quote.article_id)
            .outerjoin(_SPEAKER, _SPEAKER.id == Quote.speaker_entity_id))


def _quote_rows(session: Session, query) -> list[QuoteRow]:
    return [QuoteRow(r[0], r[1], r[2], r[3],
                     EntityRef(r[3], r[4]) if r[3] is not None and r[4] is not None else None,
                     r[5], r[6], r[7], ArticleRef(r[1], r[8], r[9]))
            for r in _core_rows(session, query)]


def quotes_by_speakers(session: Session, entity_ids: set[int], names: set[str],
                       since: date | None = None, limit: int = MAX_ROWS) -> list[QuoteRow]:
    """The newest quotes of these entities, and of a speaker never linked to an entity whose
    name as written equals one of the names (either case): a quote linked to another entity
    is that one's ("Kovalenko" resolved to someone else is not this Kovalenko's).

    One index range an entity or a name (`(speaker_entity_id, id)`, the unlinked speakers'
    `(lower(speaker), id)`), each read newest first up to `limit`."""
    conditions = [Quote.speaker_entity_id == entity_id for entity_id in sorted(entity_ids)]
    conditions += [and_(Quote.speaker_entity_id.is_(None), func.lower(Quote.speaker) == name)
                   for name in sorted({n.lower() for n in names})]
    if not conditions:
        return []
    ids: set[int] = set()
    for condition in conditions:
        query = select(Quote.id).where(condition).order_by(Quote.id.desc()).limit(limit)
        if since:
            query = query.join(Article, Article.id == Quote.article_id).where(
                _article_since(since))
        ids.update(session.scalars(query))
    newest = sorted(ids, reverse=True)[:limit]
    return _quote_rows_by_id(session, newest)


def _quote_rows_by_id(session: Session, ids: list[int]) -> list[QuoteRow]:
    if not ids:
        return []
    return _quote_rows(session, _quote_select().where(id_in(session, Quote.id, ids))
                       .order_by(Quote.id.desc()))


def _article_since(since: date):
    return or_(Article.published >= since,
               and_(Article.published.is_(None), Article.ingested_at >= _since_start(since)))


def like_pattern(word: str) -> str:
    escaped = word.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


PG_WINDOW_PER_ROW = 50      # newest ids a PostgreSQL search reads first, per row wanted


def newest_matches(session: Session, name: str, words: list[str], limit: int = MAX_ROWS, *,
                   prefix: bool = False, any_word: bool = False) -> list[int]:
    """Ids of the newest `limit` rows of a search index ("quotes", "denials", "articles")
    holding every word (any word with `any_word`; words as prefixes with `prefix`), newest
    first. The same match as bot.storage.search, without ranking every match: FTS5 reads its
    document list backwards, PostgreSQL sorts the GIN bitmap's ids."""
    query = " ".join(words)
    terms = search.terms(query)
    if not terms or limit <= 0:
        return []
    table = search.INDEXES[name][0]
    if session.get_bind().dialect.name != "postgresql":
        fts = search.PREFIX + name
        statement = text(f"SELECT rowid FROM {fts} WHERE {fts} MATCH :q "
                         "ORDER BY rowid DESC LIMIT :limit")
        q = search.fts5_query(terms, prefix, any_word)
        return [row[0] for row in session.execute(statement, {"q": q, "limit": int(limit)})]
    match = (f"SELECT id FROM {table} WHERE {search.pg_vector(name)} @@ "
             "to_tsquery('simple'::regconfig, :q)")
    q = search.tsquery(terms, prefix, any_word)
    params = {"q": q, "limit": int(limit)}
    # the newest ids first: the GIN bitmap ANDed with an id range visits only that range's
    # rows (a frequent word: 8 ms instead of 26 at 100k); the whole table when too few match
    # there (a rarer word, whose few matches are cheap to visit anyway)
    top = session.scalar(text(f"SELECT max(id) FROM {table}")) or 0
    floor = top - PG_WINDOW_PER_ROW * int(limit)
    with search.gin_only(session):
        if floor > 0:
            ids = [row[0] for row in session.execute(
                text(f"{match} AND id > :floor ORDER BY id DESC LIMIT :limit"),
                {**params, "floor": floor})]
            if len(ids) >= limit:
                return ids
        return [row[0] for row in session.execute(
            text(f"{match} ORDER BY id DESC LIMIT :limit"), params)]


def quotes_with_words(session: Session, words: list[str], since: date | None = None,
                      limit: int = MAX_ROWS) -> list[QuoteRow]:
    """Quotes holding every word (full-text search over the quote and its sentence, among the
    newest matches; the caller checks the words are in the quote itself)."""
    if not words:
        return []
    ids = newest_matches(session, "quotes", words, limit)
    if not ids:
        return []
    query = _quote_select().where(id_in(session, Quote.id, ids)).order_by(Quote.id.desc())
    if since:
        query = query.where(_article_since(since))
    return _quote_rows(session, query)


def denials_with_words(session: Session, words: list[str], since: date | None = None,
                       limit: int = MAX_ROWS) -> list[DenialRow]:
    """Denials holding every word in their words or sentence (full-text search)."""
    if not words:
        return []
    ids = newest_matches(session, "denials", words, limit)
    if not ids:
        return []
    query = _denial_select().where(id_in(session, Denial.id, ids)).order_by(Denial.id.desc())
    if since:
        query = query.where(_dated_since(Denial.stated_on, since))
    return _denial_rows(session, query)


def denials_by(session: Session, names: set[str], since: date | None = None,
               limit: int = MAX_ROWS) -> list[DenialRow]:
    if not names:
        return []
    query = (_denial_select()
             .where(func.lower(Denial.denied_by).in_(sorted({n.lower() for n in names}))))
    if since:
        query = query.where(_dated_since(Denial.stated_on, since))
    return _denial_rows(session, query.order_by(Denial.id.desc()).limit(limit))


Speaker = tuple[int | None, str, list[str]]
_speaker_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()   # engine -> (stamp, list)
_speaker_cache_lock = threading.Lock()


def speakers(session: Session, limit: int = 5000) -> list[Speaker]:
    """Everyone with a stored quote or denial: (entity id or None, display name, names to match).

    Names to match are the entity's name and aliases, or the speaker string as stored. The
    list is kept per engine until a quote, denial, alias or article is added (the newest id
    of each, and the newest ingestion time: four index lookups).
    """
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    stamp = (tuple(session.execute(select(
        select(func.max(Quote.id)).scalar_subquery(),
        select(func.max(Denial.id)).scalar_subquery(),
        select(func.max(EntityAlias.id)).scalar_subquery(),
        select(func.max(Article.ingested_at)).scalar_subquery())).one()), limit)
    try:
        cached = _speaker_cache.get(engine)
    except TypeError:                       # not weak-referenceable: no cache
        return _read_speakers(session, limit)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    found = _read_speakers(session, limit)
    with _speaker_cache_lock:
        _speaker_cache[engine] = (stamp, found)
    return found


def _read_speakers(session: Session, limit: int) -> list[Speaker]:
    found: dict[object, Speaker] = {}
    entity_ids = set(session.scalars(
        select(Quote.speaker_entity_id).where(Quote.speaker_entity_id.is_not(None)).distinct()
        .limit(limit)))
    if entity_ids:
        ids = sorted(entity_ids)
        names: dict[int, list[str]] = {}
        for at in range(0, len(ids), 500):
            chunk = ids[at:at + 500]
            for entity_id, name in session.execute(
                    select(Entity.id, Entity.name).where(Entity.id.in_(chunk))):
                names[entity_id] = [name]
            for entity_id, alias in session.execute(
                    select(EntityAlias.entity_id, EntityAlias.alias)
                    .where(EntityAlias.entity_id.in_(chunk)).order_by(EntityAlias.id)):
                if entity_id in names:
                    names[entity_id].append(alias)
        for entity_id in sorted(names, key=lambda i: i):
            found[entity_id] = (entity_id, names[entity_id][0], names[entity_id])
    loose = session.execute(
        select(Quote.speaker).where(Quote.speaker.is_not(None), Quote.speaker_entity_id.is_(None))
        .distinct().limit(limit)).scalars()
    for name in loose:
        found.setdefault(("q", name.lower()), (None, name, [name]))
    known = {n.lower() for v in found.values() for n in v[2]}
    deniers = session.execute(
        select(Denial.denied_by).where(Denial.denied_by.is_not(None)).distinct().limit(limit)
    ).scalars()
    for name in deniers:
        key = ("d", name.lower())
        if name.lower() not in known and key not in found:
            found[key] = (None, name, [name])
            known.add(name.lower())
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
    """The newest original articles whose text or title has a word starting with any of the
    words (full-text search, words as prefixes), newest first."""
    if not words:
        return []
    # one search term a word: its longest ("kim's" -> "kim"), never a one-letter leftover
    terms = [max(found, key=len) for found in (search.terms(w) for w in words) if found]
    if not terms:
        return []
    rows = None
    if session.get_bind().dialect.name == "postgresql":
        rows = _recent_articles_with_terms(session, terms, since, limit)
    if rows is None:
        ids = newest_matches(session, "articles", terms, search.CANDIDATES, prefix=True,
                             any_word=True)
        if not ids:
            return []
        query = (select(Article).where(id_in(session, Article.id, ids),
                                       Article.copy_of_id.is_(None))
                 .options(selectinload(Article.copies).load_only(*CITED_COLUMNS)))
        if since:
            query = query.where(_article_since(since))
        rows = list(session.scalars(query.order_by(Article.id.desc()).limit(limit)))
    rows.sort(key=article_sort_key, reverse=True)
    return rows


RECENT_WINDOW = 600         # newest articles a PostgreSQL topic search reads first


def _recent_articles_with_terms(session: Session, terms: list[str], since: date | None,
                                limit: int) -> list[Article] | None:
    """PostgreSQL: the newest `limit` originals with a word starting with a term, read from
    the newest articles directly (strpos, then the same word-start test as the index) when
    the terms are frequent enough to fill `limit` there; None otherwise (use the index).

    A frequent word costs the GIN bitmap a heap visit per match (100 ms at 85,000 matches);
    the newest few hundred articles hold `limit` matches of it.
    """
    found: list[int] = []
    window = RECENT_WINDOW
    checked = 0
    pattern = re.compile("|".join(rf"(?<![^\W_]){re.escape(t)}" for t in terms))
    since_start = _since_start(since) if since else None
    total = session.scalar(select(func.max(Article.id))) or 0
    while True:
        recent = (select(Article.id, Article.title, Article.text, Article.copy_of_id,
                         Article.published, Article.ingested_at)
                  .where(Article.id <= total - checked, Article.id > total - checked - window)
                  .subquery())
        hit = or_(*(func.strpos(func.lower(recent.c.text), t) > 0 for t in terms),
                  *(func.strpos(func.lower(func.coalesce(recent.c.title, "")), t) > 0
                    for t in terms))
        rows = session.execute(
            select(recent.c.id, recent.c.title, recent.c.text, recent.c.published,
                   recent.c.ingested_at)
            .where(recent.c.copy_of_id.is_(None), hit).order_by(recent.c.id.desc()))
        for article_id, title, body, published, ingested_at in rows:
            if since and not (published >= since if published is not None else
                              ingested_at is not None and _aware(ingested_at) >= since_start):
                continue
            if pattern.search((title or "").lower()) or pattern.search(body[:200_000].lower()):
                found.append(article_id)
        checked += window
        if len(found) >= limit or checked >= total:
            break
        # sparse in the window: read a bigger one only while that beats the index
        if len(found) / checked < 0.15 or checked >= 4 * RECENT_WINDOW:
            return None
        window = checked
    found = found[:limit]
    if not found:
        return []
    return list(session.scalars(
        select(Article).where(id_in(session, Article.id, found)).order_by(Article.id.desc())
        .options(selectinload(Article.copies).load_only(*CITED_COLUMNS))))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def fact_sentences(session: Session, article_ids: list[int]) -> dict[int, dict[str, set[str]]]:
    """For each article: the sentences that carry an estimate, a quote or a denial."""
    result: dict[int, dict[str, set[str]]] = {}
    if not article_ids:
        return result
    for model, kind in ((Estimate, "estimate"), (Quote, "quote"), (Denial, "denial")):
        rows = session.execute(select(model.article_id, model.sentence)
                               .where(id_in(session, model.article_id, article_ids)))
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


@dataclass(slots=True)
class LineDraft:
    """A fact line before it is cited: its text and the ids of the articles behind it (the
    first is the line's own citation)."""

    text: str
    article_ids: list[int]
    when: date | None = None


def cited_lines(session: Session, drafts: list[LineDraft]) -> list[FactLine]:
    """The fact lines of `drafts`, every article they name cited through one query."""
    if not drafts:
        return []
    cites = citations(session, {i for d in drafts for i in d.article_ids})
    return [FactLine(text=d.text, citation=cites.get(d.article_ids[0]), when=d.when,
                     also_cited=tuple(cites.get(i) for i in d.article_ids[1:]))
            for d in drafts]
