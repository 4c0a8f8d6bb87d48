"""The one error handler: log it, apologise to whoever is waiting, never let it kill the process.

Bolt sends exceptions from ack functions and plain listeners to `app.error`, but a lazy
listener's exception is only logged by Bolt ("Failed to run an internal function") and the
user is left waiting. `reports_errors` routes those to the same `handle_errors`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_bolt import App, BoltContext
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from bot.storage.db import DatabaseUnavailable
from handlers.common import build_notice, reply

DATABASE_DOWN = ("Sorry, the facts database is unavailable right now, so I can't answer. "
                 "Please try again in a few minutes; if it keeps happening, tell whoever runs "
                 "sitrep (the bot could not reach its DATABASE_URL).")
SLACK_REFUSED = ("Sorry, Slack refused my reply (`{error}`), so I couldn't answer. "
                 "Please try again in a moment.")
SOMETHING_WRONG = ("Sorry, something went wrong while answering that. It has been logged; "
                   "please try again, or try `/sitrep help`.")

_DATABASE_ERRORS = (DatabaseUnavailable, DBAPIError, DisconnectionError, PoolTimeoutError)


def apology_for(error: BaseException) -> str:
    if isinstance(error, _DATABASE_ERRORS):
        return DATABASE_DOWN
    if isinstance(error, SlackApiError):
        return SLACK_REFUSED.format(error=_slack_error_code(error))
    return SOMETHING_WRONG


def _slack_error_code(error: SlackApiError) -> str:
    try:
        return str(error.response.get("error") or f"HTTP {error.response.status_code}")
    except Exception:
        return "unknown error"


def handle_errors(error: Exception, body: dict, logger: logging.Logger,
                  context: BoltContext | None = None, respond: Callable | None = None,
                  client=None) -> None:
    """Logs the error and, where someone waits for an answer, sends them an apology."""
    what = _describe(body)
    if isinstance(error, _DATABASE_ERRORS):
        logger.error("database unavailable while handling %s: %s", what, error)
    elif isinstance(error, SlackApiError):
        logger.error("Slack API error while handling %s: %s", what, _slack_error_code(error))
    else:
        logger.error("failed while handling %s", what, exc_info=error)
    apology = build_notice(apology_for(error))
    try:
        if respond is not None and _has_response_url(body):
            reply(respond, apology, logger)
            return
        event = (body or {}).get("event") or {}
        if client is not None and event.get("channel") and event.get("user"):
            thread_ts = event.get("thread_ts") or event.get("ts")
            client.chat_postEphemeral(channel=event["channel"], user=event["user"],
                                      text=apology["text"], thread_ts=thread_ts)
    except Exception as exc:  # the apology failed too: the log is all that is left
        logger.error("could not send the apology for %s: %s", what, exc)


def _has_response_url(body: dict | None) -> bool:
    body = body or {}
    return bool(body.get("response_url") or (body.get("response_urls") or [None])[0])


def _describe(body: dict | None) -> str:
    body = body or {}
    if body.get("command"):
        return f"{body['command']} {str(body.get('text') or '')[:80]!r}"
    if body.get("type") == "block_actions":
        actions = body.get("actions") or [{}]
        return f"button {actions[0].get('action_id')}"
    if body.get("event"):
        return f"event {body['event'].get('type')} {body.get('event_id')}"
    return "a Slack request"


def reports_errors(func: Callable) -> Callable:
    """Wraps a lazy listener so that its exceptions reach `handle_errors` like any other.

    The wrapper asks Bolt for the superset of arguments the listeners use and passes each
    listener the ones it names. (No functools.wraps: Bolt reads the argument names of
    `inspect.unwrap(func)`, which must be the wrapper's own.)
    """
    import inspect

    wanted = set(inspect.signature(func).parameters)

    def lazy_listener(body, context, logger, client, respond, say, command, action, event):
        available = {"body": body, "context": context, "logger": logger, "client": client,
                     "respond": respond, "say": say, "command": command, "action": action,
                     "event": event}
        try:
            func(**{name: value for name, value in available.items() if name in wanted})
        except Exception as error:
            handle_errors(error, body, logger, context=context, respond=respond, client=client)

    lazy_listener.__name__ = func.__name__
    lazy_listener.__qualname__ = func.__qualname__
    lazy_listener.__module__ = func.__module__
    lazy_listener.__doc__ = func.__doc__
    return lazy_listener


def register(app: App) -> None:
    app.error(handle_errors)
