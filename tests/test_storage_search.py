"""Full-text search on both databases: finds, ranks, pages, stays in step with its tables,
and takes any user text without an error or an injection."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, text

from bot.storage import search
from bot.storage.db import upgrade
from bot.storage.models import Article, Denial, Quote
from bot.storage.search import search_articles, search_denials, search_quotes

HOSTILE = [
    "", "   ", "\"", "\"unbalanced", "'; DROP TABLE quotes; --", "1' OR '1'='1",
    "NEAR(drones artillery)", "drones OR artillery AND NOT sanctions", "*", "drones*", "^drones",
    "text:drones", "{text sentence}:drones", "drones & !artillery | (x", "drones:*", "\\", "%_%",
    "🚀🔥 drones 🇺🇦", "\x00drones", "ドローン", "a" * 10_000, "drones " * 2_000,
    "<@U123> /whosaid drones", "SELECT * FROM quotes", "-drones", "+drones", "()",
]


def _article(n: int, body: str, title: str = "Title", **extra) -> Article:
    return Article(content_hash=f"{n:064d}", source=f"a{n}.txt", title=title, text=body,
                   word_count=len(body.split()), published=date(2024, 10, n % 28 + 1), **extra)


def _quote(article: Article, words: str, sentence: str | None = None) -> Quote:
    return Quote(article=article, speaker="Mark Rutte", text=words, kind="direct",
                 sentence=sentence or f"“{words},” Rutte said.", start=0, end=len(words))


@pytest.fixture
def stored(sessions):
    """Three articles with quotes and denials; returns their ids by name."""
    with sessions.begin() as session:
        a1 = _article(1, "North Korean troops were seen near Kursk with drones.",
                      title="Troops near Kursk")
        a2 = _article(2, "Sanctions on ammunition were discussed in Brussels.",
                      title="Sanctions talks")
        a3 = _article(3, "Kurskaya oblast is not Kursk. Café owners in Seoul reacted.",
                      title="Other news")
        q1 = _quote(a1, "drones drones drones everywhere")
        q2 = _quote(a1, "the soldiers lack experience of drone warfare and artillery "
                        "and many other things that take a long time to learn, like drones")
        q3 = _quote(a2, "sanctions alone will not stop this")
        d1 = Denial(article=a2, denied_by="Kremlin", force="North Korea", kind="denial",
                    text="fake news", sentence="The Kremlin called it fake news.", start=0,
                    end=9)
        session.add_all([a1, a2, a3, q1, q2, q3, d1])
        session.flush()
        ids = {"a1": a1.id, "a2": a2.id, "a3": a3.id, "q1": q1.id, "q2": q2.id, "q3": q3.id,
               "d1": d1.id}
    return ids


def test_storage_search_finds_quotes_best_first(sessions, stored):
    with sessions() as session:
        assert search_quotes(session, "drones", 10) == [stored["q1"], stored["q2"]]
        assert search_quotes(session, "Drones ARTILLERY", 10) == [stored["q2"]]
        assert search_quotes(session, "sanctions", 10) == [stored["q3"]]
        assert search_quotes(session, "Rutte", 10)      # the sentence is searched too
        assert search_quotes(session, "nothing-like-this", 10) == []


def test_storage_search_limit_offset_prefix_and_any_word(sessions, stored):
    with sessions() as session:
        assert search_quotes(session, "drones", 1) == [stored["q1"]]
        assert search_quotes(session, "drones", 1, offset=1) == [stored["q2"]]
        assert search_quotes(session, "drones", 5, offset=5) == []
        assert search_quotes(session, "drones", 0) == []
        assert search_quotes(session, "drone", 10) == [stored["q2"]]     # whole words
        assert set(search_quotes(session, "drone", 10, prefix=True)) == {stored["q1"],
                                                                           stored["q2"]}
        assert set(search_quotes(session, "sanctions everywhere", 10, any_word=True)) == {
            stored["q1"], stored["q3"]}


def test_storage_search_articles_and_denials(sessions, stored):
    with sessions() as session:
        assert search_articles(session, "kursk", 10) == [stored["a1"], stored["a3"]] or \
            set(search_articles(session, "kursk", 10)) == {stored["a1"], stored["a3"]}
        assert search_articles(session, "talks", 10) == [stored["a2"]]       # the title
        assert set(search_articles(session, "Kursk", 10, prefix=True)) == {stored["a1"],
                                                                             stored["a3"]}
        assert search_articles(session, "café", 10) == [stored["a3"]]
        assert search_denials(session, "fake news", 10) == [stored["d1"]]
        assert search_denials(session, "news fake Kremlin", 10) == [stored["d1"]]


def test_storage_search_follows_updates_and_deletes(sessions, stored):
    with sessions.begin() as session:
        quote = session.get(Quote, stored["q3"])
        quote.text = "cannon fodder"
        quote.sentence = "“Cannon fodder,” he said."
    with sessions() as session:
        assert search_quotes(session, "sanctions", 10) == []
        assert search_quotes(session, "cannon fodder", 10) == [stored["q3"]]
    with sessions.begin() as session:
        session.delete(session.get(Article, stored["a1"]))      # its quotes go with it
    with sessions() as session:
        assert search_quotes(session, "drones", 10) == []
        assert search_articles(session, "drones", 10) == []
        assert search_articles(session, "kursk", 10) == [stored["a3"]]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_storage_search_takes_any_text(sessions, stored, query):
    with sessions() as session:
        for function in (search_quotes, search_articles, search_denials):
            for prefix in (False, True):
                found = function(session, query, 20, prefix=prefix)
                assert isinstance(found, list)
                assert all(isinstance(i, int) for i in found)
        assert session.scalar(select(func.count(Quote.id))) == 3      # nothing dropped
    if "drones" in query.lower() and "ドローン" not in query:
        with sessions() as session:
            assert stored["q1"] in search_quotes(session, query, 20, any_word=True)


def test_storage_search_terms_are_bounded_literals():
    assert search.terms("Drones, ARTILLERY; drones!") == ["drones", "artillery"]
    assert search.terms("'; DROP TABLE x; --") == ["drop", "table", "x"]
    assert search.terms("🚀 _ __ ") == []
    assert len(search.terms(" ".join(f"w{i}" for i in range(100)))) == search.MAX_TERMS
    assert search.terms("x" * 500) == ["x" * search.MAX_TERM]
    assert search.fts5_query(["a", "b"], prefix=True) == '"a"* AND "b"*'
    assert search.tsquery(["a", "b"], any_word=True) == "'a' | 'b'"


def test_storage_search_indexes_rows_stored_before_the_migration(runtime):
    engine = runtime.engine
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO articles (id, content_hash, source, title, text, word_count) "
            "VALUES (7, 'h', 's', 'Old article', 'Older words about Vladivostok', 4)"))
        connection.execute(text(
            "INSERT INTO quotes (article_id, text, kind, sentence, start, \"end\") "
            "VALUES (7, 'an old quote about rations', 'direct', 'x', 0, 1)"))
    upgrade(engine)
    from sqlalchemy.orm import Session

    with Session(engine) as session:
        assert search_articles(session, "vladivostok", 5) == [7]
        assert len(search_quotes(session, "rations", 5)) == 1


def test_newest_matches_reads_the_newest_window_first_and_falls_back(sessions):
    """`queries.newest_matches` gives the newest ids holding the words, whether they fill the
    newest window (a frequent word) or must be looked for in older rows (a rare one); the
    window (50 ids per row wanted) is exercised with small limits on both databases."""
    from bot.answers.queries import PG_WINDOW_PER_ROW, newest_matches

    with sessions.begin() as session:
        article = _article(1, "Quotes about drones and one about a ceasefire.")
        session.add(article)
        session.add(_quote(article, "the old ceasefire talk"))       # the oldest row
        for n in range(3 * PG_WINDOW_PER_ROW):
            session.add(_quote(article, f"drones over the front, report {n}"
                               if n % 2 else f"quiet day, report {n}"))
    with sessions() as session:
        ids = list(session.scalars(select(Quote.id).order_by(Quote.id.desc())))
        drones = [i for i in ids if "drones" in session.get(Quote, i).text]
        assert newest_matches(session, "quotes", ["drones"], 3) == drones[:3]
        assert newest_matches(session, "quotes", ["drones"], 1000) == drones
        assert newest_matches(session, "quotes", ["ceasefire"], 2) == [ids[-1]]
        assert newest_matches(session, "quotes", ["nothing"], 2) == []
