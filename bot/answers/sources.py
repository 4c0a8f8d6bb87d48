"""/sitrep sources: what the database holds, and the latest articles (each cited)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from bot.answers import queries
from bot.answers.format import day_month
from bot.answers.request import Request
from bot.answers.types import Answer, FactLine, Section

LATEST = 5


def sources_answer(session: Session, request: Request, *, today: date | None = None) -> Answer:
    n = queries.counts(session)
    first, last, first_in, last_in = queries.date_range(session)
    outlets = queries.outlets(session)
    n_outlets = queries.outlet_count(session)
    notes = [
        f"{n['originals']:,} article{'s' if n['originals'] != 1 else ''}"
        + (f" and {n['copies']:,} near-cop{'ies' if n['copies'] != 1 else 'y'} "
           "(counted once)" if n["copies"] else "")
        + f" from {n_outlets:,} named outlet{'s' if n_outlets != 1 else ''}.",
        f"Facts: {n['estimates']:,} troop estimates, {n['quotes']:,} quotes, "
        f"{n['denials']:,} denials, {n['entities']:,} people, bodies and places.",
    ]
    if first and last:
        notes.append(f"Published {day_month(first, True)} to {day_month(last, True)}"
                     " (undated articles count by when they were ingested).")
    if first_in and last_in:
        notes.append(f"Ingested {first_in:%-d %b %Y %H:%M} to {last_in:%-d %b %Y %H:%M} UTC.")
    sections = []
    if outlets:
        sections.append(Section("Outlets", notes=tuple(
            f"{name}: {count} article{'s' if count != 1 else ''}" for name, count in outlets)))
    latest = queries.latest_articles(session, limit=LATEST)
    if latest:
        lines = tuple(
            FactLine(text=f"{a.word_count:,} words" + (
                f", also ran in {len(a.copies)} other{'s' if len(a.copies) != 1 else ''}"
                if a.copies else ""),
                citation=queries.citation(a), when=queries.article_date(a))
            for a in latest)
        sections.append(Section("Latest articles", lines))
    return Answer(kind="sources", title="What sitrep knows", sections=tuple(sections),
                  notes=tuple(notes), request=request.text, extra=dict(n))
