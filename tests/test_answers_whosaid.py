"""/whosaid: speakers through aliases and misspellings, topics, pages, did-you-mean."""

from __future__ import annotations

import pytest
from test_answers_corpus import BACKENDS, build_corpus, corpus_database

from bot.answers.router import answer_request
from bot.answers.types import MoreButton
from bot.storage.models import Article, Entity, Quote


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request, tmp_path_factory):
    yield from corpus_database(request, tmp_path_factory)

def ask(sessions, text, **kwargs):
    with sessions() as session:
        return answer_request(text, session, **kwargs)


SPELLINGS = [
    ("/whosaid zelenskyy", "Volodymyr Zelensky"),
    ("/whosaid Zelensky", "Volodymyr Zelensky"),
    ("/whosaid Zelenskiy", "Volodymyr Zelensky"),
    ("/whosaid Dahlallah", "Farah Dakhlallah"),
    ("/whosaid rutte", "Mark Rutte"),
    ("/whosaid Ruttte", "Mark Rutte"),
    ("/whosaid the pentagon", "Pentagon"),
    ("/whosaid Lloyd Austin", "Lloyd Austin"),
    ("what did Austin say?", "Lloyd Austin"),
]


def test_answers_whosaid_finds_speaker_by_alias_or_spelling(corpus):
    sessions, _ = corpus
    for text, speaker in SPELLINGS:
        answer = ask(sessions, text)
        assert answer.kind == "whosaid", text
        lines = answer.fact_lines()
        assert lines, (text, answer)
        assert all(line.text.startswith(f"{speaker} said") for line in lines), text


def test_answers_whosaid_newest_first_and_cited(corpus):
    sessions, ids = corpus
    lines = ask(sessions, "/whosaid zelenskyy").fact_lines()
    assert [line.citation.article_id for line in lines] == [ids["herald"], ids["kyiv"]]
    assert "“North Korean soldiers are already fighting in Kursk.”" in lines[0].text


def test_answers_whosaid_topic_finds_quotes_and_denials(corpus):
    sessions, ids = corpus
    answer = ask(sessions, "who said fake news")
    assert answer.kind == "whosaid"
    assert [line.text.split(" (")[0] for line in answer.fact_lines()] == ["Kremlin"]
    escalation = ask(sessions, "/whosaid significant escalation").fact_lines()
    assert escalation[0].text == "Mark Rutte said: “a significant escalation”"
    assert escalation[0].citation.also_in == ("Stars and Stripes",)
    # words, not substrings: "war" is not "warned" or "toward"
    war = ask(sessions, "/whosaid war").fact_lines()
    assert war and all(" war" in line.text.lower() for line in war)


def test_answers_whosaid_about_filters_a_speakers_quotes(corpus):
    sessions, _ = corpus
    lines = ask(sessions, "what did Zelensky say about escalate?").fact_lines()
    assert [line.text for line in lines] == [
        "Volodymyr Zelensky said (reported): “the war would escalate further if the world did "
        "not respond”"]


def test_answers_whosaid_unknown_person_did_you_mean(corpus):
    sessions, _ = corpus
    answer = ask(sessions, "/whosaid Ruttenberg")
    assert answer.kind == "whosaid" and not answer.fact_lines()
    assert answer.notes[0].startswith("No quotes from Ruttenberg")
    assert any(n.startswith("Did you mean") and "Mark Rutte" in n for n in answer.notes)
    nobody = ask(sessions, "/whosaid Qwxzv")
    assert nobody.notes and nobody.notes[0].startswith("No quotes from Qwxzv")


def test_answers_whosaid_pages_with_more_button(sessions):
    with sessions.begin() as session:
        build_corpus(session)
        article = session.query(Article).filter_by(outlet="AP").one()
        rutte = session.query(Entity).filter_by(name="Mark Rutte").one()
        for number in range(23):
            session.add(Quote(article=article, speaker="Mark Rutte", speaker_entity=rutte,
                              text=f"escalation number {number}", kind="direct",
                              sentence="Rutte said it.", start=0, end=10))
    with sessions() as session:
        first = answer_request("/whosaid rutte", session)
        assert len(first.fact_lines()) == 10
        assert first.more == MoreButton("/whosaid rutte", 10)
        second = answer_request(first.more.request, session, offset=first.more.offset)
        assert second.more == MoreButton("/whosaid rutte", 20)
        last = answer_request("/whosaid rutte", session, offset=20)
    assert len(last.fact_lines()) == 5 and last.more is None
    assert any("showing 21–25" in note for note in last.notes)


def test_answers_whosaid_no_quotes_stored_yet(sessions):
    with sessions.begin() as session:
        session.add(Article(content_hash="x", source="a.txt", text="Nothing quoted here.",
                            title="Plain"))
    answer = ask(sessions, "/whosaid rutte")
    assert answer.kind == "whosaid" and not answer.fact_lines()
    assert "no quotes are stored yet" in answer.notes[0]


def test_answers_whosaid_sees_a_speaker_quoted_after_the_last_question(sessions):
    """The speaker list is kept between questions: a new quote (a new speaker) is seen."""
    with sessions.begin() as session:
        build_corpus(session)
    assert not ask(sessions, "/whosaid Natalia Kovalenko").fact_lines()
    with sessions.begin() as session:
        article = session.query(Article).filter_by(outlet="AP").one()
        kovalenko = Entity(name="Natalia Kovalenko", label="PERSON")
        session.add(Quote(article=article, speaker="Natalia Kovalenko",
                          speaker_entity=kovalenko, text="the front is quiet today",
                          kind="direct", sentence="Kovalenko said it.", start=0, end=10))
    lines = ask(sessions, "/whosaid Kovalenko").fact_lines()
    assert [line.text for line in lines] == ["Natalia Kovalenko said: “the front is quiet today”"]
