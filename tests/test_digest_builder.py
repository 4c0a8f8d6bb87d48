"""build_digest and render_digest on real databases: what a digest says, and its limits."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.answers.citations import Citation
from bot.digest.builder import build_digest, is_empty
from bot.digest.render import MAX_BLOCKS, MAX_SECTION_CHARS, render_digest, render_digest_text
from bot.runtime import Runtime
from bot.settings import Settings
from bot.storage.models import Article, Denial, Estimate, Quote

T0 = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)


def add_article(session, *, title, outlet="Yonhap", published=None, ingested_at=T0,
                url=None, copy_of=None) -> Article:
    article = Article(content_hash=uuid.uuid4().hex, source=f"/news/{uuid.uuid4().hex[:6]}.txt",
                      title=title, outlet=outlet, url=url, published=published,
                      ingested_at=ingested_at, text=title, word_count=len(title.split()),
                      copy_of=copy_of)
    session.add(article)
    session.flush()
    return article


def add_estimate(session, article, count, *, claimed_by="South Korea's National Intelligence Service",
                 status="deployed", stated_on=None, qualifier="about") -> Estimate:
    estimate = Estimate(article=article, count=count, qualifier=qualifier, status=status,
                        force="North Korea", location="Russia", claimed_by=claimed_by,
                        stated_on=stated_on, sentence=f"{count} troops.", start=0, end=1)
    session.add(estimate)
    return estimate


def add_quote(session, article, speaker, text, kind="direct") -> Quote:
    quote = Quote(article=article, speaker=speaker, text=text, kind=kind, sentence=text,
                  start=0, end=1)
    session.add(quote)
    return quote


@pytest.fixture
def digest_sessions(database_url):
    runtime = Runtime(Settings(DATABASE_URL=database_url, _env_file=None))
    yield runtime.sessions
    runtime.close()


def lines_of(answer, heading_start):
    [section] = [s for s in answer.sections if (s.heading or "").startswith(heading_start)]
    return [line.text for line in section.lines]


def assert_all_cited(answer):
    for line in answer.fact_lines():
        assert isinstance(line.citation, Citation)
        assert line.citation.article_id and line.citation.title


@pytest.mark.slow
def test_digest_builder_seeds_every_line_cited(seeded_sqlite_url):
    runtime = Runtime(Settings(DATABASE_URL=seeded_sqlite_url, _env_file=None))
    now = datetime.now(UTC)
    with runtime.sessions() as session:
        answer = build_digest(session, "C1", now - timedelta(days=1), now + timedelta(minutes=1))
        articles = session.query(Article).count()
    runtime.close()
    assert answer.kind == "digest" and not is_empty(answer)
    assert len(lines_of(answer, "New articles")) == articles == 5
    assert answer.fact_lines()
    assert_all_cited(answer)
    text = render_digest_text(answer)
    for line in answer.fact_lines():
        assert line.citation.as_text() in text
    for message in render_digest(answer):
        assert len(message["blocks"]) <= MAX_BLOCKS


def test_digest_builder_change_lines_and_claimants(digest_sessions):
    with digest_sessions.begin() as session:
        old = add_article(session, title="NIS: 3,000 North Korean troops in Russia",
                          published=date(2026, 10, 23), ingested_at=T0 - timedelta(days=10))
        add_estimate(session, old, 3000, stated_on=date(2026, 10, 23))
        add_estimate(session, old, 12000, claimed_by="Pentagon", stated_on=date(2026, 10, 23))
        new = add_article(session, title="NIS now says 10,000", published=date(2026, 11, 1),
                          ingested_at=T0 + timedelta(hours=1), url="https://example.org/nis")
        add_estimate(session, new, 10000, stated_on=date(2026, 11, 1))
        add_estimate(session, new, 12000, claimed_by="Pentagon")          # unchanged
        add_estimate(session, new, 500, claimed_by="Ukraine's military intelligence",
                     status="killed")               # first figure; its name made canonical
    with digest_sessions() as session:
        answer = build_digest(session, "C1", T0, T0 + timedelta(days=1))
    lines = lines_of(answer, "Troop estimates")
    assert "South Korea's National Intelligence Service: about 10,000 deployed in Russia " \
           "(was 3,000 on 23 Oct)" in lines
    assert not any(line.startswith("Pentagon") for line in lines)
    assert any(line.startswith("Ukraine's Main Directorate of Intelligence: about 500 killed")
               for line in lines)
    assert_all_cited(answer)
    [article_line] = lines_of(answer, "New articles")
    assert article_line == "NIS now says 10,000"
    text = render_digest(answer, date(2026, 11, 2))[0]["blocks"]
    assert any("<https://example.org/nis|NIS now says 10,000 — Yonhap, 1 Nov 2026>" in
               b.get("text", {}).get("text", "") for b in text)


def test_digest_builder_near_copies_denials_and_quotes(digest_sessions):
    with digest_sessions.begin() as session:
        original = add_article(session, title="Kremlin denies troops", outlet="Reuters",
                               ingested_at=T0 + timedelta(hours=1))
        add_article(session, title="Kremlin denies troops (copy)", outlet="The Moscow Times",
                    ingested_at=T0 + timedelta(hours=2), copy_of=original)
        session.add(Denial(article=original, denied_by="Dmitry Peskov", force="North Korea",
                           kind="deployment", text="There are no North Korean troops here",
                           sentence="x", start=0, end=1))
        long_words = ("The presence of North Korean soldiers on Russian soil is a significant "
                      "escalation of the war")
        add_quote(session, original, "Mark Rutte", long_words)
        add_quote(session, original, "Mark Rutte", long_words + " and a dangerous one at that")
        add_quote(session, original, "sources", "Something said by unnamed sources " * 3)
        add_quote(session, original, "Lloyd Austin", "Short words.")
        add_quote(session, original, "Lloyd Austin",
                  "If they are co-belligerents, their intention is to fight on behalf of Russia",
                  kind="reported")
    with digest_sessions() as session:
        answer = build_digest(session, "C1", T0, T0 + timedelta(days=1))
    articles = [s for s in answer.sections if s.heading.startswith("New articles")][0]
    assert len(articles.lines) == 1
    assert articles.lines[0].citation.also_in == ("The Moscow Times",)
    assert lines_of(answer, "Denials") == ["Dmitry Peskov denied: “There are no North Korean "
                                           "troops here”"]
    quotes = lines_of(answer, "Quotes")
    assert quotes[0].startswith("Mark Rutte: “The presence") and quotes[0].endswith("at that”")
    assert quotes[1].startswith("Lloyd Austin: “If they") and quotes[1].endswith("(reported)")
    assert len(quotes) == 3                  # both Rutte quotes; not "sources", not short ones
    assert "also ran in The Moscow Times" in render_digest_text(answer)
    assert_all_cited(answer)


def test_digest_builder_nothing_new_is_one_short_line(digest_sessions):
    with digest_sessions.begin() as session:
        add_article(session, title="Old news", ingested_at=T0 - timedelta(days=2))
    with digest_sessions() as session:
        answer = build_digest(session, "C1", T0, T0 + timedelta(days=1))
    assert is_empty(answer) and not answer.sections
    [message] = render_digest(answer, date(2026, 11, 2))
    assert len(message["blocks"]) == 1
    assert "Nothing new since the last digest" in message["text"]
    assert "\n" not in message["text"]


def test_digest_builder_long_digest_splits_within_block_kit_limits(tmp_path):
    runtime = Runtime(Settings(DATABASE_URL=f"sqlite:///{tmp_path / 'long.db'}", _env_file=None))
    digest_sessions = runtime.sessions
    with digest_sessions.begin() as session:
        for n in range(400):
            article = add_article(session, title=f"Report {n}: " + "North Korean troops " * 12,
                                  url=f"https://example.org/{n}/" + "x" * 60,
                                  ingested_at=T0 + timedelta(minutes=n))
            add_estimate(session, article, 1000 + n, claimed_by=f"Claimant {n}")
    with digest_sessions() as session:
        answer = build_digest(session, "C1", T0, T0 + timedelta(days=1))
    messages = render_digest(answer, date(2026, 11, 2))
    assert len(messages) > 1
    shown = "".join(b["text"]["text"] for m in messages for b in m["blocks"]
                    if b["type"] == "section")
    for n in range(400):
        assert f"https://example.org/{n}/" in shown          # nothing lost in the split
    for message in messages:
        assert len(message["blocks"]) <= MAX_BLOCKS
        assert len(message["text"]) <= 3000
        for block in message["blocks"]:
            if block["type"] == "section":
                assert len(block["text"]["text"]) <= MAX_SECTION_CHARS
    assert messages[1]["blocks"][0]["type"] == "context"     # "continued (2/N)"
    runtime.close()
