"""The evaluation harness: matching rules, and floors on the seed and dev gold sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluation import (
    ArticleResult,
    Counts,
    evaluate,
    format_report,
    group_counts,
    load_groups,
    name_ok,
    quote_overlap,
)

GOLD = Path(__file__).resolve().parent / "gold"


@pytest.mark.parametrize("a, b, match", [
    ("fake news", "fake news,", True),
    ("international law.", "international law", True),
    ("significant escalation", "if Pyongyang sends troops it would mean a “significant "
     "escalation” of North Korea’s support for Russia", False),
    ("We are seeing evidence that there are North Korean troops",
     "We are seeing evidence that there are North Korean troops that have gone to Russia",
     True),
    ("Russia takes casualties", "NATO allies meet", False),
])
def test_evaluation_quote_overlap(a, b, match):
    assert quote_overlap(a, b)[0] is match


def test_evaluation_names():
    assert name_ok("Volodymyr Zelenskiy", ["Volodymyr Zelensky"])
    assert name_ok("  white house ", ["White House"])
    assert name_ok("NIS", ["South Korea's National Intelligence Service"])
    assert not name_ok("Kim Yong Hyun", ["Kim Jong Gyu"])
    assert name_ok(None, None) and not name_ok("NATO", None)


@pytest.mark.parametrize("predicted, acceptable, match", [
    ("contract serviceman", ["Russian contract serviceman", "Russian marine"], True),
    ("Russian contract serviceman from Murmansk", ["contract serviceman"], True),
    ("Joint Chiefs of Staff", ["South Korea's Joint Chiefs of Staff"], True),
    ("former officer of the 11th Corps", ["former 11th Corps officer"], True),
    # another head noun, or words the gold does not have, are another referent
    ("marine", ["Russian contract serviceman"], False),
    ("Russian contract", ["Russian contract serviceman"], False),
    ("resident of the Glushkovo district", ["Korenevo resident"], False),
    ("senior U.S. defense official", ["senior US defense official"], True),
    ("popular Telegram channel", ["Russian Telegram channel"], False),
    ("Ministry of Foreign Affairs of Ukraine", ["South Korea's Ministry of Foreign Affairs"],
     False),
    ("US officials", ["officials and analysts"], False),
])
def test_evaluation_descriptions_of_one_referent(predicted, acceptable, match):
    assert name_ok(predicted, acceptable, [acceptable]) is match


def test_evaluation_a_description_that_fits_two_gold_entities_is_wrong():
    older = ["older North Korean prisoner", "captured North Korean soldier"]
    younger = ["younger North Korean prisoner", "captured North Korean soldier"]
    assert not name_ok("North Korean soldier", older, [older, younger])
    assert name_ok("North Korean soldier", older, [older])
    # saying more than the other entity's wording is no ambiguity
    assert name_ok("older prisoner", older, [older, younger])
    # the same entity listed twice (same canonical first name) is not "another"
    assert name_ok("contract serviceman", ["Russian contract serviceman"],
                   [["Russian contract serviceman"], ["Russian marine", "Russian contract serviceman"]])
    assert not name_ok("soldier", ["North Korean soldier"],
                       [["North Korean soldier"], ["Ukrainian soldier"]])


# Floors set a little below what was measured on seeds + dev (see the commit message).
# Measured after adding 12 harder dev articles (seeds + 60 dev articles): est F1 0.99,
# claimant 0.94, quote P 0.99 / R 0.95, speaker 0.95 (speaker floor lowered to 0.95 after the
# first 6 of them, when speaker measured 0.96; the others left where the last raise set them).
# Estimate floors raised after the estimate claimant/recall work, measured on the committed
# tree (seeds + 60 dev): est F1 0.993 (P 0.998, R 0.988), claimant 0.975.
# Speaker and quote floors raised after the quote/speaker work on those articles (seeds + 60
# dev): speaker 0.982, quote P 0.990 / R 0.962.
# Session 4 added 20 fresh dev articles (s4_*, written by annotators who never saw the
# extractor); with them, at the start of that session's tuning (seeds + 80 dev): est F1 0.981,
# claimant 0.95, quote P 0.982 / R 0.954, speaker 0.94. Floors lowered to sit below that until
# the tuning on them is measured.
# Estimate floors raised after the estimate/claimant generalisation work (seeds + 80 dev,
# s4 included): est F1 0.989 (P 0.997, R 0.981), claimant 0.976.
# Speaker and quote floors raised after the speaker/quote generalisation work, measured on the
# committed tree e975006 (seeds + 80 dev): speaker 0.987, quote P 0.987 / R 0.963.
# Denials scored from session 5 on (seeds + 80 dev, commit with the denial scorer): P 0.95,
# R 0.90, denier 0.93. With the 10 s5 dev articles (session 5, measured untouched at speaker
# 0.70, then tuned on), seeds + 90 dev at 02150d5: est F1 0.984, claimant 0.973, quote P 0.990
# / R 0.970, speaker 0.986, denials P 0.94 / R 0.89, denier 0.94; floors kept.
# Session 6 (scorer's description rule; s5 reviewed; claimant, denial and speaker work), seeds +
# 90 dev at e2e6331: est F1 0.984, claimant 0.984, quote P 0.991 / R 0.967, speaker 0.985,
# denials P 0.985 / R 0.955, denier 0.984: claimant and denial floors raised.
FLOORS = {
    "estimate_f1": 0.98, "claimant_accuracy": 0.97, "quote_recall": 0.95,
    "quote_precision": 0.98, "speaker_accuracy": 0.97,
    "denial_precision": 0.96, "denial_recall": 0.93, "denier_accuracy": 0.96,
}


@pytest.mark.slow
def test_evaluation_floors_on_seed_and_dev():
    if not (GOLD / "seeds").is_dir():
        pytest.skip("gold set not present")
    from bot.extraction import Extractor

    report = evaluate(GOLD, Extractor(), splits=("seed", "dev"))
    text = format_report(report)
    assert "overall" in text and "split seed" in text
    assert "heldout" not in text
    for metric, floor in FLOORS.items():
        assert report.overall[metric] >= floor, f"{metric} {report.overall[metric]:.2f}\n{text}"
    assert set(report.by_split) <= {"seed", "dev"}


@pytest.mark.slow
def test_evaluation_scores_denials(tmp_path):
    from bot.extraction import Extractor

    body = ("Minsk on Tuesday denied sending troops to Russia. Lithuania's defence ministry "
            "said about 2,000 Belarusian soldiers had crossed the border.")
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "a.txt").write_text(
        f"title: T\noutlet: O\ndate: 2025-03-04\n\n{body}\n", encoding="utf-8")
    gold = {"source": None, "split": "dev", "published": "2025-03-04", "estimates": [],
            "quotes": [], "denials": [
                {"denied_by": ["Belarus"], "force": "Belarus", "kind": "denial",
                 "sentence": "Minsk on Tuesday denied sending troops to Russia"},
                {"denied_by": ["Russia"], "force": "Russia", "kind": "denial",
                 "sentence": "said about 2,000 Belarusian soldiers had crossed"}]}
    import json
    (tmp_path / "dev" / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate(tmp_path, Extractor(), splits=("dev",))
    counts = report.counts
    assert (counts.gold_denials, counts.pred_denials, counts.matched_denials,
            counts.denier_right) == (2, 1, 1, 1), report.articles[0].misses
    assert report.overall["denial_recall"] == 0.5
    assert any(m.startswith("missed denial (Russia)") for m in report.articles[0].misses)
    assert "den R" in format_report(report)


def test_evaluation_groups_sum_the_articles_their_patterns_pick():
    def article(name, split, quotes, right):
        return ArticleResult(name, split, Counts(matched_quotes=quotes, speaker_right=right))
    articles = [article("blind5_a", "heldout", 10, 9), article("blind3_b", "heldout", 10, 5),
                article("afp_c", "heldout", 4, 4), article("s5_d", "dev", 7, 7)]
    groups = {"clean": {"split": "heldout", "exclude": ["blind3_*"]},
              "older": {"split": "heldout", "exclude": ["blind*"]},
              "s5": {"split": "dev", "include": ["s5_*"]},
              "none": {"split": "heldout", "include": ["zzz_*"]}}
    counts = group_counts(articles, groups)
    assert (counts["clean"].matched_quotes, counts["clean"].speaker_right) == (14, 13)
    assert counts["older"].speaker_right == 4 and counts["s5"].speaker_right == 7
    assert "none" not in counts


def test_evaluation_project_groups_cover_the_held_out_set_once():
    groups = load_groups(GOLD)
    names = [p.stem for p in (GOLD / "heldout").glob("*.json")]
    articles = [ArticleResult(n, "heldout", Counts(gold_quotes=1)) for n in names]
    counts = group_counts(articles, groups)
    # every held-out article is either clean or validation, never both
    assert counts["heldout clean"].gold_quotes + counts["heldout validation"].gold_quotes \
        == len(names)
