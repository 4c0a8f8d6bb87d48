"""The real bot in Socket Mode: apps.connections.open on SLACK_API_URL, then envelopes over
the emulator's WebSocket, each acked and answered."""

from __future__ import annotations

import time

import pytest
from slack_emulator import BOT_USER_ID, app_mention_event, event_payload, slash_command_payload
from slack_testing import APP_TOKEN, bot_settings, button_values, socket_mode_bot


@pytest.fixture
def socket_bot(slack_emulator, bot_db_url):
    settings = bot_settings(bot_db_url, slack_emulator, SLACK_APP_TOKEN=APP_TOKEN)
    with socket_mode_bot(settings) as app:
        slack_emulator.wait_for_socket_client(timeout=10)
        yield app


def test_slack_socket_mode_connects_with_the_app_token(socket_bot, slack_emulator):
    [opened] = slack_emulator.calls("apps.connections.open")
    assert opened.ok and opened.token == APP_TOKEN


def test_slack_socket_mode_slash_command_is_acked_then_answered(socket_bot, slack_emulator):
    response_url = slack_emulator.new_response_url()
    started = time.monotonic()
    envelope = slack_emulator.send_envelope(
        "slash_commands", slash_command_payload("/troops", "", response_url),
        accepts_response_payload=True)
    slack_emulator.wait_for_ack(envelope, timeout=5)
    assert time.monotonic() - started < 3
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=10)
    assert response.json["response_type"] == "ephemeral"
    assert button_values(response.json)["sitrep_share"] == "/troops"


def test_slack_socket_mode_mention_is_answered_once_in_its_thread(socket_bot, slack_emulator):
    event = app_mention_event(f"<@{BOT_USER_ID}> how many troops?")
    payload = event_payload(event, event_id="Ev0SOCKET")
    first = slack_emulator.send_envelope("events_api", payload)
    slack_emulator.wait_for_ack(first)
    retry = slack_emulator.send_envelope("events_api", payload, retry_attempt=1,
                                         retry_reason="timeout")
    slack_emulator.wait_for_ack(retry)
    [post] = slack_emulator.wait_for("chat.postMessage", timeout=10)
    assert post.params["thread_ts"] == event["ts"]
    time.sleep(0.8)
    assert len(slack_emulator.calls("chat.postMessage")) == 1


def test_slack_socket_mode_reconnects_when_slack_asks(socket_bot, slack_emulator):
    before = slack_emulator.connection_count
    assert slack_emulator.disconnect_clients() == 1
    slack_emulator.wait_for_socket_client(timeout=15, connections=before + 1)
    response_url = slack_emulator.new_response_url()
    envelope = slack_emulator.send_envelope(
        "slash_commands", slash_command_payload("/summary", "kursk", response_url))
    slack_emulator.wait_for_ack(envelope)
    slack_emulator.wait_for_response(id=response_url, timeout=10)
