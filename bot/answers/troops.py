"""/troops: the latest troop estimate of each claimant, how they changed, and the denials.

Every line cites its article. Facts live on original articles only, so a near-copy counts
once and is named in the citation ("also ran in ...").

The newest estimates are read as light rows (`queries.estimates`); only the lines shown are
cited, through one query for all their articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from operator import attrgetter

from sqlalchemy.orm import Session

from bot.answers import queries
from bot.answers.format import LOSSES, PLANS, STRENGTH, day_month, figure, quoted, status_words
from bot.answers.queries import DenialRow, EstimateRow, LineDraft
from bot.answers.request import Request
from bot.answers.types import Answer, FactLine, Section
from bot.extraction.names import canonical_name, normalise_name
from bot.storage.models import Denial, Estimate

DEFAULT_FORCE = "North Korea"
DISAGREE_RATIO = 1.25               # latest figures differ by more than 25%: sources disagree
UNATTRIBUTED = "Unattributed"
MAX_LINES = 25                      # lines per section
DENIAL_ROWS = 20 * MAX_LINES        # newest denials read: repeats merge, 25 lines are shown


@dataclass
class _Claim:
    """One figure of one claimant, with every article that reported it."""

    estimate: EstimateRow
    claimant: str
    when: date | None               # for ordering: stated, published or ingested
    article_ids: list[int] = field(default_factory=list)   # the articles that reported it

    @cached_property
    def stated(self) -> date | None:
        """The date shown: stated or published, never the ingestion day."""
        return queries.stated_date(self.estimate.stated_on, self.estimate.article)

    @property
    def date_text(self) -> str:
        return queries.date_words(self.estimate.stated_on, self.estimate.article)

    @cached_property
    def rank(self) -> tuple:
        """Newer first: by the date stated or published; undated ones after every dated one,
        by when they were ingested; then composed figures, firmer statuses, later articles.
        Computed once: claims are compared and sorted many times."""
        e = self.estimate
        return (self.stated or date.min, self.when or date.min, bool(e.composition),
                _STATUS_RANK.get(e.status, 0), e.article_id, e.count)


def claimant_of(estimate: Estimate | EstimateRow) -> str:
    if estimate.claimant_entity is not None:
        return estimate.claimant_entity.name
    if estimate.claimed_by and estimate.claimed_by.strip():
        return canonical_name(estimate.claimed_by)
    return UNATTRIBUTED


def describe(estimate: Estimate | EstimateRow, with_status: bool = True) -> str:
    text = figure(estimate.count, estimate.low, estimate.high, estimate.qualifier,
                  estimate.composition)
    status = status_words(estimate.status) if with_status else ""
    if status:
        text += f" {status}"
    if estimate.location:
        text += f" ({estimate.location})"
    return text


_STATUS_RANK = {"deployed": 3, "combat": 3, "training": 2, "other": 1}
_RANK = attrgetter("rank")          # sort key: _Claim.rank


def _claims(rows: list[EstimateRow]) -> list[_Claim]:
    """Estimates merged when one claimant's same figure was reported by several articles."""
    merged: dict[tuple, _Claim] = {}
    names: dict[str, str] = {}
    for estimate in rows:
        claim = _Claim(estimate, claimant_of(estimate),
                       queries.fact_date(estimate.stated_on, estimate.article))
        name = names.get(claim.claimant)
        if name is None:
            name = names[claim.claimant] = normalise_name(claim.claimant)
        key = (name, estimate.count, estimate.status, estimate.qualifier, claim.when)
        if key in merged:
            kept = merged[key]
            if estimate.article_id not in kept.article_ids:
                kept.article_ids.append(estimate.article_id)
            continue
        claim.article_ids.append(estimate.article_id)
        merged[key] = claim
    return list(merged.values())


def _line(claim: _Claim, text: str) -> LineDraft:
    return LineDraft(text, list(claim.article_ids), claim.when)


def troops_answer(session: Session, request: Request, *, today: date | None = None) -> Answer:
    force = request.force or DEFAULT_FORCE
    since = request.since
    title = f"Troop estimates: {force}" + (f" since {day_month(since, True)}" if since else "")
    rows = queries.estimates(session, force=force, since=since)
    claims = _claims(rows)
    denial_rows = queries.denials(session, force=force, since=since, limit=DENIAL_ROWS)
    drafts: list[tuple[str, list[LineDraft], tuple[str, ...]]] = []   # (heading, lines, notes)
    notes: list[str] = []

    attributed = [c for c in claims if c.claimant != UNATTRIBUTED]
    strength = [c for c in attributed if c.estimate.status in STRENGTH]
    latest: dict[str, _Claim] = {}
    for claim in strength:
        key = normalise_name(claim.claimant)
        if key not in latest or claim.rank > latest[key].rank:
            latest[key] = claim
    ordered = sorted(latest.values(), key=_RANK, reverse=True)
    if ordered:
        lines = tuple(_line(c, f"{c.claimant}: {describe(c.estimate)}, {c.date_text}")
                      for c in ordered[:MAX_LINES])
        drafts.append(("Latest estimate by claimant", list(lines),
                       tuple(_spread_notes(ordered))))

    history = _history_lines(strength)
    if history:
        drafts.append(("Over time", history[:MAX_LINES], ()))

    plans = sorted((c for c in attributed if c.estimate.status in PLANS), key=_RANK, reverse=True)
    if plans:
        drafts.append(("Planned or expected", [
            _line(c, f"{c.claimant}: {describe(c.estimate)}, {c.date_text}")
            for c in plans[:MAX_LINES]], ()))

    losses = sorted((c for c in attributed if c.estimate.status in LOSSES), key=_RANK,
                    reverse=True)
    if losses:
        drafts.append(("Losses", [
            _line(c, f"{c.claimant}: {describe(c.estimate)}, {c.date_text}")
            for c in losses[:MAX_LINES]], ()))

    unattributed = sorted((c for c in claims if c.claimant == UNATTRIBUTED), key=_RANK,
                          reverse=True)
    if unattributed:
        drafts.append(("Unattributed (no claimant named)", [
            _line(c, f"{describe(c.estimate)}, {c.date_text}")
            for c in unattributed[:MAX_LINES]], ()))

    if denial_rows:
        drafts.append(("Denials", denial_drafts(denial_rows)[:MAX_LINES], ()))

    cited = iter(queries.cited_lines(session, [d for _, lines, _ in drafts for d in lines]))
    sections = [Section(heading, tuple(next(cited) for _ in lines), notes=section_notes)
                for heading, lines, section_notes in drafts]

    if not claims and not denial_rows:
        notes.append(f"No troop estimates for {force} are stored"
                     + (f" since {day_month(since, True)}." if since else " yet."))
        notes.append("Estimates are extracted when articles are ingested "
                     "(`sitrep ingest PATH`); try `/troops` without a date or another force "
                     "(`/troops russia`).")
    if len(rows) >= queries.MAX_ROWS:
        notes.append(f"From the newest {queries.MAX_ROWS:,} stored estimates for {force}: a "
                     "claimant whose last figure is older is not listed; add `since DATE` to "
                     "look at a period.")
    extra = {"force": force, "since": since.isoformat() if since else None,
             "chart": request.chart, "claimants": len(latest)}
    if request.chart:
        notes.append("A chart of these figures comes with this answer in Slack."
                     if claims else "Nothing to chart yet.")
    return Answer(kind="troops", title=title, sections=tuple(sections), notes=tuple(notes),
                  request=request.text, extra=extra)


def _spread_notes(latest: list[_Claim]) -> list[str]:
    figures = [c for c in latest if c.estimate.qualifier != "vague" and c.estimate.count]
    if len(figures) < 2:
        if len(latest) == 1:
            return ["Only one claimant so far."]
        return []
    low = min(figures, key=lambda c: c.estimate.count)
    high = max(figures, key=lambda c: c.estimate.count)
    notes = [f"Range across {len(figures)} claimants: {low.estimate.count:,}–"
             f"{high.estimate.count:,}."]
    if high.estimate.count > low.estimate.count * DISAGREE_RATIO:
        notes.append(f"Sources disagree: latest figures run from {low.estimate.count:,} "
                     f"({low.claimant}) to {high.estimate.count:,} ({high.claimant}).")
    else:
        notes.append("Sources broadly agree (latest figures within 25%).")
    return notes


def _history_lines(strength: list[_Claim]) -> list[LineDraft]:
    """Each claimant's figures over time: "3,000 on 23 Oct → 10,000 on 28 Oct"."""
    by_claimant: dict[str, list[_Claim]] = {}
    for claim in strength:
        by_claimant.setdefault(normalise_name(claim.claimant), []).append(claim)
    lines: list[tuple[tuple, LineDraft]] = []
    for claims in by_claimant.values():
        dated = sorted((c for c in claims if c.stated), key=lambda c: (c.stated, c.rank))
        points: list[_Claim] = []
        for claim in dated:
            if points and points[-1].estimate.count == claim.estimate.count:
                continue
            if points and points[-1].stated == claim.stated:
                points[-1] = claim          # the same day: keep the better-ranked figure
                continue
            points.append(claim)
        if len({p.estimate.count for p in points}) < 2:
            continue
        points = points[-6:]
        text = f"{points[-1].claimant}: " + " → ".join(
            f"{figure(p.estimate.count, p.estimate.low, p.estimate.high, p.estimate.qualifier)}"
            f" on {day_month(p.stated)}" for p in points)
        article_ids: list[int] = []
        for point in reversed(points):
            for article_id in point.article_ids:
                if article_id not in article_ids:
                    article_ids.append(article_id)
        lines.append((points[-1].rank, LineDraft(text, article_ids, points[-1].when)))
    lines.sort(key=lambda item: item[0], reverse=True)
    return [line for _, line in lines]


def denial_lines(session: Session, rows: list[Denial | DenialRow]) -> list[FactLine]:
    """Denials and dismissals, newest first, each cited; one line per (who, words, day)."""
    return queries.cited_lines(session, denial_drafts(rows))


def denial_drafts(rows: list[Denial | DenialRow]) -> list[LineDraft]:
    """The lines of `denial_lines` before they are cited (newest first)."""
    seen: dict[tuple, LineDraft] = {}
    names: dict[str, str] = {}          # normalise_name of each distinct string, once

    def normalised(value: str) -> str:
        found = names.get(value)
        if found is None:
            found = names[value] = normalise_name(value)
        return found

    deniers: dict[str | None, str] = {}     # canonical_name of each distinct denier, once
    for denial in rows:
        when = queries.fact_date(denial.stated_on, denial.article)
        who = deniers.get(denial.denied_by)
        if who is None:
            who = deniers[denial.denied_by] = (canonical_name(denial.denied_by)
                                               if denial.denied_by else "Unnamed source")
        key = (normalised(who), normalised(denial.text or ""), when)
        if key in seen:
            kept = seen[key]
            if denial.article_id not in kept.article_ids:
                kept.article_ids.append(denial.article_id)
            continue
        stated = queries.stated_date(denial.stated_on, denial.article)
        kind = "dismissal" if denial.kind == "dismissal" else "denial"
        text = f"{who} ({kind}): {quoted(denial.text, 300)}" if denial.text else f"{who} ({kind})"
        if stated:
            text += f", {day_month(stated, True)}"
        seen[key] = LineDraft(text, [denial.article_id], when)
    return sorted(seen.values(), key=lambda line: (line.when or date.min, line.article_ids[0]),
                  reverse=True)
