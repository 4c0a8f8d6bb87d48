"""The summary's sentence splitter and sentence choice (pure parts)."""

from __future__ import annotations

import pytest

from bot.answers.summary import split_sentences


def test_answers_summary_splits_sentences_robustly():
    text = ("US Defense Secretary Lloyd Austin said: \"We are seeing evidence.\" Gen. Smith and "
            "the U.S. Army agreed. Mr. Kim left at 3 p.m. Friday. About 3,000 troops.\n\n"
            "  • A bullet point here. Second one!\nTAGGED:\n")
    assert split_sentences(text) == [
        "US Defense Secretary Lloyd Austin said: \"We are seeing evidence.\"",
        "Gen. Smith and the U.S. Army agreed.",
        "Mr. Kim left at 3 p.m. Friday.",
        "About 3,000 troops.",
        "A bullet point here.",
        "Second one!",
        "TAGGED:",
    ]


def test_answers_summary_splitter_is_fast_on_large_text():
    import time

    text = ("North Korean troops were seen in Kursk. " * 20_000)
    started = time.perf_counter()
    sentences = split_sentences(text)
    assert time.perf_counter() - started < 2
    assert 1000 < len(sentences) <= 20_000


@pytest.mark.parametrize(("text", "word", "found"), [
    ("troops in the kursk region", "kursk", True),
    ("kursk's border villages", "kursk", True),
    ("kursk", "kursk", True),
    ("(kursk) and beyond", "kursk", True),
    ("nkursk and novokursk only", "kursk", False),
    ("the_kursk file", "kursk", False),
    ("novokursk, then kursk", "kursk", True),
    ("", "kursk", False),
])
def test_summary_topic_word_must_start_a_word(text, word, found):
    from bot.answers.summary import _has_word

    assert _has_word(text, word) is found
