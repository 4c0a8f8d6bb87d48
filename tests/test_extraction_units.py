"""Pure helpers of the extraction core: numbers, dates, names, quotation marks (no model)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bot.extraction.dates import resolve_date
from bot.extraction.names import canonical_country, normalise_name, same_entity
from bot.extraction.numbers import parse_number, parse_range, parse_vague
from bot.extraction.quotemarks import find_quotes

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text, value", [
    ("3,000", 3000), ("3000", 3000), ("three thousand", 3000), ("1.5 million", 1_500_000),
    ("twenty-five", 25), ("two hundred thousand", 200_000), ("10k", 10_000), ("shells", None),
])
def test_extraction_numbers_parse(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, expected", [
    ("10,000 to 12,000", (10_000, 12_000)), ("between 10,000 and 12,000", (10_000, 12_000)),
    ("10,000-12,000", (10_000, 12_000)),
])
def test_extraction_numbers_ranges(text, expected):
    assert parse_range(text) == expected


@pytest.mark.parametrize("text, value", [
    ("thousands", 1000), ("several thousand", 1000), ("tens of thousands", 10_000),
    ("hundreds", 100), ("hundreds of thousands", 100_000),
])
def test_extraction_numbers_vague(text, value):
    assert parse_vague(text) == value


@pytest.mark.parametrize("text, expected", [
    ("on Wednesday", date(2024, 10, 23)), ("on October 23", date(2024, 10, 23)),
    ("on 23 October", date(2024, 10, 23)), ("last week", date(2024, 10, 18)),
    ("yesterday", date(2024, 10, 24)), ("2024-10-01", date(2024, 10, 1)),
])
def test_extraction_dates_resolve(text, expected):
    assert resolve_date(text, date(2024, 10, 25)) == expected


def test_extraction_dates_no_year_without_published():
    assert resolve_date("on October 23", None) is None


@pytest.mark.parametrize("a, b, label, same", [
    ("Farah Dakhlallah", "Fara Dahlallah", "PERSON", True),
    ("Volodymyr Zelenskyy", "Zelensky", "PERSON", True),
    ("Volodymyr Zelenskiy", "Volodymyr Zelensky", "PERSON", True),
    ("Kim Jong Gyu", "Kim Yong Hyun", "PERSON", False),
    ("Mark Rutte", "Rutte", "PERSON", True),
    ("DPRK", "North Korea", "GPE", True), ("Pyongyang", "North Korea", "GPE", True),
    ("Kremlin", "Russia", "ORG", True), ("NIS", "South Korea's National Intelligence Service",
                                         "ORG", True),
    ("Pentagon", "White House", "ORG", False), ("Lloyd Austin", "Mark Rutte", "PERSON", False),
])
def test_extraction_names_same_entity(a, b, label, same):
    assert same_entity(a, b, label) is same


def test_extraction_names_normalise_and_aliases():
    assert normalise_name("  The  Kremlin’s ") == "kremlin"
    assert canonical_country("DPRK") == "North Korea"
    assert canonical_country("Moscow") == "Russia"


@pytest.mark.parametrize("text, quoted", [
    ('He said "we will win" today.', ["we will win"]),
    ("He said “we will win” today.", ["we will win"]),
    ("He said «we will win» today.", ["we will win"]),
    ("He said ‘we will win’ today.", ["we will win"]),
    ("He said 'we will win' today.", ["we will win"]),
    ("Russia’s army and Kim’s troops don’t retreat.", []),
    ("The troops’ arrival was ‘a shock’, he said.", ["a shock"]),
    ("“It is bad,” he said. “Very bad.”", ["It is bad,", "Very bad."]),
])
def test_extraction_quotemarks_styles(text, quoted):
    assert [text[q.start:q.end] for q in find_quotes(text)] == quoted


def test_extraction_quotemarks_unbalanced_never_raises():
    text = 'He said "this never closes.\n\nNext paragraph is “fine”.'
    spans = find_quotes(text)
    assert [text[q.start:q.end] for q in spans] == ["this never closes.", "fine"]
    assert not spans[0].balanced


def test_extraction_core_imports_no_slack_or_sqlalchemy():
    code = ("import bot.extraction, bot.extraction.pipeline, bot.evaluation, sys; "
            "assert not any(m.startswith(('slack', 'sqlalchemy')) for m in sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.parametrize("name, canon", [
    ("Britain's defence ministry", "UK Ministry of Defence"),
    ("the Ministry of Foreign Affairs of Russia", "Russian Foreign Ministry"),
    ("Moscow’s foreign ministry", "Russian Foreign Ministry"),
    ("Seoul's intelligence service", "South Korea's National Intelligence Service"),
    ("Kyiv's military intelligence agency", "Ukraine's Main Directorate of Intelligence"),
    ("the South Korean Joint Chiefs of Staff", "South Korea's Joint Chiefs of Staff"),
    ("Poland's defence ministry", "Poland's Ministry of Defence"),
    ("the ministry", None),
])
def test_extraction_names_country_bodies(name, canon):
    from bot.extraction.names import canonical_org
    assert canonical_org(name) == canon


def test_extraction_names_abbreviations_with_dots():
    assert normalise_name("U.K. officials") == "uk officials"
    assert same_entity("a U.S. diplomat", "a US diplomat")
    assert same_entity("Russia's defense ministry", "Russia")


@pytest.mark.parametrize("name", ["U.S.", "the U.S.", "(U.S.)", "U.S.,"])
def test_extraction_names_trailing_abbreviation_keeps_its_dots(name):
    assert normalise_name(name) == "us"
    assert same_entity(name, "United States")


def test_extraction_names_main_intelligence_directorate_of_a_country():
    from bot.extraction.names import canonical_org
    assert canonical_org("Main Intelligence Directorate of Ukraine") == \
        "Ukraine's Main Directorate of Intelligence"
