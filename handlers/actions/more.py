"""The "more" button: the next page of the same request, ephemerally."""

from __future__ import annotations

import logging

from slack_bolt import BoltContext, Respond

from handlers.common import answer_message, build_notice, parse_more_value, reply, runtime_of

STALE_BUTTON = "That button is out of date; please ask again."


def handle_more(action: dict, respond: Respond, context: BoltContext,
                logger: logging.Logger) -> None:
    parsed = parse_more_value(action.get("value"))
    if parsed is None:
        logger.warning("sitrep_more with an unreadable value %r", (action.get("value") or "")[:200])
        reply(respond, build_notice(STALE_BUTTON), logger)
        return
    request, offset = parsed
    reply(respond, answer_message(runtime_of(context), request, offset=offset), logger)
