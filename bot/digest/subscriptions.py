"""Which channels get the digest and when: storage functions on `digest_subscriptions`.

They take a session and never commit; the caller owns the transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.digest.periods import as_utc, due_period, local_date
from bot.settings import Settings
from bot.storage.models import DigestSubscription


@dataclass(frozen=True)
class Schedule:
    """A channel's digest clock, detached from the session."""

    channel_id: str
    post_time: time
    zone: ZoneInfo
    enabled: bool = True
    since: datetime | None = None   # when it was (re)enabled or changed

    @property
    def tz(self) -> str:
        return self.zone.key

    def due(self, now: datetime) -> date | None:
        """The period to post at `now`: the newest whose digest time has passed, unless it is
        a local day before the subscription began. So subscribing after today's digest time
        posts today's digest at once, and subscribing before it never posts yesterday's."""
        period = due_period(now, self.post_time, self.zone)
        if self.since is not None and period < local_date(self.since, self.zone):
            return None
        return period


def get(session: Session, channel_id: str) -> DigestSubscription | None:
    return session.get(DigestSubscription, channel_id)


def upsert(session: Session, channel_id: str, post_time: time, tz: str, *,
           now: datetime | None = None) -> DigestSubscription:
    """Turn the digest on for `channel_id` at `post_time` in `tz` (creating the row if new)."""
    now = as_utc(now or datetime.now(UTC))
    row = session.get(DigestSubscription, channel_id)
    if row is None:
        row = DigestSubscription(channel_id=channel_id, post_time=post_time, tz=tz,
                                 enabled=True, created_at=now, updated_at=now)
        session.add(row)
    else:
        if not row.enabled or row.post_time != post_time or row.tz != tz:
            row.updated_at = now
        row.post_time, row.tz, row.enabled = post_time, tz, True
    session.flush()
    return row


def disable(session: Session, channel_id: str, *, now: datetime | None = None) -> bool:
    """Turn the digest off; False when the channel had none on."""
    row = session.get(DigestSubscription, channel_id)
    if row is None or not row.enabled:
        return False
    row.enabled = False
    row.updated_at = as_utc(now or datetime.now(UTC))
    session.flush()
    return True


def enabled_schedules(session: Session) -> list[Schedule]:
    rows = session.scalars(select(DigestSubscription).where(DigestSubscription.enabled)
                           .order_by(DigestSubscription.channel_id))
    return [schedule_of(row) for row in rows]


def schedule_of(row: DigestSubscription) -> Schedule:
    since = row.updated_at or row.created_at
    return Schedule(row.channel_id, row.post_time, ZoneInfo(row.tz), row.enabled,
                    as_utc(since) if since else None)


def default_schedule(settings: Settings, channel_id: str) -> Schedule:
    post_time, zone = settings.digest_clock
    return Schedule(channel_id, post_time, zone)


def ensure_default(session: Session, settings: Settings, *,
                   now: datetime | None = None) -> DigestSubscription | None:
    """Upsert DIGEST_CHANNEL at DIGEST_TIME / DIGEST_TZ when DIGEST_CHANNEL is set.

    The settings win over an earlier `/sitrep digest on` for that channel, but a channel
    someone turned off in Slack stays off: the setting only re-enables it when its time or
    zone changed."""
    if not settings.digest_channel:
        return None
    post_time, zone = settings.digest_clock
    row = get(session, settings.digest_channel)
    if row is not None and not row.enabled and row.post_time == post_time and row.tz == zone.key:
        return row
    return upsert(session, settings.digest_channel, post_time, zone.key, now=now)


def ensure_default_committed(sessions: sessionmaker[Session], settings: Settings, *,
                             now: datetime | None = None) -> None:
    """`ensure_default` in its own transaction, safe when several processes start at once:
    the one whose INSERT loses the race finds the row on the second try."""
    for attempt in (1, 2):
        try:
            with sessions.begin() as session:
                ensure_default(session, settings, now=now)
            return
        except IntegrityError:
            if attempt == 2:
                raise
