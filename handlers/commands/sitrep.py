"""`/sitrep help | sources | QUESTION` and `/sitrep digest on [HH:MM] [tz] | off | status`."""

from __future__ import annotations

import logging

from slack_bolt import BoltContext, Respond

from handlers.common import answer_command, build_notice, clean_text, reply, runtime_of

DIGEST_MISSING = "The daily digest is not available in this installation of sitrep."


def handle_sitrep(command: dict, respond: Respond, context: BoltContext,
                  logger: logging.Logger) -> None:
    text = clean_text(command.get("text"))
    first = text.split(" ", 1)[0].lower()
    if first == "digest":
        reply(respond, build_notice(digest_reply(text, command.get("channel_id") or "", context)),
              logger)
    else:
        answer_command(command, respond, context, logger)


def digest_reply(text: str, channel_id: str, context: BoltContext) -> str:
    try:
        from bot.digest.commands import handle_digest_command
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("bot.digest"):
            raise
        return DIGEST_MISSING
    args = text.split(" ", 1)[1] if " " in text else ""
    return handle_digest_command(args, channel_id, runtime_of(context))
