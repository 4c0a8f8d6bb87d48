"""`/sitrep digest on|off|status` on real databases."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from bot.digest.commands import handle_digest_command
from bot.runtime import Runtime
from bot.settings import Settings
from bot.storage.models import DigestSubscription

NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


def make_runtime(database_url) -> Runtime:
    return Runtime(Settings(DATABASE_URL=database_url, DIGEST_TIME="09:15",
                            DIGEST_TZ="Europe/Brussels", _env_file=None))


@pytest.fixture
def digest_runtime(database_url):
    runtime = make_runtime(database_url)
    yield runtime
    runtime.close()


@pytest.fixture
def sqlite_runtime(tmp_path):
    """For the many small argument cases: SQLite only (the storage is the same as above)."""
    runtime = make_runtime(f"sqlite:///{tmp_path / 'commands.db'}")
    yield runtime
    runtime.close()


def subscription(runtime, channel="C1"):
    with runtime.sessions() as session:
        return session.get(DigestSubscription, channel)


def test_digest_commands_on_off_status(digest_runtime):
    reply = handle_digest_command("on 07:30 Asia/Seoul", "C1", digest_runtime, now=NOW)
    assert "on for this channel at *07:30 Asia/Seoul*" in reply
    assert "Next digest: Tue 3 Nov 07:30 KST (22:30 UTC)" in reply
    row = subscription(digest_runtime)
    assert (row.post_time, row.tz, row.enabled) == (time(7, 30), "Asia/Seoul", True)

    assert "is *on*" in handle_digest_command("status", "C1", digest_runtime, now=NOW)
    assert "off for this channel" in handle_digest_command("off", "C1", digest_runtime, now=NOW)
    assert subscription(digest_runtime).enabled is False
    assert "nothing to turn off" in handle_digest_command("off", "C1", digest_runtime, now=NOW)
    assert "is *off*" in handle_digest_command("status", "C1", digest_runtime, now=NOW)

    # "on" alone keeps the channel's own time and zone
    handle_digest_command("on", "C1", digest_runtime, now=NOW)
    row = subscription(digest_runtime)
    assert (row.post_time, row.tz, row.enabled) == (time(7, 30), "Asia/Seoul", True)


@pytest.mark.parametrize(("args", "post_time", "tz"), [
    ("on", time(9, 15), "Europe/Brussels"),                # DIGEST_TIME / DIGEST_TZ
    ("on 6:05", time(6, 5), "Europe/Brussels"),
    ("on asia/seoul", time(9, 15), "Asia/Seoul"),
    ("on America/New_York 18:00", time(18, 0), "America/New_York"),
    ("digest on 07:30 utc", time(7, 30), "UTC"),
])
def test_digest_commands_on_arguments(sqlite_runtime, args, post_time, tz):
    handle_digest_command(args, "C9", sqlite_runtime, now=NOW)
    row = subscription(sqlite_runtime, "C9")
    assert (row.post_time, row.tz) == (post_time, tz)


@pytest.mark.parametrize(("args", "message"), [
    ("on 25:00", "`25:00` is not a time of day"),
    ("on 7:60 Asia/Seoul", "`7:60` is not a time of day"),
    ("on 07:30 Mars/Olympus", "`Mars/Olympus` is not a time zone I know"),
    ("on 07:30 Seoul", "`Seoul` is not a time zone I know"),
    ("sometimes", "I don't know `digest sometimes`"),
])
def test_digest_commands_invalid_input_says_what_to_type(sqlite_runtime, args, message):
    reply = handle_digest_command(args, "C1", sqlite_runtime, now=NOW)
    assert message in reply
    assert "/sitrep digest on [HH:MM] [time zone]" in reply
    assert subscription(sqlite_runtime) is None


def test_digest_commands_through_slack(tmp_path):
    """`/sitrep digest …` typed in Slack: signed request to the real app, reply on the
    response_url, subscription stored for the channel it was typed in."""
    from slack_emulator import SlackEmulator
    from slack_testing import bot_settings, http_bot, message_text

    with SlackEmulator() as emulator, \
            http_bot(bot_settings(f"sqlite:///{tmp_path / 'slack.db'}", emulator)) as bot:
        for text, expected in [("digest on 07:30 Asia/Seoul", "at *07:30 Asia/Seoul*"),
                               ("digest status", "is *on*"),
                               ("digest on 31:00", "is not a time of day"),
                               ("digest off", "off for this channel")]:
            status, _, response_url, _ = bot.command(emulator, "/sitrep", text,
                                                     channel_id="C0SEOUL")
            assert status == 200
            [response] = emulator.wait_for_response(id=response_url, timeout=10)
            assert expected in message_text(response.json), response.json
        with bot.runtime.sessions() as session:
            row = session.get(DigestSubscription, "C0SEOUL")
        assert (row.post_time, row.tz, row.enabled) == (time(7, 30), "Asia/Seoul", False)
