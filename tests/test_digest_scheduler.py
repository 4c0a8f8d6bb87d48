"""The digest scheduler against the Slack emulator over HTTP, with an injectable clock:
restarts, downtime, DST, Slack errors, empty days, long digests, the thread itself."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from slack_emulator import SlackEmulator
from sqlalchemy import select

from bot.digest.periods import as_utc
from bot.digest.poster import METADATA_EVENT, make_client
from bot.digest.scheduler import DigestScheduler, start_scheduler
from bot.runtime import Runtime
from bot.settings import Settings
from bot.storage.models import Article, DigestPost

CHANNEL = "C0DIGEST"
TOKEN = "xoxb-test"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime):
        self.t = start

    def __call__(self) -> datetime:
        return self.t

    def advance(self, **delta) -> datetime:
        self.t += timedelta(**delta)
        return self.t


@pytest.fixture
def emulator():
    with SlackEmulator() as emu:
        yield emu


def make_runtime(database_url, emulator, **extra) -> Runtime:
    settings = dict(DIGEST_CHANNEL=CHANNEL, DIGEST_TIME="08:00", DIGEST_TZ="Europe/Brussels")
    settings.update(extra)
    return Runtime(Settings(DATABASE_URL=database_url, SLACK_BOT_TOKEN=TOKEN,
                            SLACK_API_URL=emulator.base_url, _env_file=None, **settings))


def scheduler(runtime, emulator, clock) -> DigestScheduler:
    return DigestScheduler(runtime, make_client(TOKEN, emulator.base_url), now=clock)


def add_article(runtime, title, ingested_at, outlet="Yonhap", count=1):
    with runtime.sessions.begin() as session:
        for n in range(count):
            name = f"{title} {n}" if count > 1 else title
            session.add(Article(content_hash=uuid.uuid4().hex, source=f"/news/{n}.txt",
                                title=name, outlet=outlet, text=name,
                                ingested_at=ingested_at + timedelta(seconds=n)))


def digests(emulator) -> list[dict]:
    """Top-level digest messages in the channel, oldest first."""
    return [m for m in emulator.messages(CHANNEL) if not m.get("thread_ts")
            and (m.get("metadata") or {}).get("event_type") == METADATA_EVENT]


def periods_posted(emulator) -> list[str]:
    return [m["metadata"]["event_payload"]["period"] for m in digests(emulator)]


def rows(runtime) -> list[DigestPost]:
    with runtime.sessions() as session:
        return list(session.scalars(select(DigestPost).order_by(DigestPost.period)))


def test_digest_scheduler_100_restarts_one_post_per_period(database_url, emulator):
    """100 restarts, each a new runtime and scheduler, 1 h 43 min apart (a week, across the
    spring-forward night): every local day is posted exactly once, at or after 08:00."""
    clock = Clock(datetime(2026, 3, 25, 5, 0, tzinfo=UTC))
    last_tick = clock() + timedelta(minutes=103 * 99 + 50)   # 1 Apr, 08:37 UTC
    for restart in range(100):
        runtime = make_runtime(database_url, emulator)
        try:
            if restart % 10 == 3:
                add_article(runtime, f"article-{restart}", clock())
            worker = scheduler(runtime, emulator, clock)
            worker.tick()
            clock.advance(minutes=50)
            worker.tick()
            clock.advance(minutes=53)
        finally:
            runtime.close()
    posted = periods_posted(emulator)
    assert clock() - timedelta(minutes=53) == last_tick
    assert len(posted) == len(set(posted)) == 8
    assert posted == [(date(2026, 3, 25) + timedelta(days=n)).isoformat() for n in range(8)]
    records = rows(make_runtime(database_url, emulator))
    assert [r.status for r in records] == ["posted"] * 8
    assert [r.message_ts for r in records] == [m["ts"] for m in digests(emulator)]
    for earlier, later in zip(records, records[1:], strict=False):   # contiguous coverage
        assert as_utc(later.covers_from) == as_utc(earlier.covers_to)


def test_digest_scheduler_week_of_downtime_posts_one_digest(database_url, emulator):
    runtime = make_runtime(database_url, emulator)
    clock = Clock(datetime(2026, 11, 1, 6, 0, tzinfo=UTC))   # before the first digest time
    worker = scheduler(runtime, emulator, clock)
    worker.tick()
    clock.advance(hours=1, minutes=1)                        # 08:01 CET, 1 Nov
    assert [r.state for r in worker.tick()] == ["posted"]
    first_end = as_utc(rows(runtime)[0].covers_to)
    for day in range(1, 7):                                  # ingested while the bot was down
        add_article(runtime, f"down-{day}", clock() + timedelta(days=day))
    clock.advance(days=7, hours=2)                           # back up on 8 Nov at 10:01
    restarted = scheduler(runtime, emulator, clock)
    assert [r.state for r in restarted.tick()] == ["posted"]
    assert restarted.tick() == []
    clock.advance(minutes=30)
    assert restarted.tick() == []
    assert periods_posted(emulator) == ["2026-11-01", "2026-11-08"]
    last = rows(runtime)[-1]
    assert as_utc(last.covers_from) == first_end
    text = digests(emulator)[-1]["text"]
    assert all(f"down-{day}" in text for day in range(1, 7))
    runtime.close()


@pytest.mark.parametrize(("days", "post_time", "expected"), [
    # spring forward on Sun 29 Mar 2026: 08:00 is 07:00 UTC before, 06:00 UTC after
    (("2026-03-28", 3), "08:00", ["2026-03-28T07:00", "2026-03-29T06:00", "2026-03-30T06:00"]),
    # fall back on Sun 25 Oct 2026: 08:00 is 06:00 UTC before, 07:00 UTC after
    (("2026-10-24", 3), "08:00", ["2026-10-24T06:00", "2026-10-25T07:00", "2026-10-26T07:00"]),
    # 02:30 does not exist on 29 Mar (posted at 03:30 CEST) and happens twice on 25 Oct
    (("2026-03-28", 3), "02:30", ["2026-03-28T01:30", "2026-03-29T01:30", "2026-03-30T00:30"]),
    (("2026-10-24", 3), "02:30", ["2026-10-24T00:30", "2026-10-25T00:30", "2026-10-26T01:30"]),
])
def test_digest_scheduler_dst_days_have_exactly_one_digest(tmp_path, emulator, days,
                                                           post_time, expected):
    start, count = days
    runtime = make_runtime(f"sqlite:///{tmp_path / 'dst.db'}", emulator, DIGEST_TIME=post_time)
    clock = Clock(datetime.fromisoformat(start).replace(tzinfo=UTC))   # 01:00 or 02:00 local
    worker = scheduler(runtime, emulator, clock)
    posted_at = []
    while clock() < datetime.fromisoformat(start).replace(tzinfo=UTC) + timedelta(days=count):
        if worker.tick():
            posted_at.append(clock().strftime("%Y-%m-%dT%H:%M"))
        clock.advance(minutes=10)
    assert posted_at == expected
    runtime.close()


def test_digest_scheduler_429_is_retried(tmp_path, emulator):
    runtime = make_runtime(f"sqlite:///{tmp_path / 'rl.db'}", emulator)
    clock = Clock(datetime(2026, 11, 2, 7, 1, tzinfo=UTC))
    subscribed = Clock(clock() - timedelta(days=1, hours=2))
    scheduler(runtime, emulator, subscribed).tick()          # subscribed the day before
    emulator.fail_next("chat.postMessage", status=429, retry_after=0)
    worker = scheduler(runtime, emulator, clock)
    assert [r.state for r in worker.tick()] == ["posted"]     # slack_sdk's retry handler
    calls = emulator.calls("chat.postMessage")
    assert [c.status for c in calls] == [429, 200]

    # still rate-limited after the client's retries: failed, tried again on a later tick
    emulator.fail_next("chat.postMessage", status=429, retry_after=0, times=3)
    clock.advance(days=1)
    assert [(r.state, r.error) for r in worker.tick()] == [("failed", "ratelimited")]
    assert worker.tick() == []                               # backing off
    clock.advance(minutes=1)
    assert [r.state for r in worker.tick()] == ["posted"]
    assert periods_posted(emulator) == ["2026-11-02", "2026-11-03"]
    assert emulator.calls("conversations.history")           # looked before posting again
    runtime.close()


def test_digest_scheduler_channel_not_found_fails_then_retries_a_few_times(database_url,
                                                                           emulator):
    runtime = make_runtime(database_url, emulator)
    clock = Clock(datetime(2026, 11, 2, 6, 0, tzinfo=UTC))
    worker = scheduler(runtime, emulator, clock)
    worker.tick()
    clock.advance(hours=1, minutes=1)
    emulator.fail_next("chat.postMessage", error="channel_not_found", times=100)
    [result] = worker.tick()
    assert (result.state, result.error) == ("failed", "channel_not_found")
    [row] = rows(runtime)
    assert (row.status, row.last_error, row.attempts) == ("failed", "channel_not_found", 1)
    for _ in range(6 * 12):                                  # twelve hours of 10-minute ticks
        clock.advance(minutes=10)
        worker.tick()
    assert len(emulator.calls("chat.postMessage")) == 4      # 1 + retries after 10, 30, 90 min
    [row] = rows(runtime)
    assert (row.status, row.attempts) == ("failed", 4)
    from bot.digest.commands import handle_digest_command
    status = handle_digest_command("status", CHANNEL, runtime, now=clock())
    assert "The digest of 2 Nov could not be posted: `channel_not_found`." in status
    # someone fixes the channel: the next day's digest posts, covering the failed day too
    emulator.reset()
    add_article(runtime, "while failing", clock() - timedelta(hours=8))
    clock.advance(hours=12)
    assert [r.state for r in worker.tick()] == ["posted"]
    assert "while failing" in digests(emulator)[0]["text"]
    runtime.close()


def test_digest_scheduler_not_in_channel_succeeds_after_invite(tmp_path, emulator):
    runtime = make_runtime(f"sqlite:///{tmp_path / 'nic.db'}", emulator)
    clock = Clock(datetime(2026, 11, 2, 6, 0, tzinfo=UTC))
    worker = scheduler(runtime, emulator, clock)
    worker.tick()
    clock.advance(hours=1)
    emulator.fail_next("chat.postMessage", error="not_in_channel")
    assert [r.state for r in worker.tick()] == ["failed"]
    clock.advance(minutes=9)
    assert worker.tick() == []
    clock.advance(minutes=1)                                 # invited meanwhile
    assert [r.state for r in worker.tick()] == ["posted"]
    assert periods_posted(emulator) == ["2026-11-02"]
    runtime.close()


@pytest.mark.parametrize("skip_empty", [False, True])
def test_digest_scheduler_nothing_new(tmp_path, emulator, skip_empty):
    runtime = make_runtime(f"sqlite:///{tmp_path / 'e.db'}", emulator,
                           DIGEST_SKIP_EMPTY=str(skip_empty).lower())
    clock = Clock(datetime(2026, 11, 2, 6, 0, tzinfo=UTC))
    worker = scheduler(runtime, emulator, clock)
    worker.tick()
    clock.advance(hours=1)
    [result] = worker.tick()
    if skip_empty:
        assert result.state == "skipped_empty"
        assert emulator.calls("chat.postMessage") == []
    else:
        [message] = emulator.messages(CHANNEL)
        assert message["text"].startswith("Daily digest: Nothing new since the last digest")
        assert len(message["blocks"]) == 1
    clock.advance(hours=1)
    assert worker.tick() == []
    assert [r.status for r in rows(runtime)] == ["posted"]
    runtime.close()


def test_digest_scheduler_long_digest_continues_in_its_thread(tmp_path, emulator):
    runtime = make_runtime(f"sqlite:///{tmp_path / 'long.db'}", emulator)
    clock = Clock(datetime(2026, 11, 2, 6, 0, tzinfo=UTC))
    worker = scheduler(runtime, emulator, clock)
    worker.tick()
    add_article(runtime, "On North Korean troops in Kursk, report " * 4, clock(), count=1500)
    clock.advance(hours=1)
    [result] = worker.tick()
    assert result.state == "posted" and result.messages > 1
    messages = emulator.messages(CHANNEL)
    first, rest = messages[0], messages[1:]
    assert "thread_ts" not in first and first["ts"] == result.message_ts
    assert len(rest) == result.messages - 1
    assert all(m["thread_ts"] == first["ts"] for m in rest)
    assert all(len(m["blocks"]) <= 50 for m in messages)
    shown = "".join(b["text"]["text"] for m in messages for b in m["blocks"]
                    if b["type"] == "section")
    assert all(f"({n}.txt)" in shown for n in range(1500))
    assert all(m["text"] for m in messages)
    runtime.close()


def test_digest_scheduler_recovers_a_post_that_was_never_marked(tmp_path, emulator):
    """A process posted, then died before marking: whoever takes the stale claim over finds
    the digest in the channel's history and does not post it again."""
    runtime = make_runtime(f"sqlite:///{tmp_path / 'rec.db'}", emulator)
    clock = Clock(datetime(2026, 11, 2, 7, 5, tzinfo=UTC))
    with runtime.sessions.begin() as session:
        session.add(DigestPost(channel_id=CHANNEL, period=date(2026, 11, 2), status="claimed",
                               claimed_by="dead:1:x", claimed_at=clock(), attempts=1,
                               covers_from=clock() - timedelta(days=1), covers_to=clock()))
    client = make_client(TOKEN, emulator.base_url)
    ts = client.chat_postMessage(channel=CHANNEL, text="Daily digest", metadata={
        "event_type": METADATA_EVENT, "event_payload": {"period": "2026-11-02"}})["ts"]
    worker = scheduler(runtime, emulator, Clock(clock() - timedelta(days=1, hours=2)))
    worker.tick()                                            # subscribes, nothing due yet
    worker.now = clock
    assert worker.tick() == []                               # the claim is still fresh
    clock.advance(minutes=11)
    assert [r.state for r in worker.tick()] == ["recovered"]
    assert len(emulator.calls("chat.postMessage")) == 1
    [row] = rows(runtime)
    assert (row.status, row.message_ts) == ("posted", ts)
    runtime.close()


def test_digest_scheduler_thread_starts_and_stops(tmp_path, emulator):
    runtime = make_runtime(f"sqlite:///{tmp_path / 't.db'}", emulator,
                           DIGEST_TIME="00:00", DIGEST_TZ="UTC")
    with runtime.sessions.begin() as session:             # subscribed since yesterday
        from bot.digest import subscriptions
        subscriptions.ensure_default(session, runtime.settings,
                                     now=datetime.now(UTC) - timedelta(days=1))
    from slack_sdk import WebClient
    handle = start_scheduler(runtime, WebClient(token=TOKEN, base_url=emulator.base_url),
                             interval=0.05)
    try:
        emulator.wait_for("chat.postMessage", timeout=10)
    finally:
        handle.stop()
    assert not handle.running
    assert len(periods_posted(emulator)) == 1
    runtime.close()


@pytest.mark.parametrize(("subscribed", "first_post"), [
    # subscribed at 07:00 in Brussels (before 08:00): not yesterday's digest, today's at 08:00
    (datetime(2026, 11, 2, 6, 0, tzinfo=UTC), "2026-11-02T07:00"),
    # subscribed at 10:00 (after 08:00): today's digest at once
    (datetime(2026, 11, 2, 9, 0, tzinfo=UTC), "2026-11-02T09:00"),
])
def test_digest_scheduler_first_digest_after_subscribing(tmp_path, emulator, subscribed,
                                                         first_post):
    from bot.digest.commands import handle_digest_command

    runtime = make_runtime(f"sqlite:///{tmp_path / 'sub.db'}", emulator, DIGEST_CHANNEL="")
    reply = handle_digest_command("on 08:00 Europe/Brussels", CHANNEL, runtime, now=subscribed)
    assert ("today's digest follows within a minute" in reply) == (subscribed.hour == 9)
    clock = Clock(subscribed)
    worker = scheduler(runtime, emulator, clock)
    posted_at = []
    while clock() < subscribed + timedelta(hours=3):
        if worker.tick():
            posted_at.append(clock().strftime("%Y-%m-%dT%H:%M"))
        clock.advance(minutes=5)
    assert posted_at == [first_post]
    assert periods_posted(emulator) == ["2026-11-02"]
    runtime.close()


def test_digest_scheduler_racing_takeover_of_a_stale_claim(database_url, emulator):
    """Four workers (threads, each its own scheduler and connections) find the same stale
    claim at the same instant: exactly one takes it over and posts."""
    import threading

    runtime = make_runtime(database_url, emulator)
    clock = Clock(datetime(2026, 11, 2, 7, 30, tzinfo=UTC))
    scheduler(runtime, emulator, Clock(clock() - timedelta(days=1, hours=2))).tick()
    with runtime.sessions.begin() as session:
        session.add(DigestPost(channel_id=CHANNEL, period=date(2026, 11, 2), status="claimed",
                               claimed_by="dead:1:x", claimed_at=clock() - timedelta(minutes=15),
                               attempts=1, covers_from=clock() - timedelta(days=1),
                               covers_to=clock() - timedelta(minutes=15)))
    workers = [scheduler(runtime, emulator, clock) for _ in range(4)]
    barrier = threading.Barrier(len(workers))
    results: list = []

    def run(worker):
        barrier.wait()
        results.extend(worker.tick())

    threads = [threading.Thread(target=run, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert [r.state for r in results] == ["posted"]
    assert len(emulator.calls("chat.postMessage")) == 1
    assert len(emulator.calls("conversations.history")) == 1
    [row] = rows(runtime)
    assert (row.status, row.attempts) == ("posted", 2)
    assert row.claimed_by in {w.worker for w in workers}
    runtime.close()
