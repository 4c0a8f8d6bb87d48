"""`sitrep console`: a prompt fed through CliRunner's input, and run_console itself."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_answers_corpus import BACKENDS, build_corpus, corpus_database, database_url_of

from bot.cli import cli
from bot.console import WELCOME, run_console
from bot.storage.models import Article, Entity, Quote


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request, tmp_path_factory):
    yield from corpus_database(request, tmp_path_factory)


@pytest.fixture
def filled(sessions):
    with sessions.begin() as session:
        build_corpus(session)
    return sessions


def test_console_answers_lines_until_quit(corpus, tmp_path, monkeypatch):
    database_url = database_url_of(corpus[0])
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["console"], env={"DATABASE_URL": database_url},
                                input="/troops\n\n/whosaid rutte\nquit\n/summary\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith(WELCOME)
    assert "Troop estimates: North Korea" in out
    assert "Mark Rutte said: “a significant escalation”" in out
    assert "source: Pentagon: 10,000 North Korean troops in Russia — AP" in out
    assert "The latest news" not in out                 # nothing after quit
    assert out.rstrip().endswith("Bye.")


def test_console_end_of_input_exits_cleanly(corpus, tmp_path, monkeypatch):
    database_url = database_url_of(corpus[0])
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["console"], env={"DATABASE_URL": database_url},
                                input="how many North Korean troops are in Russia?\n")
    assert result.exit_code == 0
    assert "Latest estimate by claimant" in result.output


def test_console_more_and_ctrl_c(filled):
    with filled.begin() as session:
        article = session.query(Article).filter_by(outlet="AP").one()
        rutte = session.query(Entity).filter_by(name="Mark Rutte").one()
        for n in range(12):
            session.add(Quote(article=article, speaker="Mark Rutte", speaker_entity=rutte,
                              text=f"point {n}", kind="direct", sentence="s", start=0, end=1))
    lines = iter(["more", "/whosaid rutte", "more", "more"])
    written: list[str] = []

    def read(prompt):
        try:
            return next(lines)
        except StopIteration:
            raise KeyboardInterrupt from None

    assert run_console(filled, read=read, write=written.append) == 0
    out = "\n".join(written)
    assert "Nothing more to show." in out
    assert "(type `more` for the next page)" in out
    assert "showing 11–14." in out
    assert written[-1] == "Bye."


def test_console_opens_with_an_overview_of_the_database(corpus, tmp_path, monkeypatch):
    database_url = database_url_of(corpus[0])
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["console"], env={"DATABASE_URL": database_url}, input="")
    assert result.exit_code == 0, result.output
    overview = result.output.split(WELCOME, 1)[1].split("sitrep>", 1)[0]
    assert "What sitrep knows" in overview and "articles" in overview
    assert "source: " in overview
    quiet = CliRunner().invoke(cli, ["console", "--no-overview"],
                               env={"DATABASE_URL": database_url}, input="")
    assert "What sitrep knows" not in quiet.output
