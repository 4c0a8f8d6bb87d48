"""`build_digest`: what is new in the facts database between two instants, as an Answer.

Plain data, every fact line cited. "New" means *ingested* in [since, until): an article
published last month but read today is news to the channel.

- **Articles**: one line each (the citation is the line); a near-copy (`copy_of_id`) whose
  original is in the same digest is folded into the original's "also ran in …".
- **Troop estimates**: per claimant and status (deployed, killed, …), the newest figure from
  the new articles, with the change from that claimant's previous figure before the digest
  ("NIS: 10,000 deployed (was 3,000 on 23 Oct)"); a repeat of the same figure is left out.
- **Denials**: every new one.
- **Quotes**: a few notable ones — a named speaker, substantive length, direct words first,
  one per speaker first.

Facts from near-copies are not repeated: the original's line cites the copies as "also ran in".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session, load_only, selectinload

from bot.answers.citations import Citation, cite
from bot.answers.format import day_month, figure, number, quoted, status_words
from bot.answers.queries import CITED_COLUMNS
from bot.answers.troops import DEFAULT_FORCE, claimant_of
from bot.answers.types import Answer, FactLine, Section
from bot.digest.periods import as_utc
from bot.extraction.names import normalise_name
from bot.storage.models import Article, Denial, Estimate, Quote

KIND = "digest"
MAX_QUOTES = 5
QUOTE_MIN_CHARS = 60
QUOTE_MAX_CHARS = 400
STATED_SLACK = timedelta(days=2)    # a figure stated this long after the digest's start can
                                    # still be an earlier one (an article dated ahead in its time zone)


@dataclass(frozen=True)
class _Dated:
    estimate: Estimate
    when: date | None
    new: bool


def build_digest(session: Session, channel_id: str, since: datetime, until: datetime) -> Answer:
    """The digest for `channel_id` of everything ingested in [since, until)."""
    since, until = as_utc(since), as_utc(until)
    articles = list(session.scalars(
        select(Article).where(Article.ingested_at >= since, Article.ingested_at < until)
        .options(load_only(*CITED_COLUMNS), selectinload(Article.copy_of).load_only(*CITED_COLUMNS))
        .order_by(Article.published.desc().nulls_last(), Article.ingested_at, Article.id)))
    new_ids = {a.id for a in articles}
    copies: dict[int, list[Article]] = defaultdict(list)
    originals: list[Article] = []
    for article in articles:
        if article.copy_of_id is not None and article.copy_of_id in new_ids:
            copies[article.copy_of_id].append(article)
        else:
            originals.append(article)
    citations = {a.id: cite(a, also_in=_also_in(copies.get(a.id, ()))) for a in originals}
    fact_ids = [a.id for a in originals if a.copy_of_id is None]

    sections = []
    article_lines = tuple(_article_line(a, citations[a.id]) for a in originals)
    estimates = _estimate_lines(session, fact_ids, since, citations)
    denials = _denial_lines(session, fact_ids, citations)
    quotes = _quote_lines(session, fact_ids, citations)
    if estimates:
        sections.append(Section("Troop estimates, new or changed", estimates))
    if denials:
        sections.append(Section("Denials", denials))
    if quotes:
        sections.append(Section("Quotes", quotes))
    if article_lines:
        sections.append(Section(f"New articles ({len(articles)})", article_lines))

    local = f"{since:%-d %b %H:%M} – {until:%-d %b %H:%M} UTC"
    if not articles:
        return Answer(kind=KIND, title="Daily digest", notes=(f"Nothing new since the last digest ({local}).",),
                      extra={"channel_id": channel_id, "empty": True, "since": since,
                             "until": until, "articles": 0})
    return Answer(kind=KIND, title="Daily digest", sections=tuple(sections),
                  notes=(f"{_plural(len(articles), 'article')} ingested {local}.",),
                  extra={"channel_id": channel_id, "empty": False, "since": since,
                         "until": until, "articles": len(articles)})


def is_empty(answer: Answer) -> bool:
    return bool(answer.extra.get("empty"))


def _also_in(copies) -> tuple[str, ...]:
    names = []
    for copy in copies:
        name = copy.outlet or copy.title or copy.source
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _article_line(article: Article, citation: Citation) -> FactLine:
    text = citation.title
    if article.copy_of is not None:         # its original was in an earlier digest
        original = article.copy_of.outlet or article.copy_of.title or "an earlier article"
        text = f"{text} (a near-copy of {original})"
    return FactLine(text=text, citation=citation, when=article.published)


def _estimate_lines(session: Session, new_article_ids: list[int], since: datetime,
                    citations: dict[int, Citation]) -> tuple[FactLine, ...]:
    if not new_article_ids:
        return ()
    new = list(session.scalars(select(Estimate).where(Estimate.article_id.in_(new_article_ids),
                                                      Estimate.force == DEFAULT_FORCE)
                               .options(load_only(Estimate.id, Estimate.article_id,
                                                  Estimate.count, Estimate.low, Estimate.high,
                                                  Estimate.qualifier, Estimate.status,
                                                  Estimate.location, Estimate.claimed_by,
                                                  Estimate.claimant_entity_id,
                                                  Estimate.stated_on, Estimate.composition),
                                        selectinload(Estimate.article).load_only(*CITED_COLUMNS),
                                        selectinload(Estimate.claimant_entity))))
    keys = {_key(e) for e in new}
    previous = _previous_figures(session, new, keys, since)
    latest: dict[tuple, _Dated] = {}
    for estimate in new:
        dated = _Dated(estimate, _when(estimate), True)
        key = _key(estimate)
        if key not in latest or _order(dated) > _order(latest[key]):
            latest[key] = dated
    lines = []
    for key, dated in latest.items():
        estimate, before = dated.estimate, previous.get(key)
        if before is not None and before[0] == estimate.count:
            continue                        # the same figure again: not news
        text = f"{claimant_of(estimate)}: {_figure(estimate)}"
        if before is not None:
            count, when = before
            on = f" on {day_month(when)}" if when else ""
            text += f" (was {number(count)}{on})"
        lines.append(FactLine(text=text, citation=citations[estimate.article_id],
                              when=dated.when))
    lines.sort(key=lambda line: (line.when or date.min, line.text), reverse=True)
    return tuple(lines)


def _previous_figures(session: Session, new: list[Estimate], keys: set[tuple],
                      since: datetime) -> dict[tuple, tuple[int, date | None]]:
    """(count, date) of each key's latest figure from before the digest: the newest by date
    stated (else published), then ingestion, then id. A claimant entity's figures are read
    newest first through the (claimant, status, stated_on) index, a few rows a key; figures
    without a claimant entity are ranked in SQL, one row per claimed_by and status."""
    statuses = sorted({k[1] for k in keys})
    if not statuses:
        return {}
    found: dict[tuple, tuple] = {}      # key -> (order, count, when)

    def consider(key: tuple, count: int, when_, ingested_at, estimate_id: int) -> None:
        if isinstance(when_, str):          # SQLite may hand a computed date back as text
            when_ = date.fromisoformat(when_[:10])
        order = (when_ or date.min, as_utc(ingested_at) if ingested_at else datetime.min,
                 estimate_id)
        if key not in found or order > found[key][0]:
            found[key] = (order, count, when_)

    # SQLite's statistics take "copy_of_id IS NULL" for selective (it is true of nearly every
    # article) and would start from articles; the unary plus keeps it off that index
    original = (literal_column("+articles.copy_of_id").is_(None)
                if session.get_bind().dialect.name == "sqlite" else Article.copy_of_id.is_(None))
    earlier = (Article.ingested_at < since, original, Estimate.force == DEFAULT_FORCE)
    stated_bound = as_utc(since).date() + STATED_SLACK
    columns = (Estimate.count, Estimate.stated_on, Article.published, Article.ingested_at,
               Estimate.id)
    for entity_id, status in sorted({(e.claimant_entity_id, e.status) for e in new
                                     if e.claimant_entity_id is not None}):
        key = (f"entity:{entity_id}", status)
        of_key = (Estimate.claimant_entity_id == entity_id, Estimate.status == status)
        base = (select(*columns).join(Article, Article.id == Estimate.article_id)
                .where(*of_key, *earlier))
        # the walk starts at the digest's day (a figure ingested before it was stated before
        # it; STATED_SLACK allows for time zones), not at the newest figure: a digest of an
        # earlier period no longer skips every figure ingested since
        dated = session.execute(base.where(Estimate.stated_on.is_not(None),
                                           Estimate.stated_on <= stated_bound)
                                .order_by(Estimate.stated_on.desc()).limit(20)).all()
        if len(dated) == 20 and dated[-1][1] == dated[0][1]:    # more on the same day
            dated = session.execute(base.where(Estimate.stated_on == dated[0][1])).all()
        for count, stated_on, _, ingested_at, estimate_id in dated:
            if stated_on == dated[0][1]:
                consider(key, count, stated_on, ingested_at, estimate_id)
        undated = base.where(Estimate.stated_on.is_(None))
        if dated:                       # only an undated figure published later can be newer
            undated = undated.where(Article.published >= dated[0][1])
        for count, _, published, ingested_at, estimate_id in session.execute(undated):
            consider(key, count, published, ingested_at, estimate_id)

    if any(e.claimant_entity_id is None for e in new):
        when = func.coalesce(Estimate.stated_on, Article.published)
        ranked = (
            select(Estimate.claimed_by, Estimate.status, Estimate.count, when.label("when"),
                   Article.ingested_at, Estimate.id,
                   func.row_number().over(
                       partition_by=(Estimate.claimed_by, Estimate.status),
                       order_by=(when.desc().nulls_last(), Article.ingested_at.desc(),
                                 Estimate.id.desc())).label("n"))
            .join(Article, Article.id == Estimate.article_id)
            .where(*earlier, Estimate.claimant_entity_id.is_(None),
                   Estimate.status.in_(statuses))
            .subquery())
        rows = session.execute(select(ranked.c.claimed_by, ranked.c.status, ranked.c.count,
                                      ranked.c.when, ranked.c.ingested_at, ranked.c.id)
                               .where(ranked.c.n == 1))
        for claimed_by, status, count, when_, ingested_at, estimate_id in rows:
            key = (normalise_name(claimant_of(_Loose(claimed_by))), status)
            if key in keys:
                consider(key, count, when_, ingested_at, estimate_id)
    return {key: (count, when_) for key, (_, count, when_) in found.items() if key in keys}


@dataclass(frozen=True)
class _Loose:
    """An estimate without a claimant entity, as claimant_of reads it."""

    claimed_by: str | None
    claimant_entity: None = None


def _key(estimate: Estimate) -> tuple:
    """Whose figure of what: the claimant (its entity, else its normalised name), the status."""
    if estimate.claimant_entity_id is not None:
        who = f"entity:{estimate.claimant_entity_id}"
    else:
        who = normalise_name(claimant_of(estimate))
    return (who, estimate.status)


def _when(estimate: Estimate) -> date | None:
    return estimate.stated_on or estimate.article.published


def _order(dated: _Dated) -> tuple:
    article = dated.estimate.article
    return (dated.when or date.min, as_utc(article.ingested_at) if article.ingested_at
            else datetime.min, dated.estimate.id)


def _figure(estimate: Estimate) -> str:
    """"about 10,000 deployed in Russia"."""
    text = figure(estimate.count, estimate.low, estimate.high, estimate.qualifier,
                  estimate.composition)
    status = status_words(estimate.status)
    where = f" in {estimate.location}" if estimate.location else ""
    return f"{text}{' ' + status if status else ''}{where}"


def _denial_lines(session: Session, new_article_ids: list[int],
                  citations: dict[int, Citation]) -> tuple[FactLine, ...]:
    if not new_article_ids:
        return ()
    denials = session.scalars(select(Denial).where(Denial.article_id.in_(new_article_ids))
                              .options(selectinload(Denial.article).load_only(*CITED_COLUMNS))
                              .order_by(Denial.id))
    lines, seen = [], set()
    for denial in denials:
        who = denial.denied_by or "Unnamed"
        key = (who.lower(), denial.text.strip().lower())
        if key in seen:
            continue
        seen.add(key)
        lines.append(FactLine(text=f"{who} denied: {quoted(denial.text, 300)}",
                              citation=citations[denial.article_id],
                              when=denial.stated_on or denial.article.published))
    return tuple(lines)


def _quote_lines(session: Session, new_article_ids: list[int],
                 citations: dict[int, Citation]) -> tuple[FactLine, ...]:
    if not new_article_ids:
        return ()
    quotes = list(session.scalars(
        select(Quote).where(Quote.article_id.in_(new_article_ids), Quote.speaker.is_not(None))
        .options(selectinload(Quote.article).load_only(*CITED_COLUMNS),
                 selectinload(Quote.speaker_entity))))
    candidates = [q for q in quotes if len(q.text.strip()) >= QUOTE_MIN_CHARS
                  and _named(q)]
    candidates.sort(key=lambda q: (q.kind != "direct", -min(len(q.text), QUOTE_MAX_CHARS), q.id))
    chosen, speakers = [], set()
    for second_round in (False, True):
        for quote in candidates:
            speaker = _speaker(quote).lower()
            if quote in chosen or (speaker in speakers and not second_round):
                continue
            if len(chosen) >= MAX_QUOTES:
                break
            chosen.append(quote)
            speakers.add(speaker)
    return tuple(
        FactLine(text=f"{_speaker(q)}: {quoted(q.text, QUOTE_MAX_CHARS)}"
                      + ("" if q.kind == "direct" else " (reported)"),
                 citation=citations[q.article_id], when=q.article.published)
        for q in chosen)


_UNNAMED = ("source", "sources", "official", "officials", "people familiar", "person familiar",
            "spokesperson", "spokesman", "spokeswoman", "a ", "an ", "one ", "two ", "three ",
            "several ", "some ", "unnamed", "anonymous")


def _named(quote: Quote) -> bool:
    """A person or institution with a name, not "sources" or "two people familiar …"."""
    speaker = (_speaker(quote) or "").strip().lower()
    if not speaker:
        return False
    return not any(speaker == w.strip() or speaker.startswith(w) for w in _UNNAMED) \
        and not speaker.endswith((" sources", " officials", " source"))


def _speaker(quote: Quote) -> str:
    return quote.speaker_entity.name if quote.speaker_entity is not None else quote.speaker


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
