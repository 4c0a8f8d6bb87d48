"""answer_request end to end: every answer type, each fact cited in the Answer, in the text and
in the Slack blocks; malformed text; the empty database."""

from __future__ import annotations

import json
from datetime import date

import pytest
from test_answers_corpus import BACKENDS, corpus_database

from bot.answers.chart import troops_chart_png
from bot.answers.router import answer_request, more_from_value
from bot.answers.types import Answer, FactLine
from bot.render.blocks import build_message, citation_mrkdwn
from bot.render.text import citation_text, render_text

TODAY = date(2024, 11, 1)


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request, tmp_path_factory):
    yield from corpus_database(request, tmp_path_factory)


def blocks_text(message: dict) -> str:
    return json.dumps(message["blocks"], ensure_ascii=False)


def assert_every_fact_cited(answer: Answer) -> None:
    text = render_text(answer)
    message = build_message(answer)
    blocks = blocks_text(message)
    assert message["text"].strip() and message["blocks"]
    assert len(message["blocks"]) <= 50
    for line in answer.fact_lines():
        assert isinstance(line, FactLine) and line.citation.article_id
        assert line.text in text
        assert citation_text(line.citation) in text
        assert json.dumps(citation_mrkdwn(line.citation), ensure_ascii=False)[1:-1] in blocks


# Every kind of answer, with what it must contain.
WALK = [
    ("/troops", "troops", True),
    ("/troops since 2024-10-01", "troops", True),
    ("/whosaid Dahlallah", "whosaid", True),
    ("/whosaid fake news", "whosaid", True),
    ("/whosaid Ruttenberg", "whosaid", False),
    ("/summary Kursk", "summary", True),
    ("/summary", "summary", True),
    ("what's the latest", "summary", True),
    ("/sitrep sources", "sources", True),
    ("/sitrep help", "help", False),
    ("/troops help", "help", False),
    ("/frobnicate", "unknown", False),
]


def test_answers_router_walks_every_answer_type_with_citations(corpus):
    sessions, _ = corpus
    with sessions() as session:
        for text, kind, has_facts in WALK:
            answer = answer_request(text, session, today=TODAY)
            assert answer.kind == kind, text
            assert answer.title and (answer.sections or answer.notes), text
            assert bool(answer.fact_lines()) == has_facts, text
            assert answer.request == text
            assert_every_fact_cited(answer)


def test_answers_router_troops_with_denials_cited(corpus):
    sessions, ids = corpus
    with sessions() as session:
        answer = answer_request("/troops", session)
    denials = [s for s in answer.sections if s.heading == "Denials"][0]
    assert {line.citation.article_id for line in denials.lines} == {ids["ap"], ids["yonhap"]}
    assert_every_fact_cited(answer)


def test_answers_router_summary_with_topic(corpus):
    sessions, ids = corpus
    with sessions() as session:
        answer = answer_request("/summary Kursk", session)
    lines = answer.fact_lines()
    assert 1 <= len(lines) <= 8
    assert all("kursk" in line.text.lower() for line in lines)
    assert lines[0].citation.article_id == ids["gur"]           # newest first
    assert all(line.citation.article_id != ids["ap_copy"] for line in lines)
    # the near-repeat in the AP copy is not picked twice
    assert len({line.text for line in lines}) == len(lines)
    assert all(line.text.count('"') % 2 == 0 for line in lines)    # quotes kept whole


def test_answers_router_summary_latest_news(corpus):
    sessions, ids = corpus
    with sessions() as session:
        answer = answer_request("/summary", session)
    lines = answer.fact_lines()
    assert 4 <= len(lines) <= 8
    articles = [line.citation.article_id for line in lines]
    assert articles[0] == ids["gur"]
    assert len(set(articles)) == len(articles)                  # one sentence an article
    assert not any("Leave a Reply" in line.text for line in lines)


def test_answers_router_summary_since_and_nothing_found(corpus):
    sessions, ids = corpus
    with sessions() as session:
        recent = answer_request("/summary since 2024-12-01", session)
        nothing = answer_request("/summary zeppelins", session)
    assert {line.citation.article_id for line in recent.fact_lines()} == {ids["gur"]}
    assert nothing.kind == "summary" and not nothing.fact_lines()
    assert nothing.notes[0] == "Nothing stored mentions zeppelins."


def test_answers_router_sources_counts(corpus):
    sessions, ids = corpus
    with sessions() as session:
        answer = answer_request("/sitrep sources", session)
    assert answer.notes[0] == ("7 articles and 1 near-copy (counted once) from 7 named "
                               "outlets.")
    assert answer.notes[1] == ("Facts: 9 troop estimates, 8 quotes, 2 denials, "
                               "9 people, bodies and places.")
    assert "Published 22 Oct 2024 to 27 Dec 2024" in answer.notes[2]
    assert answer.fact_lines()[0].citation.article_id == ids["gur"]


@pytest.mark.parametrize("text", [
    "", "   ", "\x00\x01", "🙂🚀🔥", "x" * 10_000, "/troops " + "a " * 5000,
    "'; DROP TABLE articles;--", "/whosaid '; DROP TABLE quotes;--", "/summary %_%\\",
    "/troops --foo", "/troops since 2024-99-99", "/whosaid", "/sitrep bogus words",
    "<@U123>", "/", "?", "/troops " + "🙂" * 300, "/whosaid " + "z" * 5000,
])
def test_answers_router_malformed_text_gets_a_helpful_answer(corpus, text):
    sessions, _ = corpus
    with sessions() as session:
        answer = answer_request(text, session)
        assert answer.title and (answer.notes or answer.sections)
        message = build_message(answer)
        assert message["text"].strip() and message["blocks"]
        assert render_text(answer).strip()
        # the database is untouched
        assert answer_request("/sitrep sources", session).extra["articles"] == 8


def test_answers_router_unknown_option_names_it(corpus):
    sessions, _ = corpus
    with sessions() as session:
        answer = answer_request("/troops --foo", session)
    assert answer.kind == "help"
    assert "I don't know the option --foo." in answer.notes
    assert "/troops" in render_text(answer)


def test_answers_router_empty_database_says_how_to_ingest(sessions):
    with sessions() as session:
        for text in ("/troops", "/whosaid rutte", "/summary", "/sitrep sources",
                     "how many troops?"):
            answer = answer_request(text, session)
            assert answer.kind == "empty"
            assert any("sitrep ingest seeds/" in note for note in answer.notes)
            assert render_text(answer).strip() and build_message(answer)["blocks"]
        assert answer_request("/sitrep help", session).kind == "help"
        assert troops_chart_png(session) is None


def test_answers_router_more_value_round_trip():
    assert more_from_value('{"request": "/whosaid rutte", "offset": 10}').offset == 10
    assert more_from_value("not json") is None
    assert more_from_value('{"request": "x"}') is None
