"""The digest scheduler `sitrep serve` runs: a small thread that ticks every ~30 seconds.

Each tick, for every enabled subscription, it works out the newest period whose digest time
has passed (`periods.due_period`) and posts it unless it is posted already. Only the newest
period is ever considered, so a restart after downtime across one digest time — or a week
of them — posts one digest, covering everything since the last one posted. Which process
posts is decided in the database (`bot.digest.claims`), so several `sitrep serve` processes
on one database post each period once.

The clock is injectable (`now`), for tests and for replaying a day.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime

from slack_sdk import WebClient
from sqlalchemy import select

from bot.digest import claims, policy, subscriptions
from bot.digest.periods import as_utc
from bot.digest.poster import PostResult, digest_retry_handlers, post_digest
from bot.storage.models import DigestPost

log = logging.getLogger(__name__)

TICK_SECONDS = 30.0


def utc_now() -> datetime:
    return datetime.now(UTC)


class DigestScheduler:
    """Call `tick()` yourself (tests, one-shot workers) or `start()` the thread."""

    def __init__(self, runtime, client: WebClient, *, now: Callable[[], datetime] = utc_now,
                 interval: float = TICK_SECONDS, lease=claims.LEASE, worker: str | None = None):
        self.runtime = runtime
        self.client = client
        self.now = now
        self.interval = interval
        self.lease = lease
        self.worker = worker or claims.worker_id()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._defaults_done = False

    # ------------------------------------------------------------------ one tick

    def tick(self) -> list[PostResult]:
        """Post every due, unposted period once; returns what happened per channel."""
        now = as_utc(self.now())
        sessions = self.runtime.sessions
        if not self._defaults_done:
            subscriptions.ensure_default_committed(sessions, self.runtime.settings, now=now)
            self._defaults_done = True
        with sessions() as session:
            schedules = subscriptions.enabled_schedules(session)
        results = []
        for schedule in schedules:
            period = schedule.due(now)
            if period is None or self._settled(schedule.channel_id, period, now):
                continue
            try:
                result = post_digest(sessions, self.client, schedule, period, now, self.worker,
                                     skip_empty=self.runtime.settings.digest_skip_empty,
                                     lease=self.lease)
            except Exception:
                log.exception("digest for %s, %s: failed", schedule.channel_id, period)
                continue
            if result.state not in ("already_posted", "in_progress", "waiting"):
                results.append(result)
        return results

    def _settled(self, channel_id: str, period, now: datetime) -> bool:
        """A cheap look before trying to claim: posted, claimed by a live worker, or failed
        and not to be retried yet (so a waiting period costs one SELECT a tick)."""
        with self.runtime.sessions() as session:
            row = session.execute(
                select(DigestPost.status, DigestPost.claimed_at, DigestPost.attempts,
                       DigestPost.last_error)
                .where(DigestPost.channel_id == channel_id, DigestPost.period == period)
            ).first()
        if row is None:
            return False
        claimed_at = as_utc(row.claimed_at) if row.claimed_at is not None else None
        if row.status == "posted":
            return True
        if row.status == "claimed":
            return claimed_at is not None and claimed_at > now - self.lease
        return policy.retry_decision(row.last_error, row.attempts, claimed_at, now) != "retry"

    # ------------------------------------------------------------------ the thread

    def start(self) -> DigestScheduler:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="sitrep-digest", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        log.info("digest scheduler started (worker %s, every %.0f s)", self.worker,
                 self.interval)
        while not self._stop.is_set():
            try:
                self.tick()
            except Exception:       # a dead database must not kill the thread: next tick
                log.exception("digest scheduler tick failed")
            self._stop.wait(self.interval)
        log.info("digest scheduler stopped")


def start_scheduler(runtime, client: WebClient, *, now: Callable[[], datetime] = utc_now,
                    interval: float = TICK_SECONDS) -> DigestScheduler:
    """Start the digest thread; call `.stop()` on the handle at exit.

    Posts through its own WebClient (same token and API URL as `client`) with retry
    handlers for 429 and 5xx, leaving the app's client as it is."""
    own = WebClient(token=client.token, base_url=client.base_url, timeout=15,
                    retry_handlers=digest_retry_handlers())
    return DigestScheduler(runtime, own, now=now, interval=interval).start()
