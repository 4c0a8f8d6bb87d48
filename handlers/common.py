"""What every listener shares: the runtime from Bolt's context, request text, and replies
that are checked (respond() does not raise when Slack refuses).

Pure `build_*` functions return Block Kit dicts and are tested without Slack.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable

from slack_bolt import BoltContext

from bot.answers.router import answer_request
from bot.render.blocks import build_message
from bot.runtime import Runtime

RUNTIME_KEY = "sitrep_runtime"
MAX_REQUEST_CHARS = 500         # longer command text is cut (a button value holds 2,000)
MAX_BLOCKS = 50
MAX_TEXT_CHARS = 3000

log = logging.getLogger("sitrep.slack")


class RuntimeRef:
    """The process's Runtime, carried in Bolt's context.

    Bolt deep-copies the context for lazy listeners; the engine and its pool must be shared,
    not copied, so a copy of this reference is the reference itself.
    """

    __slots__ = ("runtime",)

    def __init__(self, runtime: Runtime):
        self.runtime = runtime

    def __deepcopy__(self, memo) -> RuntimeRef:
        return self


def provide_runtime(runtime: Runtime) -> Callable:
    """A global middleware that puts `runtime` into every request's context."""
    ref = RuntimeRef(runtime)

    def sitrep_runtime_middleware(context: BoltContext, next: Callable) -> None:
        context[RUNTIME_KEY] = ref
        next()

    return sitrep_runtime_middleware


def runtime_of(context: BoltContext) -> Runtime:
    return context[RUNTIME_KEY].runtime


# ------------------------------------------------------------------ request text

_SPACE = re.compile(r"\s+")


def clean_text(text: str | None, limit: int = MAX_REQUEST_CHARS) -> str:
    """Command or mention text as the router should see it: one line, at most `limit`
    characters, without control characters."""
    text = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in (text or ""))
    text = _SPACE.sub(" ", text).strip()
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return text


def command_request(command: str, text: str | None) -> str:
    """The request as typed: "/whosaid rutte"."""
    rest = clean_text(text)
    return f"{command} {rest}".strip()


def strip_mention(text: str | None, bot_user_id: str | None) -> str:
    """A mention's text without the bot's own <@U…> mentions."""
    text = text or ""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(\|[^>]*)?>", " ", text)
    else:   # unknown bot id: drop a leading mention
        text = re.sub(r"^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>", " ", text)
    return clean_text(text)


def parse_more_value(value: str | None) -> tuple[str, int] | None:
    """The "more" button's value, JSON {"request", "offset"}; None when it is not that."""
    try:
        data = json.loads(value or "")
        request, offset = data["request"], int(data["offset"])
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(request, str) or offset < 0:
        return None
    return request, offset


# ------------------------------------------------------------------ Block Kit


def build_shared_message(message: dict, user_id: str | None) -> dict:
    """A rendered answer as posted to the channel by "Share in channel": a context line
    "Shared by <@user>" on top, at most 50 blocks."""
    by = f"<@{user_id}>" if user_id else "someone"
    blocks = [{"type": "context", "elements": [{"type": "mrkdwn", "text": f"Shared by {by}"}]}]
    blocks += list(message.get("blocks") or [])
    text = message.get("text") or ""
    return {"text": f"{text}\n_shared by {by}_" if text else f"Shared by {by}",
            "blocks": blocks[:MAX_BLOCKS]}


def build_notice(text: str) -> dict:
    """A short message (confirmation, apology, guidance) with one section."""
    return {"text": text,
            "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text[:MAX_TEXT_CHARS]}}]}


# ------------------------------------------------------------------ replies


def reply(respond: Callable, message: dict, logger: logging.Logger | None = None, *,
          ephemeral: bool = True, replace_original: bool = False) -> bool:
    """Sends `message` ({"text", "blocks"}) through the response_url; True when Slack took it.

    respond() does not raise when Slack answers non-200, so the result is checked: a refused
    message with blocks is sent again as plain text, and every refusal is logged.
    """
    logger = logger or log
    kwargs = {"response_type": "ephemeral" if ephemeral else "in_channel",
              "replace_original": replace_original}
    result = respond(text=message.get("text") or " ", blocks=message.get("blocks"), **kwargs)
    if result.status_code == 200:
        return True
    logger.warning("response_url refused the reply: HTTP %s %s", result.status_code,
                   (result.body or "")[:200])
    if message.get("blocks") and result.status_code in (400, 413):
        text = (message.get("text") or "")[:MAX_TEXT_CHARS] or "(empty answer)"
        retry = respond(text=text, **kwargs)
        if retry.status_code == 200:
            return True
        logger.warning("response_url refused the plain-text reply too: HTTP %s %s",
                       retry.status_code, (retry.body or "")[:200])
    return False


def post_message(client, channel: str, message: dict, *, thread_ts: str | None = None):
    """chat.postMessage of a rendered message (raises SlackApiError when Slack refuses)."""
    kwargs = {"thread_ts": thread_ts} if thread_ts else {}
    return client.chat_postMessage(channel=channel, text=message.get("text") or " ",
                                   blocks=message.get("blocks"), unfurl_links=False,
                                   unfurl_media=False, **kwargs)


# ------------------------------------------------------------------ answers


def answer_message(runtime: Runtime, request: str, *, offset: int = 0,
                   ephemeral: bool = True) -> dict:
    """The rendered answer to `request` ({"text", "blocks"}), read in one database session."""
    with runtime.sessions() as session:
        answer = answer_request(request, session, offset=offset)
        return build_message(answer, ephemeral=ephemeral)


def answer_command(command: dict, respond: Callable, context: BoltContext,
                   logger: logging.Logger) -> bool:
    """Answers a slash command ephemerally (with the "Share in channel" button)."""
    request = command_request(command.get("command") or "", command.get("text"))
    message = answer_message(runtime_of(context), request)
    return reply(respond, message, logger)
