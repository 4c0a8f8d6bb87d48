"""The one entry point for questions: text in, an `Answer` out.

Used by the Slack handlers, `sitrep ask` and the console::

    with sessions() as session:
        answer = answer_request("/troops since 7d", session)
    message = build_message(answer)          # bot.render.blocks
    text = render_text(answer)               # bot.render.text

Slash commands arrive from Slack as a command and its text: pass them joined,
``f"{command['command']} {command['text']}"``; a mention's text is passed as it came
(``<@U123>`` markup is dropped). The "more" button's value is JSON of a `MoreButton`
(request, offset): answer it with ``answer_request(request, session, offset=offset)``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from bot.answers import queries
from bot.answers.help import empty_answer, help_answer, unknown_answer
from bot.answers.request import MAX_TEXT, Request, parse_request
from bot.answers.sources import sources_answer
from bot.answers.summary import summary_answer
from bot.answers.troops import troops_answer
from bot.answers.types import Answer, MoreButton, Section
from bot.answers.whosaid import whosaid_answer

__all__ = ["MAX_TEXT", "Request", "answer_request", "parse_request", "skip_facts"]

MAX_OFFSET = 100_000


def answer_request(text: str, session: Session, *, offset: int = 0,
                   today: date | None = None) -> Answer:
    """Answer what a person typed; never raises for odd text and never returns an empty
    answer. `offset` is the number of fact lines already shown (from a "more" button)."""
    request = parse_request(text, today=today)
    try:
        offset = min(max(0, int(offset)), MAX_OFFSET)
    except (TypeError, ValueError):
        offset = 0
    return answer_parsed(request, session, offset=offset, today=today)


def answer_parsed(request: Request, session: Session, *, offset: int = 0,
                  today: date | None = None) -> Answer:
    if request.command == "help":
        return help_answer(request)
    if request.command in ("unknown",):
        return unknown_answer(request)
    if request.command == "empty":
        answer = help_answer(request)
        return replace(answer, notes=("Ask me something: a command or a question.",
                                      *answer.notes))
    if not queries.has_articles(session):
        return empty_answer(request)
    if request.command == "whosaid":
        return whosaid_answer(session, request, offset=offset, today=today)
    if request.command == "troops":
        answer = troops_answer(session, request, today=today)
    elif request.command == "summary":
        answer = summary_answer(session, request, today=today)
    elif request.command == "sources":
        answer = sources_answer(session, request, today=today)
    else:
        return unknown_answer(request)
    return skip_facts(answer, offset)


def skip_facts(answer: Answer, offset: int) -> Answer:
    """The answer without its first `offset` fact lines (a later page of a long answer)."""
    if offset <= 0:
        return answer
    sections: list[Section] = []
    left = offset
    for section in answer.sections:
        if left >= len(section.lines) and section.lines:
            left -= len(section.lines)
            continue
        if not section.lines:
            continue
        sections.append(replace(section, lines=section.lines[left:]))
        left = 0
    notes = answer.notes if sections else (*answer.notes, "No more to show.")
    return replace(answer, sections=tuple(sections), notes=notes,
                   extra={**answer.extra, "offset": offset}, more=None)


def more_from_value(value: str) -> MoreButton | None:
    """The MoreButton a "sitrep_more" button's value holds, or None when it is not one."""
    import json

    try:
        data = json.loads(value)
        return MoreButton(str(data["request"])[:MAX_TEXT * 2], int(data["offset"]))
    except (ValueError, KeyError, TypeError):
        return None
