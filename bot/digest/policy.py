"""When a digest that Slack refused is tried again — only where trying again can help.

| error                                   | kind      | tries in all | wait before the next |
|-----------------------------------------|-----------|--------------|----------------------|
| ratelimited, 5xx, timeouts, connection  | transient | 8            | 1, 2, 4 … 30 min     |
| not_in_channel, channel_not_found,      | fixable   | 4            | 10 min, 30 min, 90 min|
| is_archived (someone invites the bot,   |           |              |                      |
| unarchives the channel)                 |           |              |                      |
| anything else (invalid_auth, bad blocks)| permanent | 1            | —                    |

The slack_sdk retry handlers already retry 429 and 5xx inside one attempt; a period that
is still unposted is tried again on a later tick. After the last try the period stays
'failed' (its articles are covered by the next period's digest, which starts where the
last *posted* digest stopped).
"""

from __future__ import annotations

from datetime import datetime, timedelta

TRANSIENT = frozenset({"ratelimited", "rate_limited", "internal_error", "fatal_error",
                       "service_unavailable", "request_timeout", "connection_error",
                       "http_error"})
FIXABLE = frozenset({"not_in_channel", "channel_not_found", "is_archived"})

MAX_TRIES = {"transient": 8, "fixable": 4, "permanent": 1}


def kind(error: str | None) -> str:
    code = (error or "").split(":", 1)[0].strip()
    if code in TRANSIENT or code.startswith("http_5"):
        return "transient"
    if code in FIXABLE:
        return "fixable"
    return "permanent"


def backoff(error: str | None, attempts: int) -> timedelta:
    """The wait after the `attempts`-th failed try."""
    if kind(error) == "fixable":
        return timedelta(minutes=10 * 3 ** max(attempts - 1, 0))
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), timedelta(minutes=30))


def retry_decision(error: str | None, attempts: int, last_try: datetime | None,
                   now: datetime) -> str:
    """'retry' now, 'waiting' (backoff not over yet) or 'failed' (gave up on this period)."""
    if attempts >= MAX_TRIES[kind(error)]:
        return "failed"
    if last_try is not None and now < last_try + backoff(error, attempts):
        return "waiting"
    return "retry"
