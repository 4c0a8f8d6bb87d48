"""/troops over the mini corpus, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from test_answers_corpus import BACKENDS, corpus_database

from bot.answers.router import answer_request
from bot.answers.types import Answer

TODAY = date(2024, 11, 1)


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request, tmp_path_factory):
    yield from corpus_database(request, tmp_path_factory)

def ask(sessions, text, **kwargs) -> Answer:
    with sessions() as session:
        return answer_request(text, session, today=TODAY, **kwargs)


def section(answer: Answer, heading: str):
    found = [s for s in answer.sections if s.heading and s.heading.startswith(heading)]
    assert found, [s.heading for s in answer.sections]
    return found[0]


def test_answers_troops_latest_per_claimant_newest_first(corpus):
    sessions, ids = corpus
    answer = ask(sessions, "/troops")
    assert answer.kind == "troops"
    latest = section(answer, "Latest estimate by claimant")
    texts = [line.text for line in latest.lines]
    assert texts[0].startswith("South Korea's National Intelligence Service: more than 10,000")
    assert texts[1].startswith("Pentagon: about 10,000 in training")
    assert any(t.startswith("White House: about 3,000") for t in texts)
    assert any("up to 12,000 (2 units × up to 6,000)" in t for t in texts)
    whens = [line.when for line in latest.lines]
    assert whens == sorted(whens, reverse=True)
    assert latest.lines[0].citation.article_id == ids["herald"]


def test_answers_troops_disagreement_and_range(corpus):
    sessions, _ = corpus
    notes = section(ask(sessions, "/troops"), "Latest estimate").notes
    assert "Range across 4 claimants: 3,000–12,000." in notes
    assert any(n.startswith("Sources disagree") and "White House" in n for n in notes)


def test_answers_troops_history_of_a_claimant(corpus):
    sessions, ids = corpus
    history = section(ask(sessions, "/troops"), "Over time").lines
    nis = [line for line in history if "National Intelligence Service" in line.text][0]
    assert "about 3,000 on 23 Oct → more than 10,000 on 30 Oct" in nis.text
    assert {c.article_id for c in nis.citations} == {ids["herald"], ids["yonhap"]}


def test_answers_troops_near_copy_counts_once_and_is_named(corpus):
    sessions, ids = corpus
    answer = ask(sessions, "/troops")
    pentagon = [line for line in answer.fact_lines() if line.text.startswith("Pentagon")]
    assert len(pentagon) == 1
    assert pentagon[0].citation.article_id == ids["ap"]
    assert pentagon[0].citation.also_in == ("Stars and Stripes",)
    assert all(line.citation.article_id != ids["ap_copy"] for line in answer.fact_lines())


def test_answers_troops_denials_unattributed_plans_and_losses(corpus):
    sessions, ids = corpus
    answer = ask(sessions, "/troops")
    denials = section(answer, "Denials").lines
    assert any(line.text.startswith("Kremlin (dismissal): “fake news”") for line in denials)
    assert any(line.text.startswith("North Korea (denial)") for line in denials)
    unattributed = section(answer, "Unattributed").lines
    assert unattributed[0].text.startswith("thousands deployed")
    assert unattributed[0].citation.article_id == ids["blog"]
    assert "10,000 planned" in section(answer, "Planned").lines[0].text
    assert "about 3,000 casualties (Kursk)" in section(answer, "Losses").lines[0].text


def test_answers_troops_other_force_and_since(corpus):
    sessions, _ = corpus
    russia = ask(sessions, "/troops russia")
    assert russia.title == "Troop estimates: Russia"
    assert [line.text for line in russia.fact_lines()] == [
        "Mark Rutte: more than 600,000 casualties (Ukraine), 27 Dec 2024"]
    recent = ask(sessions, "/troops since 2024-10-29")
    claimants = [line.text.split(":")[0] for line in
                 section(recent, "Latest estimate").lines]
    assert claimants == ["South Korea's National Intelligence Service"]
    assert "Only one claimant so far." in section(recent, "Latest estimate").notes
    nothing = ask(sessions, "/troops china")
    assert nothing.kind == "troops" and not nothing.fact_lines()
    assert any("No troop estimates for China" in note for note in nothing.notes)


def test_answers_troops_question_and_chart_flag(corpus):
    sessions, _ = corpus
    answer = ask(sessions, "how many North Korean troops are in Russia?")
    assert answer.kind == "troops" and answer.extra["force"] == "North Korea"
    assert ask(sessions, "/troops chart").extra["chart"] is True


def test_answers_troops_offset_skips_lines(corpus):
    sessions, _ = corpus
    full = ask(sessions, "/troops").fact_lines()
    later = ask(sessions, "/troops", offset=3).fact_lines()
    assert later == full[3:]
    assert not ask(sessions, "/troops", offset=500).fact_lines()


def test_answers_troops_says_when_older_estimates_were_not_read(sessions):
    """Past the read limit, /troops says its claimants come from the newest estimates only."""
    from sqlalchemy import insert
    from test_answers_corpus import build_corpus

    from bot.answers.queries import MAX_ROWS
    from bot.storage.models import Article, Estimate

    with sessions.begin() as session:
        build_corpus(session)
    assert not any("newest" in note for note in ask(sessions, "/troops").notes)
    with sessions.begin() as session:
        article = session.query(Article).filter_by(outlet="AP").one()
        session.execute(insert(Estimate), [
            {"article_id": article.id, "count": 1000 + n, "qualifier": "exact",
             "status": "deployed", "force": "North Korea", "claimed_by": "Pentagon",
             "sentence": "It said so.", "start": 0, "end": 5} for n in range(MAX_ROWS)])
    answer = ask(sessions, "/troops")
    assert any(note.startswith(f"From the newest {MAX_ROWS:,} stored estimates for North Korea")
               for note in answer.notes), answer.notes
    assert not any("newest" in note for note in ask(sessions, "/troops russia").notes)
