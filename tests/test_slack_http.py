"""The real bot over real HTTP (waitress in a thread) against the Slack emulator: signing,
the 3-second ack, slash commands with odd text, buttons, and Slack's failures."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from slack_emulator import (
    BOT_ID,
    BOT_USER_ID,
    app_mention_event,
    sign,
    slash_command_body,
    url_verification_body,
)
from slack_testing import SECRET, bot_settings, button_values, http_bot, message_text

from bot.slack_app import build_client


@pytest.fixture
def bot(slack_emulator, bot_db_url):
    with http_bot(bot_settings(bot_db_url, slack_emulator)) as running:
        yield running


def test_slack_client_retries_rate_limits_server_errors_and_dropped_connections(slack_emulator,
                                                                               bot_db_url):
    client = build_client(bot_settings(bot_db_url, slack_emulator))
    kinds = {type(handler).__name__ for handler in client.retry_handlers}
    assert kinds == {"ConnectionErrorRetryHandler", "RateLimitErrorRetryHandler",
                     "ServerErrorRetryHandler"}
    assert client.base_url == slack_emulator.base_url


def test_slack_http_healthz_answers_ok(bot):
    with urllib.request.urlopen(f"{bot.server.url}/healthz", timeout=5) as response:
        assert response.status == 200
        assert response.read() == b"ok"


def test_slack_http_build_app_calls_auth_test_once(bot, slack_emulator):
    assert len(slack_emulator.calls("auth.test")) == 1


@pytest.mark.parametrize("how", ["wrong secret", "unsigned", "stale", "tampered"])
def test_slack_http_refuses_requests_not_signed_by_slack(bot, slack_emulator, how):
    body = slash_command_body("/troops", "", slack_emulator.new_response_url())
    if how == "wrong secret":
        status, _ = bot.post(body, secret="not-the-secret")
    elif how == "unsigned":
        request = urllib.request.Request(bot.url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded"})
        try:
            urllib.request.urlopen(request, timeout=5)
            status = 200
        except urllib.error.HTTPError as exc:
            status = exc.code
    elif how == "stale":
        status, _ = bot.post(body, timestamp=int(time.time()) - 6 * 60)
    else:
        headers = sign(SECRET, body)
        status, _ = bot.post(body + b"&x=1", headers=headers)
    assert status == 401
    time.sleep(0.3)
    assert slack_emulator.responses() == []
    assert [c.method for c in slack_emulator.calls()] == ["auth.test"]


@pytest.mark.parametrize(("body", "headers", "signed_status"), [
    (b"payload=x", {}, 400),                                 # not JSON where Bolt expects it
    (b"\xff\xfe not utf-8", {}, 401),                         # Slack only sends UTF-8
    (b"{broken json", {"Content-Type": "application/json"}, 400),
    (b"", {}, 404),                                          # Bolt: "unhandled request"
])
@pytest.mark.parametrize("signed", [False, True])
def test_slack_http_malformed_bodies_are_refused_not_crashed_on(bot, slack_emulator, body,
                                                               headers, signed_status, signed):
    if signed:
        status, _ = bot.post(body, headers=headers)
        assert status == signed_status
    else:
        status, _ = bot.post(body, secret="wrong", headers=headers)
        assert status == 401
    status, _ = bot.post(body, headers={"X-Slack-Request-Timestamp": "not-a-number",
                                        **headers})
    assert status == 401
    # and the bot still answers
    _, _, response_url, _ = bot.command(slack_emulator, "/troops", "")
    slack_emulator.wait_for_response(id=response_url, timeout=10)


def test_slack_http_answers_url_verification(bot):
    status, text = bot.post(url_verification_body("abc123"))
    assert status == 200 and "abc123" in text


def test_slack_http_acks_before_the_database_work(bot, slack_emulator, bot_db_url):
    """The database is locked while the command arrives: the ack (HTTP 200) comes at once,
    the answer through response_url only once the database is free again."""
    path = Path(bot_db_url.removeprefix("sqlite:///"))
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = sqlite3.connect(path, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    try:
        status, body, response_url, seconds = bot.command(slack_emulator, "/troops", "")
        assert status == 200 and body == ""
        assert seconds < 1.5
        time.sleep(0.5)
        assert slack_emulator.responses(response_url) == []
    finally:
        lock.execute("COMMIT")
        lock.close()
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=20)
    assert response.json["response_type"] == "ephemeral"


def test_slack_http_acks_while_every_answer_thread_is_busy(bot, slack_emulator):
    """Answers run on their own small pool: with it full, a burst of commands is still acked
    at once (the ack functions have their own threads), and answered once it frees up."""
    from bot.slack_app import ANSWER_THREADS

    runner = bot.app.listener_runner
    answers = runner.listener_executor.answers
    assert runner.lazy_listener_runner.executor is answers
    assert answers._max_workers == ANSWER_THREADS
    release = threading.Event()
    for _ in range(ANSWER_THREADS):
        answers.submit(release.wait, 30)
    try:
        sent = [bot.command(slack_emulator, "/sitrep", "help") for _ in range(8)]
        assert all(status == 200 for status, *_ in sent)
        assert max(seconds for *_, seconds in sent) < 1.5
        assert all(slack_emulator.responses(url) == [] for _, _, url, _ in sent)
    finally:
        release.set()
    for _, _, url, _ in sent:
        slack_emulator.wait_for_response(id=url, timeout=20)


def test_slack_http_troops_is_answered_ephemerally_with_a_share_button(bot, slack_emulator):
    status, _, response_url, _ = bot.command(slack_emulator, "/troops", "")
    assert status == 200
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=10)
    message = response.json
    assert message["response_type"] == "ephemeral"
    assert message["replace_original"] is False
    assert button_values(message)["sitrep_share"] == "/troops"
    assert "ingest" in message_text(message).lower()   # an empty database says what to do


ODD_TEXTS = {
    "empty": "",
    "10 kB": "north korea troops " * 540,
    "SQL": "'; DROP TABLE articles; -- OR 1=1",
    "emoji": "🇰🇵🪖🪖🪖 🔥💥 ❓❓",
    "unknown option": "--frobnicate=yes --since",
    "markup": "<@U0OTHER> <!channel> <#C0CHAN|general> &amp; <script>",
}


@pytest.mark.parametrize("command", ["/troops", "/whosaid", "/summary", "/sitrep"])
@pytest.mark.parametrize("kind", list(ODD_TEXTS))
def test_slack_http_odd_command_text_gets_a_helpful_answer(bot, slack_emulator, command, kind):
    status, _, response_url, seconds = bot.command(slack_emulator, command, ODD_TEXTS[kind])
    assert status == 200 and seconds < 3
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=10)
    assert response.status == 200
    text = message_text(response.json)
    assert len(text.strip()) > 20
    assert "Traceback" not in text and "Sorry" not in text
    assert len(response.json["blocks"]) <= 50
    for value in button_values(response.json).values():
        assert len(value) <= 2000


def test_slack_http_sitrep_digest_is_routed_to_the_digest(bot, slack_emulator):
    _, _, response_url, _ = bot.command(slack_emulator, "/sitrep", "digest status")
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=10)
    text = message_text(response.json).lower()
    assert "digest" in text


def test_slack_http_sitrep_help_lists_the_commands(bot, slack_emulator):
    _, _, response_url, _ = bot.command(slack_emulator, "/sitrep", "help")
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=10)
    text = message_text(response.json)
    for command in ("/troops", "/whosaid", "/summary"):
        assert command in text


def test_slack_http_share_posts_to_the_channel_and_drops_the_ephemeral(bot, slack_emulator):
    status, response_url = bot.click(slack_emulator, "sitrep_share", "/troops")
    assert status == 200
    [post] = slack_emulator.wait_for("chat.postMessage", timeout=10)
    assert post.ok and post.params["channel"] == "C0CHAN"
    assert "Shared by <@U0USER>" in message_text(post.params)
    assert "sitrep_share" not in button_values(post.params)
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=10)
    assert response.json.get("delete_original") is True


def test_slack_http_share_where_the_bot_is_not_a_member_says_how_to_fix_it(bot, slack_emulator):
    slack_emulator.fail_next("chat.postMessage", error="not_in_channel")
    _, response_url = bot.click(slack_emulator, "sitrep_share", "/troops")
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=10)
    assert "/invite @sitrep" in message_text(response.json)
    assert response.json.get("delete_original") is not True


def test_slack_http_more_answers_the_next_page_ephemerally(bot, slack_emulator):
    value = json.dumps({"request": "/whosaid rutte", "offset": 10})
    _, response_url = bot.click(slack_emulator, "sitrep_more", value)
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=10)
    assert response.json["response_type"] == "ephemeral"
    assert response.json["replace_original"] is False
    assert message_text(response.json).strip()


def test_slack_http_more_with_a_broken_value_says_so(bot, slack_emulator):
    _, response_url = bot.click(slack_emulator, "sitrep_more", "{not json")
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=10)
    assert "out of date" in message_text(response.json)


def test_slack_http_response_url_failure_is_logged_and_the_bot_keeps_answering(
        bot, slack_emulator, caplog):
    slack_emulator.fail_next("response_url", status=500)
    with caplog.at_level(logging.WARNING, logger="sitrep.slack"):
        _, _, first_url, _ = bot.command(slack_emulator, "/troops", "")
        slack_emulator.wait_for_response(id=first_url, timeout=10)
        deadline = time.monotonic() + 5
        while "response_url refused" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.05)
    assert "response_url refused the reply: HTTP 500" in caplog.text
    _, _, second_url, _ = bot.command(slack_emulator, "/summary", "")
    [response] = slack_emulator.wait_for_response(id=second_url, timeout=10)
    assert response.status == 200


def test_slack_http_dead_database_gets_an_apology_not_a_traceback(slack_emulator):
    settings = bot_settings("postgresql+psycopg://nobody@127.0.0.1:9/none", slack_emulator)
    with http_bot(settings) as bot:
        status, _, response_url, seconds = bot.command(slack_emulator, "/troops", "")
        assert status == 200 and seconds < 3
        [response] = slack_emulator.wait_for_response(id=response_url, timeout=15)
        text = message_text(response.json)
        assert "facts database is unavailable" in text
        assert "Traceback" not in text and "psycopg" not in text
        # a mention gets the apology too (ephemeral, in the thread)
        bot.event({"type": "app_mention", "user": "U0USER", "channel": "C0CHAN",
                   "text": f"<@{BOT_USER_ID}> troops?", "ts": "1730000000.000001"})
        [apology] = slack_emulator.wait_for("chat.postEphemeral", timeout=15)
        assert "facts database is unavailable" in apology.params["text"]
        assert apology.params["thread_ts"] == "1730000000.000001"


def test_slack_http_own_messages_are_ignored(bot, slack_emulator):
    event = app_mention_event(f"<@{BOT_USER_ID}> troops", user=BOT_USER_ID)
    event["bot_id"] = BOT_ID
    status, _ = bot.event(event)
    assert status == 200
    time.sleep(0.5)
    assert slack_emulator.calls("chat.postMessage") == []
