"""build_message: Block Kit within Slack's limits, every fact with its source (no Slack)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from bot.answers.citations import Citation, MissingSourceError
from bot.answers.types import Answer, FactLine, MoreButton, Section
from bot.render.blocks import (
    MAX_BLOCKS,
    MAX_HEADER,
    MAX_MESSAGE_TEXT,
    MAX_SECTION,
    MORE_ACTION,
    SHARE_ACTION,
    build_error_message,
    build_help_blocks,
    build_message,
    citation_mrkdwn,
)


def citation(n: int, url: bool = True, also_in: tuple[str, ...] = ()) -> Citation:
    return Citation(article_id=n, title=f"Article {n} <&>", outlet="Yonhap",
                    published=date(2024, 10, 23), url=f"https://news.example/{n}" if url else None,
                    source=f"https://news.example/{n}" if url else f"/data/inbox/article-{n}.txt",
                    also_in=also_in)


def answer_with(n_facts: int, text: str = "NIS: about 3,000 deployed", **kwargs) -> Answer:
    lines = tuple(FactLine(f"{text} #{i}", citation(i + 1), date(2024, 10, 23))
                  for i in range(n_facts))
    return Answer(kind="troops", title="Troop estimates: North Korea",
                  sections=(Section("Latest estimate by claimant", lines, notes=("Range.",)),),
                  notes=("A note.",), request="/troops", **kwargs)


def all_text(message: dict) -> str:
    return json.dumps(message["blocks"], ensure_ascii=False)


def check_limits(message: dict) -> None:
    blocks = message["blocks"]
    assert 1 <= len(blocks) <= MAX_BLOCKS
    assert len(message["text"]) <= MAX_MESSAGE_TEXT
    for block in blocks:
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= MAX_HEADER
        if block["type"] == "section":
            assert 0 < len(block["text"]["text"]) <= MAX_SECTION
        if block["type"] == "context":
            assert 1 <= len(block["elements"]) <= 10
            assert all(len(e["text"]) <= MAX_SECTION for e in block["elements"])
        if block["type"] == "actions":
            assert all(len(e["value"]) <= 2000 for e in block["elements"])


def actions(message: dict) -> dict:
    found = [b for b in message["blocks"] if b["type"] == "actions"]
    return {e["action_id"]: e for e in found[0]["elements"]} if found else {}


def test_render_blocks_small_answer_has_a_context_block_per_citation():
    message = build_message(answer_with(3))
    check_limits(message)
    types = [b["type"] for b in message["blocks"]]
    assert types[0] == "header"
    assert types.count("context") == 4                  # 3 citations + the section's notes
    text = all_text(message)
    assert "<https://news.example/1|Article 1 &lt;&amp;&gt; — Yonhap, 23 Oct 2024>" in text
    assert set(actions(message)) == {SHARE_ACTION}
    assert actions(message)[SHARE_ACTION]["value"] == "/troops"


def test_render_blocks_citation_without_url_names_the_file():
    answer = Answer(kind="summary", title="Summary", request="/summary",
                    sections=(Section(None, (FactLine("A sentence.", citation(1, url=False)),)),))
    text = all_text(build_message(answer))
    assert "Article 1 &lt;&amp;&gt; — Yonhap, 23 Oct 2024 (article-1.txt)" in text


def test_render_blocks_also_ran_in_and_extra_sources():
    line = FactLine("NIS: 3,000 → 10,000", citation(1, also_in=("Stars and Stripes",)),
                    also_cited=(citation(2),))
    answer = Answer(kind="troops", title="T", sections=(Section("Over time", (line,)),))
    text = all_text(build_message(answer))
    assert "also ran in Stars and Stripes" in text
    assert "https://news.example/2" in text


def test_render_blocks_500_facts_stay_within_limits_and_end_with_more():
    answer = answer_with(500, text="A fairly long fact line " * 15)
    message = build_message(answer)
    check_limits(message)
    assert len(message["blocks"]) <= MAX_BLOCKS
    buttons = actions(message)
    assert set(buttons) == {MORE_ACTION, SHARE_ACTION}
    more = json.loads(buttons[MORE_ACTION]["value"])
    assert more["request"] == "/troops" and 0 < more["offset"] < 500
    text = all_text(message)
    shown = [i for i in range(500) if f"#{i}\\n" in text or f"#{i} " in text]
    assert len(shown) == more["offset"]                 # the button picks up where it stopped
    for i in range(more["offset"]):
        assert json.dumps(citation_mrkdwn(citation(i + 1)), ensure_ascii=False)[1:-1] in text
    assert message["blocks"][-1]["type"] == "actions"


def test_render_blocks_long_texts_are_split_and_cut():
    long_title = "T" * 400
    huge = FactLine("word " * 2000, citation(1))
    answer = Answer(kind="summary", title=long_title, notes=("n " * 2000,),
                    sections=(Section("H" * 4000, (huge,)),), request="/summary")
    message = build_message(answer)
    check_limits(message)
    assert "https://news.example/1" in all_text(message)     # the source is never cut off


def test_render_blocks_more_button_of_a_paged_answer_and_not_ephemeral():
    answer = replace(answer_with(2), more=MoreButton("/whosaid rutte", 10))
    message = build_message(answer, ephemeral=False)
    buttons = actions(message)
    assert set(buttons) == {MORE_ACTION}
    assert json.loads(buttons[MORE_ACTION]["value"]) == {"request": "/whosaid rutte",
                                                         "offset": 10}


def test_render_blocks_refuse_a_fact_without_source():
    line = FactLine("ok", citation(1))
    object.__setattr__(line, "citation", None)
    answer = Answer(kind="troops", title="T", sections=(Section(None, (line,)),))
    with pytest.raises(MissingSourceError):
        build_message(answer)
    with pytest.raises(MissingSourceError):
        FactLine("no source", None)


def test_render_blocks_help_and_error_messages():
    message = build_help_blocks()
    check_limits(message)
    assert "/whosaid" in all_text(message)
    one = build_help_blocks("troops")
    assert "/troops [force]" in all_text(one) and "/whosaid" not in all_text(one)
    assert build_error_message()["blocks"][0]["type"] == "section"


def test_render_blocks_fallback_text_is_capped():
    message = build_message(answer_with(500, text="x" * 500))
    assert len(message["text"]) <= MAX_MESSAGE_TEXT
