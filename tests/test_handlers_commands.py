"""Slash commands over real HTTP with facts in the database: figures with a citation on
every fact line, and `/troops chart` uploaded to the channel."""

from __future__ import annotations

import json

import pytest
from slack_testing import add_facts, bot_settings, fact_lines, http_bot, message_text


@pytest.fixture
def facts_bot(slack_emulator, bot_db_url):
    titles = add_facts(bot_db_url)
    with http_bot(bot_settings(bot_db_url, slack_emulator)) as bot:
        bot.titles = titles
        yield bot


def test_handlers_troops_cites_every_figure(facts_bot, slack_emulator):
    _, _, response_url, _ = facts_bot.command(slack_emulator, "/troops", "")
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=10)
    text = message_text(response.json)
    assert "3,000" in text and "10,000" in text
    facts = fact_lines(response.json)
    assert facts
    for _fact, citation in facts:
        assert any(title.split(":")[0] in citation for title in facts_bot.titles), citation


def test_handlers_whosaid_shows_the_quote_and_its_source(facts_bot, slack_emulator):
    _, _, response_url, _ = facts_bot.command(slack_emulator, "/whosaid", "rutte")
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=10)
    assert "North Korean troops have been sent to Russia" in message_text(response.json)
    assert all(citation for _, citation in fact_lines(response.json))


def test_handlers_troops_chart_uploads_a_png_to_the_channel(facts_bot, slack_emulator):
    status, _, response_url, seconds = facts_bot.command(slack_emulator, "/troops", "chart")
    assert status == 200 and seconds < 3
    [complete] = slack_emulator.wait_for("files.completeUploadExternal", timeout=20)
    assert complete.ok
    [get_url] = slack_emulator.calls("files.getUploadURLExternal")
    assert get_url.params["filename"] == "sitrep-troops.png"
    assert [c.params["length"] for c in slack_emulator.calls("upload")]
    [upload] = slack_emulator.uploads()
    assert upload.completed and upload.channel_id == "C0CHAN"
    assert upload.content.startswith(b"\x89PNG\r\n\x1a\n")
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=10)
    assert response.json["response_type"] == "ephemeral"
    assert "Posted the troop chart in <#C0CHAN>" in message_text(response.json)


def test_handlers_troops_chart_where_the_bot_is_not_a_member_says_so(facts_bot,
                                                                     slack_emulator):
    slack_emulator.fail_next("files.completeUploadExternal", error="not_in_channel")
    _, _, response_url, _ = facts_bot.command(slack_emulator, "/troops", "chart",
                                              channel_id="C0PRIVATE")
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=20)
    text = message_text(response.json)
    assert "not a member" in text and "/invite @sitrep" in text and "<#C0PRIVATE>" in text


def test_handlers_troops_chart_without_estimates_says_what_to_do(slack_emulator, bot_db_url):
    with http_bot(bot_settings(bot_db_url, slack_emulator)) as bot:
        _, _, response_url, _ = bot.command(slack_emulator, "/troops", "chart")
        [response] = slack_emulator.wait_for_response(id=response_url, timeout=10)
    assert "no troop estimates to chart" in message_text(response.json)
    assert slack_emulator.calls("files.getUploadURLExternal") == []


def test_handlers_more_pages_through_a_long_answer(facts_bot, slack_emulator):
    value = json.dumps({"request": "/troops", "offset": 1})
    _, response_url = facts_bot.click(slack_emulator, "sitrep_more", value)
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=10)
    first_page = fact_lines(response.json)
    _, _, url_all, _ = facts_bot.command(slack_emulator, "/troops", "")
    [everything] = slack_emulator.wait_for_response(id=url_all, timeout=10)
    assert len(first_page) < len(fact_lines(everything.json))


def test_handlers_shared_answer_keeps_its_citations(facts_bot, slack_emulator):
    facts_bot.click(slack_emulator, "sitrep_share", "/troops")
    [post] = slack_emulator.wait_for("chat.postMessage", timeout=10)
    facts = fact_lines(post.params)
    assert facts and "3,000" in message_text(post.params)
