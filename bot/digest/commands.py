"""`/sitrep digest on [HH:MM] [time zone]`, `/sitrep digest off`, `/sitrep digest status`.

`handle_digest_command` manages the digest of the channel the command was typed in and
returns the reply as one mrkdwn string; the Slack listener only routes and responds.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from sqlalchemy import select

from bot.digest import subscriptions
from bot.digest.periods import as_utc, local_date, next_moment
from bot.settings import parse_hhmm
from bot.storage.models import DigestPost

USAGE = ("Usage: `/sitrep digest on [HH:MM] [time zone]` (e.g. `/sitrep digest on 07:30 "
         "Asia/Seoul`), `/sitrep digest off`, `/sitrep digest status`.")
_LOOKS_LIKE_TIME = re.compile(r"^\d{1,2}([:.h]\d{0,2})?(am|pm)?$", re.IGNORECASE)


class DigestCommandError(ValueError):
    """The command's arguments are not understood; the message says what to type."""


def handle_digest_command(args: str, channel_id: str, runtime, *,
                          now: datetime | None = None) -> str:
    """Run `/sitrep digest <args>` for `channel_id`; returns the reply text."""
    words = args.split()
    if words and words[0].lower() == "digest":      # tolerate the full "digest on ..." text
        words = words[1:]
    action = words[0].lower() if words else "status"
    now = as_utc(now or datetime.now(UTC))
    try:
        if action == "on":
            return _on(words[1:], channel_id, runtime, now)
        if action == "off":
            return _off(channel_id, runtime, now)
        if action == "status":
            return _status(channel_id, runtime, now)
    except DigestCommandError as exc:
        return f"{exc}\n{USAGE}"
    return f"I don't know `digest {action}`.\n{USAGE}"


def parse_on_arguments(words: list[str], default_time: time, default_tz: str) -> tuple[time, str]:
    """`[HH:MM] [time zone]` in either order; raises DigestCommandError with a clear message."""
    post_time, tz = default_time, default_tz
    rest = []
    for word in words:
        if _LOOKS_LIKE_TIME.match(word):
            try:
                post_time = parse_hhmm(word)
            except ValueError:
                raise DigestCommandError(
                    f"`{word}` is not a time of day: use 24-hour HH:MM, from 00:00 to 23:59."
                ) from None
        else:
            rest.append(word)
    if rest:
        tz = resolve_zone(" ".join(rest))
    return post_time, tz


def resolve_zone(text: str) -> str:
    """An IANA zone name from what was typed ("asia/seoul" → "Asia/Seoul", "utc" → "UTC")."""
    candidate = text.strip().replace(" ", "_")
    key = _zones_by_lower().get(candidate.lower())
    if key is None:
        raise DigestCommandError(
            f"`{text.strip()}` is not a time zone I know: use an IANA name such as "
            "Europe/Brussels, Asia/Seoul or UTC.")
    return key


@lru_cache(maxsize=1)
def _zones_by_lower() -> dict[str, str]:
    zones = {name.lower(): name for name in available_timezones()}
    zones.setdefault("utc", "UTC")
    return zones


def _on(words: list[str], channel_id: str, runtime, now: datetime) -> str:
    default_time, default_zone = runtime.settings.digest_clock
    with runtime.sessions.begin() as session:
        row = subscriptions.get(session, channel_id)
        if row is not None:
            default_time, default_tz = row.post_time, row.tz
        else:
            default_tz = default_zone.key
        post_time, tz = parse_on_arguments(words, default_time, default_tz)
        row = subscriptions.upsert(session, channel_id, post_time, tz, now=now)
        schedule = subscriptions.schedule_of(row)
        period = schedule.due(now)
        today_due = period == local_date(now, schedule.zone) and session.scalar(
            select(DigestPost.id).where(DigestPost.channel_id == channel_id,
                                        DigestPost.period == period)) is None
    reply = f":newspaper: Daily digest on for this channel at *{post_time:%H:%M} {tz}*. "
    if today_due:
        reply += "Today's digest time has passed: today's digest follows within a minute. "
    reply += _next_line(post_time, tz, now)
    settings = runtime.settings
    if channel_id == settings.digest_channel and \
            (post_time, tz) != (settings.digest_clock[0], settings.digest_clock[1].key):
        reply += (f"\nNote: DIGEST_TIME and DIGEST_TZ ({settings.digest_time} "
                  f"{settings.digest_tz}) set this channel's digest again when sitrep restarts.")
    return reply


def _off(channel_id: str, runtime, now: datetime) -> str:
    with runtime.sessions.begin() as session:
        changed = subscriptions.disable(session, channel_id, now=now)
    if not changed:
        return "The daily digest was not on for this channel; nothing to turn off."
    return ("Daily digest off for this channel. `/sitrep digest on` turns it back on "
            "(it then covers everything new since the last digest posted here).")


def _status(channel_id: str, runtime, now: datetime) -> str:
    with runtime.sessions() as session:
        row = subscriptions.get(session, channel_id)
        last = session.scalars(
            select(DigestPost).where(DigestPost.channel_id == channel_id,
                                     DigestPost.status == "posted")
            .order_by(DigestPost.period.desc()).limit(1)).first()
        failed = session.scalars(
            select(DigestPost).where(DigestPost.channel_id == channel_id)
            .order_by(DigestPost.period.desc()).limit(1)).first()
    if row is None or not row.enabled:
        state = "Daily digest is *off* for this channel. Turn it on with `/sitrep digest on [HH:MM] [time zone]`."
    else:
        state = (f"Daily digest is *on* for this channel at *{row.post_time:%H:%M} {row.tz}*. "
                 f"{_next_line(row.post_time, row.tz, now)}")
    lines = [state]
    if last is not None:
        lines.append(f"Last digest posted: {last.period:%a %-d %b %Y}.")
    if failed is not None and failed.status == "failed" and failed.last_error:
        lines.append(f"The digest of {failed.period:%-d %b} could not be posted: "
                     f"`{failed.last_error}`.")
    return "\n".join(lines)


def _next_line(post_time: time, tz: str, now: datetime) -> str:
    zone = ZoneInfo(tz)
    moment = next_moment(now, post_time, zone)
    local = moment.astimezone(zone)
    return f"Next digest: {local:%a %-d %b %H:%M %Z} ({moment:%H:%M} UTC)."
