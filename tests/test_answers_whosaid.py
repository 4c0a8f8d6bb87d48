"""/whosaid: speakers through aliases and misspellings, topics, pages, did-you-mean."""

from __future__ import annotations

import pytest
from test_answers_corpus import BACKENDS, _entity, build_corpus, corpus_database

from bot.answers.router import answer_request
from bot.answers.types import MoreButton
from bot.storage.models import Article, Denial, Entity, Quote


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


def test_answers_whosaid_pages_run_from_quotes_into_denials_with_repeats_merged(sessions):
    """A repeated quote (same speaker, words and article) is one line; the total counts
    lines, and the page after the last quotes carries on with the denials."""
    with sessions.begin() as session:
        build_corpus(session)
        article = session.query(Article).filter_by(outlet="AP").one()
        peskov = Entity(name="Dmitry Peskov", label="PERSON")
        for number in range(12):
            for _ in range(2 if number % 3 == 0 else 1):       # 4 of them stored twice
                session.add(Quote(article=article, speaker="Dmitry Peskov",
                                  speaker_entity=peskov, text=f"no comment number {number}",
                                  kind="direct", sentence="Peskov said it.", start=0, end=10))
        for number in range(3):
            session.add(Denial(article=article, denied_by="Dmitry Peskov", force="North Korea",
                               kind="dismissal", text=f"fake story {number}",
                               sentence="Peskov dismissed it.", start=0, end=10))
    with sessions() as session:
        first = answer_request("/whosaid peskov", session)
        second = answer_request("/whosaid peskov", session, offset=10)
        beyond = answer_request("/whosaid peskov", session, offset=15)
    assert [s.heading for s in first.sections] == ["Quotes"]
    assert len(first.fact_lines()) == 10 and first.extra["total"] == 15
    assert "12 quotes and 3 denials; showing 1–10." in first.notes
    assert [s.heading for s in second.sections] == ["Quotes", "Denials and dismissals"]
    texts = [line.text for line in second.fact_lines()]
    assert len(texts) == 5 and second.more is None
    assert sum("(dismissal)" in t for t in texts) == 3
    seen = [line.text for line in first.fact_lines()] + texts[:2]
    assert len(set(seen)) == 12
    assert all(line.citation is not None for line in second.fact_lines())
    assert not beyond.fact_lines() and "No more quotes." in beyond.notes


def test_answers_whosaid_a_name_linked_to_someone_else_is_theirs(sessions):
    """Two Kovalenkos: a quote whose "Kovalenko" was resolved to one of them is not shown for
    the other; a speaker never linked to an entity is still found by the name as written."""
    with sessions.begin() as session:
        build_corpus(session)
        article = session.query(Article).filter_by(outlet="AP").one()
        andriy = _entity(session, "Andriy Kovalenko", "PERSON", "Kovalenko")
        natalia = _entity(session, "Natalia Kovalenko", "PERSON", "Natalia")
        for speaker, entity, words in (
                ("Andriy Kovalenko", andriy, "the disinformation centre has seen this before"),
                ("Kovalenko", natalia, "the front is quiet today"),
                ("Oleh Petrenko", None, "the brigade held its positions")):
            session.add(Quote(article=article, speaker=speaker, speaker_entity=entity,
                              text=words, kind="direct", sentence="Said.", start=0, end=5))
    andriy_lines = [line.text for line in ask(sessions, "/whosaid Andriy Kovalenko").fact_lines()]
    assert andriy_lines == ["Andriy Kovalenko said: “the disinformation centre has seen this "
                            "before”"]
    petrenko = [line.text for line in ask(sessions, "/whosaid Oleh Petrenko").fact_lines()]
    assert petrenko == ["Oleh Petrenko said: “the brigade held its positions”"]


def test_answers_whosaid_says_when_older_quotes_were_not_counted(sessions):
    """Past the read limit the count is a floor, and the answer says so."""
    from sqlalchemy import insert

    from bot.answers.queries import MAX_ROWS

    with sessions.begin() as session:
        build_corpus(session)
        article = session.query(Article).filter_by(outlet="AP").one()
        rutte = session.query(Entity).filter_by(name="Mark Rutte").one()
        session.execute(insert(Quote), [
            {"article_id": article.id, "speaker": "Mark Rutte", "speaker_entity_id": rutte.id,
             "text": f"allies stand together, point {n}", "kind": "direct",
             "sentence": "Rutte said it.", "start": 0, "end": 10} for n in range(MAX_ROWS + 5)])
    answer = ask(sessions, "/whosaid rutte")
    assert any(note.startswith(f"{MAX_ROWS:,} quotes") for note in answer.notes), answer.notes
    assert any("there are older ones" in note for note in answer.notes)
    topic = ask(sessions, "/whosaid allies stand together")
    assert any("there are older ones" in note for note in topic.notes)
    few = ask(sessions, "/whosaid zelenskyy")
    assert not any("older ones" in note for note in few.notes)


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
