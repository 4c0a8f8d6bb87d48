"""`sitrep ask`: the reply as text, or the Slack payload with --json (click's CliRunner)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_answers_corpus import BACKENDS, corpus_database, database_url_of

from bot.cli import cli


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request, tmp_path_factory):
    yield from corpus_database(request, tmp_path_factory)


@pytest.fixture
def run(corpus, tmp_path, monkeypatch):
    database_url = database_url_of(corpus[0])
    monkeypatch.chdir(tmp_path)

    def invoke(*args):
        return CliRunner().invoke(cli, ["ask", *args], env={"DATABASE_URL": database_url},
                                  catch_exceptions=False)
    return invoke


def test_cli_ask_prints_the_answer_with_sources(run):
    result = run("/troops")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Troop estimates: North Korea\n")
    assert "• Pentagon: about 10,000 in training (Russia), 28 Oct 2024" in out
    assert ("    source: Pentagon: 10,000 North Korean troops in Russia — AP, 28 Oct 2024 "
            "(https://apnews.example/pentagon-10000); also ran in Stars and Stripes") in out


def test_cli_ask_plain_question_in_several_words(run):
    result = run("what", "did", "Austin", "say?")
    assert result.exit_code == 0
    assert "Lloyd Austin said: “We are seeing evidence" in result.output


def test_cli_ask_json_is_the_slack_payload(run):
    result = run("/whosaid", "dahlallah", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert set(payload) == {"text", "blocks"}
    assert payload["blocks"][0]["type"] == "header"
    assert "Farah Dakhlallah" in json.dumps(payload["blocks"], ensure_ascii=False)
    assert "https://yna.example/nis-3000" in json.dumps(payload["blocks"])


def test_cli_ask_offset_and_chart(run, tmp_path):
    full = run("/troops").output.count("• ")
    later = run("--offset", "2", "/troops").output.count("• ")
    assert later == full - 2
    chart = tmp_path / "troops.png"
    result = run("/troops", "--chart", str(chart))
    assert result.exit_code == 0
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_cli_ask_malformed_and_empty_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.db'}"}
    result = CliRunner().invoke(cli, ["ask", "/troops"], env=env)
    assert result.exit_code == 0
    assert "sitrep ingest seeds/" in result.output
    result = CliRunner().invoke(cli, ["ask", "/troops", "--foo"], env=env)
    assert result.exit_code != 0                        # click: an option of `ask` itself
    result = CliRunner().invoke(cli, ["ask", "--", "/troops --foo"], env=env)
    assert result.exit_code == 0
    assert "I don't know the option --foo." in result.output
