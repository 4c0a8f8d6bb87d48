"""Real processes on one database: concurrent workers, kill -9 between claim and post,
`sitrep serve` running the scheduler, and the `sitrep digest` command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from slack_emulator import SlackEmulator
from slack_testing import serve_env, serve_process, sitrep_argv
from sqlalchemy import select

from bot.cli import cli
from bot.digest import subscriptions
from bot.digest.poster import METADATA_EVENT, make_client, post_digest
from bot.runtime import Runtime
from bot.settings import Settings
from bot.storage.models import DigestPost

CHANNEL = "C0DIGEST"
TOKEN = "xoxb-test"


@pytest.fixture
def emulator():
    with SlackEmulator() as emu:
        yield emu


def env_for(database_url, emulator, **extra) -> dict[str, str]:
    settings = dict(DIGEST_CHANNEL=CHANNEL, DIGEST_TIME="00:00", DIGEST_TZ="UTC",
                    LOG_LEVEL="WARNING")
    settings.update(extra)
    return serve_env(database_url, emulator, **settings)


def prepared(database_url, emulator, *, subscribe_at: datetime | None = None) -> Runtime:
    """The schema upgraded once (as a deployment does), optionally subscribed since a time."""
    runtime = Runtime(Settings(DATABASE_URL=database_url, SLACK_BOT_TOKEN=TOKEN,
                               SLACK_API_URL=emulator.base_url, DIGEST_CHANNEL=CHANNEL,
                               DIGEST_TIME="00:00", DIGEST_TZ="UTC", _env_file=None))
    assert runtime.sessions is not None
    if subscribe_at is not None:
        with runtime.sessions.begin() as session:
            subscriptions.ensure_default(session, runtime.settings, now=subscribe_at)
    return runtime


def digest_posts(emulator) -> list[dict]:
    return [m for m in emulator.messages(CHANNEL) if not m.get("thread_ts")
            and (m.get("metadata") or {}).get("event_type") == METADATA_EVENT]


def rows(runtime) -> list[DigestPost]:
    with runtime.sessions() as session:
        return list(session.scalars(select(DigestPost).order_by(DigestPost.period)))


WORKER = """
import sys, time
from datetime import datetime
from bot.digest.poster import make_client
from bot.digest.scheduler import DigestScheduler
from bot.runtime import Runtime
from bot.settings import load_settings

settings = load_settings()
runtime = Runtime(settings)
runtime.sessions
at = datetime.fromisoformat(sys.argv[1])
worker = DigestScheduler(runtime, make_client(settings.slack_bot_token.get_secret_value(),
                                              settings.slack_api_url), now=lambda: at)
# a barrier: say "ready", wait for "go", so that every worker ticks at the same moment
from pathlib import Path
Path(sys.argv[2], "ready-" + sys.argv[3]).touch()
while not Path(sys.argv[2], "go").exists():
    time.sleep(0.005)
print(",".join(r.state for r in worker.tick()) or "nothing")
"""


@pytest.mark.slow
@pytest.mark.postgres
def test_digest_processes_concurrent_workers_on_postgres_post_once(postgres_admin, emulator,
                                                                    tmp_path):
    from conftest import drop_postgres_database, make_postgres_database

    url = make_postgres_database(postgres_admin)
    try:
        at = datetime(2026, 11, 2, 0, 0, 5, tzinfo=UTC)               # at the digest time
        runtime = prepared(url, emulator, subscribe_at=at - timedelta(days=1))
        procs = [subprocess.Popen([sys.executable, "-c", WORKER, at.isoformat(),
                                   str(tmp_path), str(n)],
                                  env=env_for(url, emulator), cwd=tmp_path, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for n in range(3)]
        deadline = time.monotonic() + 30
        while len(list(tmp_path.glob("ready-*"))) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        (tmp_path / "go").touch()
        outputs = [p.communicate(timeout=60) for p in procs]
        assert [p.returncode for p in procs] == [0] * 3, outputs
        states = sorted(out.strip() for out, _ in outputs)
        assert states == ["nothing"] * 2 + ["posted"], outputs
        assert len(emulator.calls("chat.postMessage")) == 1
        [row] = rows(runtime)
        assert (row.status, row.attempts) == ("posted", 1)
        assert row.message_ts == digest_posts(emulator)[0]["ts"]
        runtime.close()
    finally:
        drop_postgres_database(postgres_admin, url)


@pytest.mark.slow
@pytest.mark.postgres
def test_digest_processes_cli_twice_concurrently_posts_once(postgres_admin, emulator, tmp_path):
    """Two `sitrep digest --now` at once on a fresh database (both also upsert the
    DIGEST_CHANNEL subscription): one posts, the other says so."""
    from conftest import drop_postgres_database, make_postgres_database

    database_url = make_postgres_database(postgres_admin)
    try:
        prepared(database_url, emulator).close()
        env = env_for(database_url, emulator)
        procs = [subprocess.Popen(sitrep_argv("digest", "--channel", CHANNEL, "--now"), env=env,
                                  cwd=tmp_path, text=True, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for _ in range(2)]
        outputs = [p.communicate(timeout=60) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], outputs
        said = sorted(out.split(" ")[0] for out, _ in outputs)
        assert said == ["Posted", "The"], outputs          # "The digest of … was already posted"
        assert len(emulator.calls("chat.postMessage")) == 1
    finally:
        drop_postgres_database(postgres_admin, database_url)


@pytest.mark.slow
def test_digest_processes_kill_9_between_claim_and_post(database_url, emulator, tmp_path):
    runtime = prepared(database_url, emulator)
    env = env_for(database_url, emulator)
    proc = subprocess.Popen(sitrep_argv("digest", "--channel", CHANNEL, "--now",
                                        "--pause-after-claim", "60"),
                            env=env, cwd=tmp_path, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        line = proc.stderr.readline()
        assert line.startswith(f"claimed {CHANNEL} "), line
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    assert emulator.calls("chat.postMessage") == []
    [row] = rows(runtime)
    assert row.status == "claimed"

    # restarted at once: the claim is within its lease, so nobody posts yet
    again = subprocess.run(sitrep_argv("digest", "--channel", CHANNEL, "--now"), env=env,
                           cwd=tmp_path, text=True, capture_output=True, timeout=60)
    assert again.returncode == 0 and "being posted by another sitrep process" in again.stdout
    assert emulator.calls("chat.postMessage") == []

    # after the lease (the clock moved 11 minutes on), the next start takes it over: one post
    later = datetime.now(UTC) + timedelta(minutes=11)
    with runtime.sessions() as session:
        schedule = subscriptions.schedule_of(subscriptions.get(session, CHANNEL))
    client = make_client(TOKEN, emulator.base_url)
    result = post_digest(runtime.sessions, client, schedule, row.period, later, "restarted")
    assert result.state == "posted"
    assert [c.method for c in emulator.calls() if c.method != "auth.test"] == \
        ["conversations.history", "chat.postMessage"]       # looked first, then posted
    again = post_digest(runtime.sessions, client, schedule, row.period,
                        later + timedelta(minutes=30), "another")
    assert again.state == "already_posted"
    [row] = rows(runtime)
    assert (row.status, row.attempts, row.claimed_by) == ("posted", 2, "restarted")
    assert len(digest_posts(emulator)) == 1
    runtime.close()


@pytest.mark.slow
def test_digest_processes_serve_runs_the_scheduler(tmp_path, emulator):
    url = f"sqlite:///{tmp_path / 'serve.db'}"
    runtime = prepared(url, emulator, subscribe_at=datetime.now(UTC) - timedelta(days=1))
    env = env_for(url, emulator, LOG_LEVEL="INFO")
    with serve_process(["--http", "--port", "0"], env, tmp_path) as serve:
        serve.wait_for_line("digest scheduler started")
        serve.wait_for_line(r"listening on http://127\.0\.0\.1:\d+")   # stop it while serving
        emulator.wait_for("chat.postMessage", timeout=20)
        time.sleep(0.5)     # a SIGTERM in the instant after "listening" ends serve with 1
        code = serve.stop()
    assert "digest scheduler stopped" in serve.output
    assert code in (0, -signal.SIGTERM), serve.output
    assert len(digest_posts(emulator)) == 1
    [row] = rows(runtime)
    assert row.status == "posted"
    runtime.close()


# ------------------------------------------------------------------ the command, in-process


@pytest.fixture
def run_cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)                     # no .env from the repository

    def run(env: dict[str, str], *args: str):
        clean = {k: None for k in os.environ if k.startswith(("SLACK_", "DIGEST_"))}
        clean.update(env)
        return CliRunner().invoke(cli, ["digest", *args], env=clean, catch_exceptions=False)
    return run


def test_digest_processes_cli_now_again_force(database_url, emulator, run_cli):
    env = env_for(database_url, emulator)
    first = run_cli(env, "--channel", CHANNEL, "--now")
    assert first.exit_code == 0, first.output
    assert first.output.startswith("Posted the digest of ")
    second = run_cli(env, "--channel", CHANNEL, "--now")
    assert second.exit_code == 0
    assert "was already posted" in second.output and "nothing posted" in second.output
    assert len(emulator.calls("chat.postMessage")) == 1
    forced = run_cli(env, "--channel", CHANNEL, "--now", "--force")
    assert forced.exit_code == 0 and forced.output.startswith("Posted")
    assert len(emulator.calls("chat.postMessage")) == 2
    runtime = prepared(database_url, emulator)
    [row] = rows(runtime)
    assert (row.status, row.attempts) == ("posted", 2)
    assert row.message_ts == emulator.calls("chat.postMessage")[-1].response["ts"]
    runtime.close()


def test_digest_processes_cli_failures_are_one_line(tmp_path, emulator, run_cli):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    env = env_for(url, emulator)
    no_token = run_cli(dict(env, SLACK_BOT_TOKEN=""), "--channel", CHANNEL, "--now")
    assert no_token.exit_code == 1
    assert no_token.output == "sitrep: SLACK_BOT_TOKEN is not set: cannot post the digest\n"

    emulator.fail_next("chat.postMessage", error="channel_not_found")
    refused = run_cli(env, "--channel", CHANNEL, "--now")
    assert refused.exit_code == 1
    assert refused.output.strip().splitlines() == [
        refused.output.strip()] and "channel_not_found" in refused.output
    # a person asking again retries at once (the scheduler would wait for its backoff)
    retried = run_cli(env, "--channel", CHANNEL, "--now")
    assert retried.exit_code == 0 and retried.output.startswith("Posted")

    dead = run_cli(dict(env, DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:9/none"),
                   "--channel", CHANNEL, "--now")
    assert dead.exit_code == 1
    assert dead.output.startswith("sitrep: cannot use the database") and \
        dead.output.count("\n") == 1


def test_digest_processes_cli_dry_run_posts_nothing(tmp_path, emulator, run_cli):
    url = f"sqlite:///{tmp_path / 'dry.db'}"
    runtime = prepared(url, emulator)
    with runtime.sessions.begin() as session:
        from bot.storage.models import Article
        session.add(Article(content_hash="h1", source="/news/a.txt", title="Kursk update",
                            outlet="Yonhap", text="Kursk update"))
    env = env_for(url, emulator, SLACK_BOT_TOKEN="")
    result = run_cli(env, "--channel", CHANNEL, "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Daily digest\n")
    assert "- Kursk update — Yonhap (a.txt)" in result.output
    assert emulator.calls() == [] and rows(runtime) == []
    runtime.close()
