"""The listeners' pure helpers: request text, mention stripping, button values, Block Kit."""

from __future__ import annotations

import copy
import json

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.runtime import Runtime
from bot.settings import Settings
from bot.storage.db import DatabaseUnavailable
from handlers.common import (
    MAX_BLOCKS,
    RuntimeRef,
    build_notice,
    build_shared_message,
    clean_text,
    command_request,
    parse_more_value,
    strip_mention,
)
from handlers.errors import DATABASE_DOWN, apology_for, reports_errors


@pytest.mark.parametrize(("command", "text", "expected"), [
    ("/troops", "", "/troops"),
    ("/troops", None, "/troops"),
    ("/whosaid", "  Mark   Rutte \n", "/whosaid Mark Rutte"),
    ("/troops", "chart\x00\x07", "/troops chart"),
    ("/summary", "x" * 10_000, "/summary " + "x" * 500),
])
def test_handlers_command_request_is_one_clean_capped_line(command, text, expected):
    assert command_request(command, text) == expected


def test_handlers_clean_text_cuts_long_text_at_a_word():
    text = clean_text("word " * 3000)
    assert len(text) <= 500 and text.endswith("word")


@pytest.mark.parametrize(("text", "expected"), [
    ("<@U0BOT> how many troops?", "how many troops?"),
    ("<@U0BOT|sitrep> what did <@U0BOT> say", "what did say"),
    ("hey <@U0OTHER> and <@U0BOT> summary", "hey <@U0OTHER> and summary"),
    ("<@U0BOT>", ""),
    (None, ""),
])
def test_handlers_strip_mention_drops_only_the_bots_mention(text, expected):
    assert strip_mention(text, "U0BOT") == expected


def test_handlers_strip_mention_without_bot_id_drops_a_leading_mention():
    assert strip_mention("<@U0BOT> troops", None) == "troops"


@pytest.mark.parametrize(("value", "expected"), [
    (json.dumps({"request": "/whosaid rutte", "offset": 10}), ("/whosaid rutte", 10)),
    (json.dumps({"request": "/troops", "offset": "5"}), ("/troops", 5)),
    (json.dumps({"request": "/troops", "offset": -1}), None),
    (json.dumps({"request": 3, "offset": 1}), None),
    ("not json", None),
    ("", None),
    (None, None),
    (json.dumps([1, 2]), None),
])
def test_handlers_parse_more_value(value, expected):
    assert parse_more_value(value) == expected


def test_handlers_shared_message_names_who_shared_it_and_keeps_50_blocks():
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": f"line {i}"}}
              for i in range(50)]
    shared = build_shared_message({"text": "Troop estimates", "blocks": blocks}, "U0USER")
    assert shared["blocks"][0]["elements"][0]["text"] == "Shared by <@U0USER>"
    assert len(shared["blocks"]) == MAX_BLOCKS
    assert "<@U0USER>" in shared["text"]


def test_handlers_notice_is_one_section():
    notice = build_notice("hello")
    assert notice["text"] == "hello"
    assert notice["blocks"] == [{"type": "section", "text": {"type": "mrkdwn", "text": "hello"}}]


def test_handlers_runtime_ref_survives_bolts_deep_copy(bot_db_url):
    runtime = Runtime(Settings(DATABASE_URL=bot_db_url, _env_file=None))
    ref = RuntimeRef(runtime)
    assert copy.deepcopy({"sitrep_runtime": ref})["sitrep_runtime"].runtime is runtime


def test_handlers_apologies_name_the_problem():
    assert apology_for(DatabaseUnavailable("down")) == DATABASE_DOWN
    assert "facts database is unavailable" in DATABASE_DOWN
    response = SlackResponse(client=None, http_verb="POST", api_url="chat.postMessage",
                             req_args={}, data={"ok": False, "error": "channel_not_found"},
                             headers={}, status_code=200)
    assert "channel_not_found" in apology_for(SlackApiError("refused", response))
    assert "Sorry" in apology_for(RuntimeError("boom"))


def test_handlers_reports_errors_keeps_the_name_and_asks_bolt_for_what_it_needs():
    from slack_bolt.util.utils import get_arg_names_of_callable

    def handle_thing(command, respond):
        """Docs."""

    wrapped = reports_errors(handle_thing)
    assert wrapped.__name__ == "handle_thing" and wrapped.__doc__ == "Docs."
    names = get_arg_names_of_callable(wrapped)
    assert {"body", "respond", "client", "logger", "context", "command"} <= set(names)
    assert not hasattr(wrapped, "__wrapped__")
