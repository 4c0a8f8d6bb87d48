"""@sitrep mentions over real HTTP: answered in the thread, once per event_id, on SQLite and
PostgreSQL; Slack's 429 and failures on the way out."""

from __future__ import annotations

import logging
import time

import pytest
from slack_emulator import BOT_USER_ID, app_mention_event
from slack_testing import bot_settings, button_values, http_bot, message_text
from sqlalchemy import func, select

from bot.storage.models import SlackEventSeen


@pytest.fixture
def bot(slack_emulator, bot_db_url):
    with http_bot(bot_settings(bot_db_url, slack_emulator)) as running:
        yield running


def mention(text: str = "how many troops?", **kwargs) -> dict:
    return app_mention_event(f"<@{BOT_USER_ID}> {text}", **kwargs)


def test_handlers_mention_is_answered_in_a_new_thread(bot, slack_emulator):
    event = mention()
    status, _ = bot.event(event)
    assert status == 200
    [post] = slack_emulator.wait_for("chat.postMessage", timeout=10)
    assert post.ok
    assert post.params["channel"] == "C0CHAN"
    assert post.params["thread_ts"] == event["ts"]
    assert "sitrep_share" not in button_values(post.params)
    assert message_text(post.params).strip()


def test_handlers_mention_inside_a_thread_is_answered_in_that_thread(bot, slack_emulator):
    parent = slack_emulator.add_message("C0CHAN", "North Korean troops in Kursk?")
    event = mention("summary kursk", thread_ts=parent)
    bot.event(event)
    [post] = slack_emulator.wait_for("chat.postMessage", timeout=10)
    assert post.params["thread_ts"] == parent != event["ts"]
    assert len(slack_emulator.messages("C0CHAN", thread_ts=parent)) == 2


def test_handlers_mention_retry_of_the_same_event_is_answered_once(bot, slack_emulator):
    event = mention()
    assert bot.event(event, event_id="Ev0RETRY")[0] == 200
    slack_emulator.wait_for("chat.postMessage", timeout=10)
    for attempt in (1, 2):
        status, _ = bot.event(event, event_id="Ev0RETRY",
                              headers={"X-Slack-Retry-Num": str(attempt),
                                       "X-Slack-Retry-Reason": "http_timeout"})
        assert status == 200
    time.sleep(0.8)
    assert len(slack_emulator.calls("chat.postMessage")) == 1
    bot.event(mention("whosaid rutte"), event_id="Ev0OTHER")
    slack_emulator.wait_for("chat.postMessage", count=2, timeout=10)


def test_handlers_mention_retry_that_arrives_alone_is_answered(bot, slack_emulator):
    """The first delivery never arrived: its retry is the only copy and gets the answer."""
    bot.event(mention(), event_id="Ev0ONLY", headers={"X-Slack-Retry-Num": "1",
                                                     "X-Slack-Retry-Reason": "http_error"})
    slack_emulator.wait_for("chat.postMessage", timeout=10)


def test_handlers_rate_limited_post_is_retried_and_arrives(bot, slack_emulator):
    slack_emulator.fail_next("chat.postMessage", status=429, retry_after=1)
    event = mention()
    bot.event(event)
    calls = slack_emulator.wait_for("chat.postMessage", count=2, timeout=15)
    assert [c.status for c in calls] == [429, 200]
    assert calls[1].ok and calls[1].params["thread_ts"] == event["ts"]
    assert calls[1].time - calls[0].time >= 0.9      # Retry-After was honoured


def test_handlers_server_error_is_retried(bot, slack_emulator):
    slack_emulator.fail_next("chat.postMessage", status=500)
    bot.event(mention())
    calls = slack_emulator.wait_for("chat.postMessage", count=2, timeout=15)
    assert [c.status for c in calls] == [500, 200]


def test_handlers_slack_refusal_is_logged_apologised_for_and_the_bot_goes_on(
        bot, slack_emulator, caplog):
    slack_emulator.fail_next("chat.postMessage", error="internal_error")
    with caplog.at_level(logging.ERROR, logger="sitrep.slack"):
        event = mention()
        bot.event(event)
        [apology] = slack_emulator.wait_for("chat.postEphemeral", timeout=10)
    assert "internal_error" in apology.params["text"]
    assert apology.params["user"] == "U0USER"
    assert apology.params["thread_ts"] == event["ts"]
    assert "Slack API error" in caplog.text and "internal_error" in caplog.text
    # the process keeps answering
    bot.event(mention("whosaid rutte"))
    posts = slack_emulator.wait_for("chat.postMessage", count=2, timeout=10)
    assert posts[-1].ok
    _, _, response_url, _ = bot.command(slack_emulator, "/troops", "")
    slack_emulator.wait_for_response(id=response_url, timeout=10)


def test_handlers_slack_5xx_after_retries_is_survived(bot, slack_emulator):
    slack_emulator.fail_next("chat.postMessage", status=500, times=2)
    bot.event(mention())
    slack_emulator.wait_for("chat.postEphemeral", timeout=15)
    assert len(slack_emulator.calls("chat.postMessage")) == 2   # the call and one retry
    bot.event(mention())
    [post] = slack_emulator.wait_for("chat.postMessage", timeout=10, predicate=lambda c: c.ok)
    assert post.params["text"]


@pytest.mark.postgres
def test_handlers_postgres_backed_bot_answers_and_deduplicates(slack_emulator, postgres_admin):
    from conftest import drop_postgres_database, make_postgres_database

    url = make_postgres_database(postgres_admin)
    try:
        settings = bot_settings(url, slack_emulator)
        with http_bot(settings) as bot:
            _, _, response_url, _ = bot.command(slack_emulator, "/troops", "")
            [response] = slack_emulator.wait_for_response(id=response_url, timeout=15)
            assert button_values(response.json)["sitrep_share"] == "/troops"
            event = mention()
            for attempt in range(3):
                headers = {"X-Slack-Retry-Num": str(attempt)} if attempt else None
                assert bot.event(event, event_id="Ev0PG", headers=headers)[0] == 200
            slack_emulator.wait_for("chat.postMessage", timeout=10)
            time.sleep(0.8)
            assert len(slack_emulator.calls("chat.postMessage")) == 1
            with bot.runtime.sessions() as session:
                assert session.scalar(select(func.count()).select_from(SlackEventSeen)) == 1
    finally:
        drop_postgres_database(postgres_admin, url)


def test_handlers_old_event_records_are_pruned(bot, slack_emulator):
    from datetime import UTC, datetime, timedelta

    with bot.runtime.sessions.begin() as session:
        session.add(SlackEventSeen(event_id="Ev0ANCIENT",
                                   received_at=datetime.now(UTC) - timedelta(days=4)))
        session.add(SlackEventSeen(event_id="Ev0RECENT",
                                   received_at=datetime.now(UTC) - timedelta(hours=1)))
    bot.event(mention(), event_id="Ev0NEW")
    slack_emulator.wait_for("chat.postMessage", timeout=10)
    with bot.runtime.sessions() as session:
        kept = set(session.scalars(select(SlackEventSeen.event_id)))
    assert kept == {"Ev0RECENT", "Ev0NEW"}
