"""parse_request: slash commands, plain questions and malformed text (pure, no database)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answers.request import MAX_TEXT, parse_request, parse_since

TODAY = date(2024, 11, 1)


@pytest.mark.parametrize("text, command, force, topic, since, chart", [
    ("/troops", "troops", None, None, None, False),
    ("/troops russia", "troops", "Russia", "russia", None, False),
    ("/troops north korea since 7d", "troops", "North Korea", "north korea", date(2024, 10, 25),
     False),
    ("/troops since 2024-10-23 chart", "troops", None, None, date(2024, 10, 23), True),
    ("/troops DPRK since 23 Oct", "troops", "North Korea", "DPRK", date(2024, 10, 23), False),
    ("/whosaid rutte", "whosaid", None, "rutte", None, False),
    ("/whosaid fake news", "whosaid", None, "fake news", None, False),
    ("/summary", "summary", None, None, None, False),
    ("/summary Kursk since 2w", "summary", None, "Kursk", date(2024, 10, 18), False),
    ("/sitrep sources", "sources", None, None, None, False),
    ("/sitrep help", "help", None, None, None, False),
    ("/sitrep", "help", None, None, None, False),
    ("help", "help", None, None, None, False),
    ("/sitrep troops russia", "troops", "Russia", "russia", None, False),
])
def test_answers_request_slash_commands(text, command, force, topic, since, chart):
    request = parse_request(text, today=TODAY)
    assert (request.command, request.force, request.topic, request.since, request.chart) == (
        command, force, topic, since, chart)
    assert request.text == text


@pytest.mark.parametrize("text, command, topic", [
    ("how many North Korean troops are in Russia?", "troops", None),
    ("<@U0123> how many North Korean troops are in Russia?", "troops", None),
    ("what did Austin say?", "whosaid", "Austin"),
    ("What has Zelenskyy said about Kursk?", "whosaid", "Zelenskyy"),
    ("who said fake news", "whosaid", "fake news"),
    ("quotes from the Pentagon", "whosaid", "the Pentagon"),
    ("summarise Kursk", "summary", "Kursk"),
    ("what's the latest", "summary", None),
    ("what's the latest on Kursk?", "summary", "Kursk"),
    ("Kursk offensive", "summary", "Kursk offensive"),
    ("what can you do?", "help", None),
    ("what sources do you have?", "sources", None),
])
def test_answers_request_plain_questions(text, command, topic):
    request = parse_request(text, today=TODAY)
    assert request.command == command
    assert request.topic == topic
    assert request.question


def test_answers_request_question_about_a_force():
    assert parse_request("how many Russian troops are in Kursk?").force == "Russia"
    assert parse_request("how many North Korean soldiers are there?").force == "North Korea"
    assert parse_request("chart the troop numbers").chart


def test_answers_request_help_for_one_command():
    for text, command in (("/troops help", "troops"), ("/whosaid --help", "whosaid"),
                          ("/summary help", "summary")):
        request = parse_request(text)
        assert (request.command, request.help_for) == ("help", command)


@pytest.mark.parametrize("text, command", [
    ("", "empty"),
    ("   ", "empty"),
    (None, "empty"),
    ("🙂🙂🙂", "empty"),
    ("/troops --foo", "help"),
    ("/troops narnia", "help"),
    ("/troops since never", "help"),
    ("/troops since", "help"),
    ("/whosaid", "help"),
    ("/frobnicate now", "unknown"),
])
def test_answers_request_malformed(text, command):
    request = parse_request(text)
    assert request.command == command
    if command in ("help", "unknown") and text:
        assert request.problems


def test_answers_request_caps_long_and_hostile_text():
    request = parse_request("/summary " + "x" * 10_000)
    assert len(request.text) <= MAX_TEXT
    sql = parse_request("'; DROP TABLE articles;--")
    assert sql.command in ("summary", "help")
    control = parse_request("/whosaid ru\x00tte\x1b[31m")
    assert "\x00" not in control.text and "\x1b" not in control.text


@pytest.mark.parametrize("value, expected", [
    ("7d", date(2024, 10, 25)), ("2w", date(2024, 10, 18)), ("1m", date(2024, 10, 2)),
    ("2024-10-23", date(2024, 10, 23)), ("23 Oct", date(2024, 10, 23)),
    ("Oct 23 2024", date(2024, 10, 23)), ("yesterday", date(2024, 10, 31)),
    ("2024-13-40", None), ("soon", None), ("99999999d", None),
])
def test_answers_request_since(value, expected):
    assert parse_since(value, TODAY) == expected
