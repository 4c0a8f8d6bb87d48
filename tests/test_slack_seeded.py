"""The bot over real HTTP on the five seed articles (ingested by the real extractor): the
seeds' figures and quotes reach Slack, every fact line with its citation."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS
from slack_emulator import BOT_USER_ID, app_mention_event
from slack_testing import bot_settings, fact_lines, http_bot, message_text

pytestmark = pytest.mark.slow

SEED_TITLES = [entry["title"] for entry in json.loads(
    (SEEDS / "manifest.json").read_text(encoding="utf-8")).values()]


def cites_a_seed(citation: str) -> bool:
    return any(title[:40] in citation for title in SEED_TITLES) or ".txt" in citation


@pytest.fixture
def seeded_bot(slack_emulator, seeded_copy_url):
    with http_bot(bot_settings(seeded_copy_url, slack_emulator)) as bot:
        yield bot


def test_slack_seeded_troops_shows_the_3000_with_sources(seeded_bot, slack_emulator):
    _, _, response_url, _ = seeded_bot.command(slack_emulator, "/troops", "")
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=20)
    assert "3,000" in message_text(response.json)
    facts = fact_lines(response.json)
    assert facts
    for fact, citation in facts:
        assert cites_a_seed(citation), (fact, citation)


def test_slack_seeded_whosaid_rutte_quotes_him_with_sources(seeded_bot, slack_emulator):
    _, _, response_url, _ = seeded_bot.command(slack_emulator, "/whosaid", "rutte")
    [response] = slack_emulator.wait_for_response(id=response_url, timeout=20)
    text = message_text(response.json)
    assert "Rutte" in text
    facts = fact_lines(response.json)
    assert facts and all(cites_a_seed(citation) for _, citation in facts)


def test_slack_seeded_mention_answers_in_the_thread_with_sources(seeded_bot, slack_emulator):
    event = app_mention_event(f"<@{BOT_USER_ID}> how many North Korean troops are in Russia?")
    seeded_bot.event(event)
    [post] = slack_emulator.wait_for("chat.postMessage", timeout=20)
    assert post.params["thread_ts"] == event["ts"]
    assert "3,000" in message_text(post.params)
    assert all(cites_a_seed(citation) for _, citation in fact_lines(post.params))


def test_slack_seeded_share_posts_the_figures_to_the_channel(seeded_bot, slack_emulator):
    seeded_bot.click(slack_emulator, "sitrep_share", "/troops")
    [post] = slack_emulator.wait_for("chat.postMessage", timeout=20)
    assert "3,000" in message_text(post.params)
    assert "Shared by <@U0USER>" in message_text(post.params)
    assert all(cites_a_seed(citation) for _, citation in fact_lines(post.params))
