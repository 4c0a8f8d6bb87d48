"""Digest times and periods, time zones and DST — pure functions, no database, no clock.

A *period* is the local date (in the channel's zone) of a digest time. The digest time of a
local date is that date at `post_time` in the zone:

- spring forward: a time that does not exist that day (02:30 in Europe/Brussels on the last
  Sunday of March) is read with the offset before the change, i.e. it falls an hour later
  (03:30 CEST) — still exactly one digest that day;
- fall back: a time that happens twice (02:30 on the last Sunday of October) is its first
  occurrence (`fold=0`) — one digest, not two.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def digest_moment(period: date, post_time: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of the digest of `period` (a local date in `zone`)."""
    local = datetime.combine(period, post_time.replace(tzinfo=None, fold=0), tzinfo=zone)
    return local.astimezone(UTC)


def local_date(now: datetime, zone: ZoneInfo) -> date:
    return as_utc(now).astimezone(zone).date()


def due_period(now: datetime, post_time: time, zone: ZoneInfo) -> date:
    """The newest period whose digest time is at or before `now`: today if today's digest
    time has passed in `zone`, otherwise yesterday."""
    today = local_date(now, zone)
    if digest_moment(today, post_time, zone) <= as_utc(now):
        return today
    return today - timedelta(days=1)


def next_moment(now: datetime, post_time: time, zone: ZoneInfo) -> datetime:
    """The first digest instant strictly after `now` (UTC)."""
    period = due_period(now, post_time, zone) + timedelta(days=1)
    return digest_moment(period, post_time, zone)


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime; a naive one (as SQLite returns them) is taken to be UTC.

    Bind timestamps converted with this: SQLite stores the wall time without its offset,
    so only UTC values compare right against `ingested_at` (CURRENT_TIMESTAMP, UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)

