"""Exactly once per (channel, period): the claim protocol on `digest_posts`.

1. **Claim** — INSERT one row (channel, period, status 'claimed') in its own transaction.
   The UNIQUE(channel_id, period) constraint decides between processes: whoever's INSERT
   commits first owns the period; everybody else gets an IntegrityError and reads the row.
2. **Post** to Slack (outside any transaction), then **mark** the row 'posted' with the
   message ts — a conditional UPDATE that only the current owner's claim matches.
3. **Take over** — a row still 'claimed' after `LEASE` belongs to a process that died (or
   hung) between claim and mark; a conditional UPDATE … WHERE status='claimed' AND
   attempts=<seen> AND claimed_at < cutoff hands it to exactly one newcomer. A 'failed' row
   is retried the same way when the retry policy allows (see `bot.digest.policy`).

Every conditional UPDATE also matches the `attempts` value read before, so `attempts` works
as the row's version: two processes racing for one takeover cannot both match.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.digest import policy
from bot.digest.periods import as_utc
from bot.storage.models import DigestPost

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=10)
FIRST_DIGEST_SPAN = timedelta(days=1)


def worker_id() -> str:
    """Who holds a claim: host, process and a random part (one per scheduler/command)."""
    return f"{socket.gethostname()[:80]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass(frozen=True)
class Claim:
    """A period this worker now owns and must post, then mark."""

    id: int
    channel_id: str
    period: date
    covers_from: datetime
    covers_to: datetime
    attempts: int
    worker: str
    verify_first: bool = False      # the last try may have reached Slack: look before posting


@dataclass(frozen=True)
class Outcome:
    """What `claim` found: a Claim to post, or why there is nothing to do."""

    state: str                      # claimed | posted | in_progress | failed | waiting
    claim: Claim | None = None
    row: DigestPost | None = None

    @property
    def claimed(self) -> bool:
        return self.claim is not None


def previous_cover_end(session: Session, channel_id: str, period: date) -> datetime | None:
    """Where the channel's previous posted digest stopped (the next one starts there)."""
    value = session.scalar(
        select(DigestPost.covers_to)
        .where(DigestPost.channel_id == channel_id, DigestPost.status == "posted",
               DigestPost.period < period)
        .order_by(DigestPost.period.desc()).limit(1))
    return as_utc(value) if value is not None else None


def claim(sessions: sessionmaker[Session], channel_id: str, period: date, now: datetime,
          worker: str, *, force: bool = False, retry_failed: bool = False,
          lease: timedelta = LEASE) -> Outcome:
    """Try to own (channel_id, period). Never posts; never raises on losing a race.

    `force` re-posts a posted period; `retry_failed` retries a failed one at once, whatever
    the retry policy says (a person asked for it)."""
    now = as_utc(now)
    with sessions() as session:
        covers_from = previous_cover_end(session, channel_id, period) or now - FIRST_DIGEST_SPAN
    row = DigestPost(channel_id=channel_id, period=period, status="claimed",
                     covers_from=covers_from, covers_to=now, claimed_by=worker,
                     claimed_at=now, attempts=1)
    try:
        with sessions.begin() as session:
            session.add(row)
            session.flush()
            row_id = row.id
    except IntegrityError:
        log.debug("digest %s %s: already claimed by someone else", channel_id, period)
    else:
        return Outcome("claimed", Claim(row_id, channel_id, period, covers_from, now, 1, worker))
    return _existing(sessions, channel_id, period, now, worker, force=force,
                     retry_failed=retry_failed, lease=lease)


def _existing(sessions, channel_id, period, now, worker, *, force, retry_failed,
              lease) -> Outcome:
    with sessions() as session:
        row = session.scalars(select(DigestPost).where(
            DigestPost.channel_id == channel_id, DigestPost.period == period)).one()
        session.expunge(row)
    claimed_at = as_utc(row.claimed_at) if row.claimed_at else None
    if row.status == "posted" and not force:
        return Outcome("posted", row=row)
    if row.status == "claimed":
        if claimed_at is not None and claimed_at > now - lease:
            return Outcome("in_progress", row=row)
        verify = not force                         # its owner died: did it post first?
    elif row.status == "failed" and not (force or retry_failed):
        decision = policy.retry_decision(row.last_error, row.attempts, claimed_at, now)
        if decision != "retry":
            return Outcome(decision, row=row)      # failed (for good) | waiting (backoff)
        verify = policy.kind(row.last_error) == "transient"   # a 5xx may have posted
    elif row.status == "failed":                   # a person asked: try again now
        verify = policy.kind(row.last_error) == "transient" and not force
    else:                                          # posted and --force
        verify = False
    return _take(sessions, row, now, worker, verify=verify, lease=lease)


def _take(sessions, row: DigestPost, now: datetime, worker: str, *, verify: bool,
          lease: timedelta) -> Outcome:
    """The conditional UPDATE: exactly one of several racing workers matches the row."""
    condition = [DigestPost.id == row.id, DigestPost.status == row.status,
                 DigestPost.attempts == row.attempts]
    if row.status == "claimed":
        condition.append(DigestPost.claimed_at < now - lease)
    attempts = row.attempts + 1
    with sessions.begin() as session:
        result = session.execute(
            update(DigestPost).where(*condition)
            .values(status="claimed", claimed_by=worker, claimed_at=now, covers_to=now,
                    attempts=attempts)
            .execution_options(synchronize_session=False))
        won = result.rowcount == 1
    if not won:
        log.debug("digest %s %s: lost the takeover race", row.channel_id, row.period)
        return Outcome("in_progress", row=row)
    covers_from = as_utc(row.covers_from) if row.covers_from else now - FIRST_DIGEST_SPAN
    log.info("digest %s %s: took over a %s row (attempt %d)", row.channel_id, row.period,
             row.status, attempts)
    return Outcome("claimed", Claim(row.id, row.channel_id, row.period, covers_from, now,
                                    attempts, worker, verify_first=verify), row=row)


def still_mine(sessions: sessionmaker[Session], claim: Claim) -> bool:
    """Checked right before posting: has nobody taken the claim over meanwhile?"""
    with sessions() as session:
        found = session.scalar(select(DigestPost.id).where(*_mine(claim)))
    return found is not None


def mark_posted(sessions: sessionmaker[Session], claim: Claim, message_ts: str | None,
                now: datetime) -> bool:
    """Slack confirmed the post: record it. False if the claim was lost meanwhile."""
    with sessions.begin() as session:
        result = session.execute(
            update(DigestPost).where(*_mine(claim))
            .values(status="posted", message_ts=message_ts, posted_at=as_utc(now),
                    last_error=None)
            .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        log.error("digest %s %s was posted (ts %s) after its claim had been taken over: "
                  "it may appear twice", claim.channel_id, claim.period, message_ts)
        return False
    return True


def mark_failed(sessions: sessionmaker[Session], claim: Claim, error: str,
                now: datetime) -> bool:
    """The post failed: record why; `claimed_at` becomes the time of this attempt."""
    with sessions.begin() as session:
        result = session.execute(
            update(DigestPost).where(*_mine(claim))
            .values(status="failed", last_error=error[:500], claimed_at=as_utc(now))
            .execution_options(synchronize_session=False))
    return result.rowcount == 1


def note_error(sessions: sessionmaker[Session], claim: Claim, error: str) -> None:
    """Record a problem after the digest was posted (a thread reply that failed)."""
    with sessions.begin() as session:
        session.execute(update(DigestPost).where(DigestPost.id == claim.id)
                        .values(last_error=error[:500])
                        .execution_options(synchronize_session=False))


def _mine(claim: Claim):
    return (DigestPost.id == claim.id, DigestPost.status == "claimed",
            DigestPost.claimed_by == claim.worker, DigestPost.attempts == claim.attempts)
