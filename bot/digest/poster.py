"""One digest for one channel and period: claim, build, post, mark.

The order is what makes it exactly once (see `bot.digest.claims`):

    claim (INSERT, commit)  →  build  →  still mine?  →  chat.postMessage  →  mark posted

Between Slack's answer and the commit of "mark posted" there is a window of a few
milliseconds in which a crash leaves a posted digest recorded as 'claimed'. Whoever takes
that claim over after the lease first looks for the digest in the channel
(conversations.history, matching the message metadata `sitrep_digest` / period) and only
posts when it is not there. Where the bot cannot read the channel's history (no
channels:history scope) that check cannot help, and such a crash posts the digest twice:
that window, and a 5xx from Slack after it did post (retried by slack_sdk), are the only
ways to get a duplicate. A post Slack confirmed and the bot recorded is never repeated.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import (
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.digest import claims
from bot.digest.builder import build_digest, is_empty
from bot.digest.render import render_digest
from bot.digest.subscriptions import Schedule

log = logging.getLogger(__name__)

METADATA_EVENT = "sitrep_digest"


@dataclass(frozen=True)
class PostResult:
    """What happened to one (channel, period)."""

    state: str          # posted | recovered | skipped_empty | already_posted | in_progress
                        # | waiting | failed | gave_up | lost
    channel_id: str
    period: date
    message_ts: str | None = None
    messages: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.state in ("posted", "recovered", "skipped_empty", "already_posted",
                              "in_progress", "waiting")


def make_client(token: str, base_url: str) -> WebClient:
    """A WebClient that retries 429 (after Retry-After) and 5xx a couple of times."""
    return WebClient(token=token, base_url=base_url, timeout=15,
                     retry_handlers=digest_retry_handlers())


def digest_retry_handlers() -> list:
    return [RateLimitErrorRetryHandler(max_retry_count=2),
            ServerErrorRetryHandler(max_retry_count=2)]


def post_digest(sessions, client: WebClient, schedule: Schedule, period: date,
                now: datetime, worker: str, *, force: bool = False, retry_failed: bool = False,
                skip_empty: bool = False,
                lease=claims.LEASE, on_claimed: Callable[[claims.Claim], None] | None = None
                ) -> PostResult:
    """Post the digest of `period` to `schedule.channel_id` unless it was (being) posted."""
    channel = schedule.channel_id
    outcome = claims.claim(sessions, channel, period, now, worker, force=force,
                           retry_failed=retry_failed, lease=lease)
    if not outcome.claimed:
        state = {"posted": "already_posted", "failed": "gave_up"}.get(outcome.state,
                                                                         outcome.state)
        row = outcome.row
        return PostResult(state, channel, period,
                          message_ts=row.message_ts if row is not None else None,
                          error=row.last_error if row is not None else None)
    claim = outcome.claim
    if on_claimed is not None:
        on_claimed(claim)

    if claim.verify_first:
        found = find_posted(client, channel, period)
        if found is not None:
            claims.mark_posted(sessions, claim, found, now)
            log.warning("digest %s %s: found it already in the channel (ts %s); not posting "
                        "again", channel, period, found)
            return PostResult("recovered", channel, period, message_ts=found)

    try:
        with sessions() as session:
            answer = build_digest(session, channel, claim.covers_from, claim.covers_to)
    except Exception as exc:
        claims.mark_failed(sessions, claim, f"build_error: {exc}"[:500], now)
        raise
    if is_empty(answer) and skip_empty:
        claims.mark_posted(sessions, claim, None, now)
        log.info("digest %s %s: nothing new, skipped (DIGEST_SKIP_EMPTY)", channel, period)
        return PostResult("skipped_empty", channel, period)
    messages = render_digest(answer, period)

    if not claims.still_mine(sessions, claim):
        return PostResult("in_progress", channel, period)
    metadata = {"event_type": METADATA_EVENT,
                "event_payload": {"period": period.isoformat(), "attempt": claim.attempts}}
    try:
        first = client.chat_postMessage(channel=channel, text=messages[0]["text"],
                                        blocks=messages[0]["blocks"], metadata=metadata,
                                        unfurl_links=False, unfurl_media=False)
    except (SlackApiError, SlackClientError, OSError) as exc:
        error = slack_error(exc)
        claims.mark_failed(sessions, claim, error, now)
        log.warning("digest %s %s: Slack refused it: %s", channel, period, error)
        return PostResult("failed", channel, period, error=error)
    ts = first["ts"]
    if not claims.mark_posted(sessions, claim, ts, now):
        return PostResult("lost", channel, period, message_ts=ts)
    log.info("digest %s %s posted (ts %s, %d message(s))", channel, period, ts, len(messages))

    for number, message in enumerate(messages[1:], start=2):
        try:
            client.chat_postMessage(channel=channel, thread_ts=ts, text=message["text"],
                                    blocks=message["blocks"], unfurl_links=False,
                                    unfurl_media=False)
        except (SlackApiError, SlackClientError, OSError) as exc:
            error = f"thread part {number}/{len(messages)}: {slack_error(exc)}"
            claims.note_error(sessions, claim, error)
            log.warning("digest %s %s: %s", channel, period, error)
            return PostResult("posted", channel, period, message_ts=ts, messages=number - 1,
                              error=error)
    return PostResult("posted", channel, period, message_ts=ts, messages=len(messages))


def find_posted(client: WebClient, channel: str, period: date) -> str | None:
    """The ts of this period's digest if it is already in the channel, else None.

    Any error (no channels:history scope, not in the channel) means "don't know": None."""
    try:
        history = client.conversations_history(channel=channel, limit=100,
                                               include_all_metadata=True)
    except (SlackApiError, SlackClientError, OSError) as exc:
        log.info("digest %s %s: cannot check the channel's history (%s)", channel, period,
                 slack_error(exc))
        return None
    for message in history.get("messages") or []:
        meta = message.get("metadata") or {}
        payload = meta.get("event_payload") or {}
        if meta.get("event_type") == METADATA_EVENT and payload.get("period") == period.isoformat():
            return message.get("ts")
    return None


def slack_error(exc: BaseException) -> str:
    """A short code for what went wrong: `channel_not_found`, `ratelimited`, `http_503`…"""
    if isinstance(exc, SlackApiError):
        status = getattr(exc.response, "status_code", 200)
        code = exc.response.get("error") if hasattr(exc.response, "get") else None
        if status == 429:
            return "ratelimited"
        if status >= 500:
            return f"http_{status}: {code or 'server error'}"
        return str(code or f"http_{status}")
    return f"connection_error: {type(exc).__name__}: {exc}"[:300]
