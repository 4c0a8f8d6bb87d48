"""The answers over the five real seeds, ingested by the real extractor (spaCy: slow)."""

from __future__ import annotations

import json

import pytest

from bot.answers.router import answer_request
from bot.render.blocks import build_message, citation_mrkdwn
from bot.render.text import citation_text, render_text
from bot.runtime import Runtime
from bot.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeded(seeded_sqlite_url):
    runtime = Runtime(Settings(DATABASE_URL=seeded_sqlite_url, _env_file=None))
    yield runtime.sessions
    runtime.close()


def ask(sessions, text, **kwargs):
    with sessions() as session:
        return answer_request(text, session, **kwargs)


def cited_everywhere(answer) -> None:
    text = render_text(answer)
    blocks = json.dumps(build_message(answer)["blocks"], ensure_ascii=False)
    for line in answer.fact_lines():
        assert citation_text(line.citation) in text
        assert json.dumps(citation_mrkdwn(line.citation), ensure_ascii=False)[1:-1] in blocks


def test_answers_seeded_troops_show_claimants_and_figures(seeded):
    answer = ask(seeded, "/troops")
    latest = next(s for s in answer.sections if s.heading == "Latest estimate by claimant")
    texts = "\n".join(line.text for line in latest.lines)
    assert "White House: about 3,000" in texts
    assert "Pentagon: about 10,000" in texts
    assert "National Intelligence Service: about 3,000" in texts
    assert "up to 12,000" in texts                              # Zelensky's 2 units of 6,000
    assert any(n.startswith("Sources disagree") for n in latest.notes)
    titles = {line.citation.title for line in answer.fact_lines()}
    assert len(titles) >= 4
    denials = next(s for s in answer.sections if s.heading == "Denials")
    assert any(line.text.startswith("North Korea (denial)") for line in denials.lines)
    cited_everywhere(answer)


@pytest.mark.parametrize("text, speaker, words", [
    ("/whosaid dahlallah", "Dakhlallah", "significant escalation"),
    ("/whosaid Farah Dakhlallah", "Dakhlallah", "significant escalation"),
    ("/whosaid rutte", "Mark Rutte", "Euro-Atlantic security"),
    ("/whosaid zelenskyy", "Zelensk", "escalate"),
    ("/whosaid Zelensky", "Zelensk", "escalate"),
    ("/whosaid the pentagon", "Pentagon", "10,000"),
    ("what did Austin say?", "Lloyd Austin", "North Korean troops"),
])
def test_answers_seeded_whosaid_through_aliases(seeded, text, speaker, words):
    answer = ask(seeded, text)
    assert answer.kind == "whosaid"
    lines = answer.fact_lines()
    assert lines, answer.notes
    assert any(speaker in line.text.split(" said")[0] for line in lines)
    assert any(words in line.text for line in lines)
    cited_everywhere(answer)


def test_answers_seeded_summary_sources_and_topics(seeded):
    kursk = ask(seeded, "/summary Kursk")
    assert kursk.fact_lines() and all("kursk" in line.text.lower()
                                      for line in kursk.fact_lines())
    latest = ask(seeded, "what's the latest")
    assert len(latest.fact_lines()) >= 4
    sources = ask(seeded, "/sitrep sources")
    assert sources.notes[0].startswith("5 articles")
    fake = ask(seeded, "who said fake news")
    assert any("Kremlin" in line.text for line in fake.fact_lines())
    for answer in (kursk, latest, sources, fake):
        cited_everywhere(answer)
