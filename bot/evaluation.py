"""Measuring extraction against the gold set (tests/gold/{seeds,dev,heldout}/*.json).

Matching rules (documented so figures can be compared across versions):

* Estimate match: same `count`, and the gold `sentence` snippet is contained in the
  predicted estimate's sentence after whitespace normalisation (or vice versa). Each gold
  estimate matches at most one prediction (greedy, in order).
* Claimant accuracy (over matched estimates): the predicted `claimed_by` equals one of the
  gold's acceptable names case- and whitespace-insensitively, or `names.same_entity` says
  they are one entity. A gold claimant of null is matched by a predicted null only.
* Quote match: texts are normalised to lowercase word tokens (letters and digits; quotation
  marks and punctuation dropped). With `overlap` = size of the multiset intersection,
  a pair matches when overlap >= 0.6 * len(shorter) ("one contains most of the other") and
  overlap >= 0.4 * len(longer) (so a two-word scare quote cannot match a whole paragraph).
  Kind is not required to agree. Pairs are matched one-to-one, best Dice score first.
* Speaker accuracy (over matched quotes): as claimant accuracy, against the gold `speaker`.
* Descriptions (all three name checks): a predicted name that words the same referent more or
  less fully than the gold ("contract serviceman" for "Russian contract serviceman", "Joint
  Chiefs of Staff" for "South Korea's Joint Chiefs of Staff") also counts when (1) both have the
  same head noun (the last word before any "of/in/from/…" phrase), (2) the words of one are all
  among the words of the other, and (3) it fits no other entity named in the article's gold
  (so "soldier" is wrong when the gold has a North Korean and a Ukrainian soldier, and "North
  Korean soldier" when it has an older and a younger one; gold lists are one entity when one
  holds the other's first, canonical name). A predicted description (lower case: "soldier",
  "source") is never matched as a person's name would be ("soldier" is no surname of "North
  Korean soldier"); the other name checks still apply to it.
* Denial match: same `force`, and the gold `sentence` snippet is contained in the predicted
  denial's sentence (or vice versa), one-to-one in order; denier accuracy (over matched
  denials) as claimant accuracy, against the gold `denied_by`.

Articles are read with `bot.sources.read_source`, so the text (and the outlet, which names the
claimant of an official body's own unsourced figures) is exactly what ingest sees.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from fnmatch import fnmatch
from pathlib import Path

from bot.extraction.names import same_entity
from bot.sources import read_source

SPLITS = ("seed", "dev", "heldout")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass
class Counts:
    gold_estimates: int = 0
    pred_estimates: int = 0
    matched_estimates: int = 0
    claimant_right: int = 0
    gold_quotes: int = 0
    pred_quotes: int = 0
    matched_quotes: int = 0
    speaker_right: int = 0
    gold_denials: int = 0
    pred_denials: int = 0
    matched_denials: int = 0
    denier_right: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float]:
        p = _ratio(self.matched_estimates, self.pred_estimates)
        r = _ratio(self.matched_estimates, self.gold_estimates)
        return {
            "estimate_precision": p,
            "estimate_recall": r,
            "estimate_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "claimant_accuracy": _ratio(self.claimant_right, self.matched_estimates),
            "quote_precision": _ratio(self.matched_quotes, self.pred_quotes),
            "quote_recall": _ratio(self.matched_quotes, self.gold_quotes),
            "speaker_accuracy": _ratio(self.speaker_right, self.matched_quotes),
            "denial_precision": _ratio(self.matched_denials, self.pred_denials),
            "denial_recall": _ratio(self.matched_denials, self.gold_denials),
            "denier_accuracy": _ratio(self.denier_right, self.matched_denials),
        }


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


@dataclass
class ArticleResult:
    name: str
    split: str
    counts: Counts
    misses: list[str] = field(default_factory=list)


@dataclass
class EvalReport:
    articles: list[ArticleResult]
    overall: dict[str, float]
    by_split: dict[str, dict[str, float]]
    counts: Counts
    by_group: dict[str, Counts] = field(default_factory=dict)


def load_groups(gold_dir: Path) -> dict[str, dict]:
    """The named article groups of `gold_dir/groups.json` ({} when there is none)."""
    path = Path(gold_dir) / "groups.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8")).get("groups") or {}


def group_counts(articles: list[ArticleResult], groups: dict[str, dict]) -> dict[str, Counts]:
    """Summed counts of each group's articles (groups with no article left out)."""
    out: dict[str, Counts] = {}
    for name, rule in groups.items():
        include, exclude = rule.get("include") or ["*"], rule.get("exclude") or []
        for article in articles:
            if article.split == rule.get("split", article.split) and \
                    any(fnmatch(article.name, p) for p in include) and \
                    not any(fnmatch(article.name, p) for p in exclude):
                out.setdefault(name, Counts()).add(article.counts)
    return out


def _norm_ws(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").replace("“", '"')
                    .replace("”", '"').split()).lower()


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text.replace("’", "'"))]


def quote_overlap(a: str, b: str) -> tuple[bool, float]:
    """(match, Dice score) of two quote texts under the rule in the module docstring."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False, 0.0
    overlap = sum((Counter(wa) & Counter(wb)).values())
    short, long_ = sorted((len(wa), len(wb)))
    ok = overlap >= 0.6 * short and overlap >= 0.4 * long_
    return ok, 2 * overlap / (len(wa) + len(wb))


def name_ok(predicted: str | None, acceptable: list[str] | None,
            others: list[list[str]] | None = None) -> bool:
    """Whether `predicted` names the entity of `acceptable` (module docstring). `others` are
    the acceptable-name lists of the article's gold entities (an entity is known by its first,
    canonical name); a description that fits `acceptable` counts only when it fits no other."""
    if not acceptable:
        return predicted is None
    if predicted is None:
        return False
    p = _norm_ws(predicted)
    # a description ("soldier", "source") is no name: not matched as a surname would be
    label = "ORG" if predicted[:1].islower() else None
    if any(_norm_ws(a) == p or same_entity(predicted, a, label) for a in acceptable):
        return True
    if not any(_describes(predicted, a) for a in acceptable):
        return False
    return not any(
        _norm_ws(o) == p or _vaguer(predicted, o)
        for names in others or () if not _one_entity(names, acceptable)
        for o in names)


def _one_entity(names: list[str], acceptable: list[str]) -> bool:
    """Whether two gold name lists are one entity: one holds the other's first name."""
    a, b = {_norm_ws(n) for n in names}, {_norm_ws(n) for n in acceptable}
    return _norm_ws(names[0]) in b or _norm_ws(acceptable[0]) in a


_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_FUNCTION_WORDS = frozenset(["the", "a", "an", "and", "'s", "s"])
_PHRASE_START = frozenset(["of", "in", "from", "at", "for", "with", "on", "who", "whose", "which", "near"])


def _description_words(name: str) -> tuple[str, set[str]]:
    """(head noun, content words) of a name or description."""
    name = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), name)     # "U.S." -> "US"
    tokens = [w for w in words(name) if w not in _FUNCTION_WORDS]
    head_part = []
    for w in tokens:
        if w in _PHRASE_START:
            break
        head_part.append(w)
    return (head_part[-1] if head_part else ""), set(tokens) - _PHRASE_START


def _vaguer(a: str, b: str) -> bool:
    """Whether description `a` says no more than `b` does (same head, all its words in b)."""
    head_a, words_a = _description_words(a)
    head_b, words_b = _description_words(b)
    return bool(head_a) and head_a == head_b and words_a <= words_b


def _describes(a: str, b: str) -> bool:
    """Whether `a` and `b` word one referent more or less fully (same head, nested words)."""
    return _vaguer(a, b) or _vaguer(b, a)


def _gold_names(gold: dict) -> list[list[str]]:
    """Every acceptable-name list in an annotation (speakers, claimants, deniers)."""
    lists = [g.get("speaker") for g in gold.get("quotes") or []]
    lists += [g.get("claimed_by") for g in gold.get("estimates") or []]
    lists += [g.get("denied_by") for g in gold.get("denials") or []]
    return [names for names in lists if names]


def _gold_files(gold_dir: Path, splits: tuple[str, ...] | None):
    folders = {"seed": "seeds", "dev": "dev", "heldout": "heldout"}
    for split in splits or SPLITS:
        folder = gold_dir / folders.get(split, split)
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                yield split, path


def _article_path(gold_dir: Path, path: Path, gold: dict) -> Path:
    source = gold.get("source")
    if source:
        for base in (gold_dir.parent.parent, gold_dir.parent, path.parent, Path.cwd()):
            candidate = base / source
            if candidate.is_file():
                return candidate
    return path.with_suffix(".txt")


def _score(gold: dict, facts) -> tuple[Counts, list[str]]:
    counts = Counts()
    misses: list[str] = []
    everyone = _gold_names(gold)
    gold_est = gold.get("estimates") or []
    counts.gold_estimates = len(gold_est)
    counts.pred_estimates = len(facts.estimates)
    pairs, extra = _match_in_sentence(gold_est, facts.estimates,
                                      lambda g, e: e.count == g.get("count"))
    for g, e in pairs:
        if e is None:
            misses.append(f"missed estimate {g.get('count')}: {g.get('sentence', '')[:70]}")
            continue
        counts.matched_estimates += 1
        if name_ok(e.claimed_by, g.get("claimed_by"), everyone):
            counts.claimant_right += 1
        else:
            misses.append(f"claimant {e.claimed_by!r} not in {g.get('claimed_by')}"
                          f" for {g.get('count')}")
    for e in extra:
        misses.append(f"extra estimate {e.count}: {e.sentence[:70]}")
    gold_q = gold.get("quotes") or []
    counts.gold_quotes = len(gold_q)
    counts.pred_quotes = len(facts.quotes)
    pairs = []
    for gi, g in enumerate(gold_q):
        for pi, q in enumerate(facts.quotes):
            ok, score = quote_overlap(g.get("text") or "", q.text)
            if ok:
                pairs.append((score, gi, pi))
    pairs.sort(reverse=True)
    got_g: set[int] = set()
    got_p: set[int] = set()
    for _, gi, pi in pairs:
        if gi in got_g or pi in got_p:
            continue
        got_g.add(gi)
        got_p.add(pi)
        counts.matched_quotes += 1
        q, g = facts.quotes[pi], gold_q[gi]
        if name_ok(q.speaker, g.get("speaker"), everyone):
            counts.speaker_right += 1
        else:
            misses.append(f"speaker {q.speaker!r} not in {g.get('speaker')}: {q.text[:50]}")
    for gi, g in enumerate(gold_q):
        if gi not in got_g:
            misses.append(f"missed quote ({g.get('kind')}): {(g.get('text') or '')[:70]}")
    for pi, q in enumerate(facts.quotes):
        if pi not in got_p:
            misses.append(f"extra quote ({q.kind}, {q.speaker}): {q.text[:70]}")
    _score_denials(gold.get("denials") or [], facts.denials, counts, misses, everyone)
    return counts, misses


def _score_denials(gold_den: list[dict], predicted, counts: Counts, misses: list[str],
                   everyone: list[list[str]]) -> None:
    counts.gold_denials = len(gold_den)
    counts.pred_denials = len(predicted)
    pairs, extra = _match_in_sentence(gold_den, predicted,
                                      lambda g, d: d.force == g.get("force"))
    for g, d in pairs:
        if d is None:
            misses.append(f"missed denial ({g.get('force')}): {(g.get('sentence') or '')[:70]}")
            continue
        counts.matched_denials += 1
        if name_ok(d.denied_by, g.get("denied_by"), everyone):
            counts.denier_right += 1
        else:
            misses.append(f"denier {d.denied_by!r} not in {g.get('denied_by')}: "
                          f"{d.sentence[:50]}")
    for d in extra:
        misses.append(f"extra denial ({d.force}, {d.denied_by}): {d.sentence[:70]}")


def _match_in_sentence(gold_items: list[dict], predicted, agrees):
    """Pair each gold item, in order, with the first unused prediction that `agrees` with it
    and whose sentence contains the gold `sentence` snippet (or lies inside it), else None.
    Returns the pairs and the predictions left unpaired."""
    used: set[int] = set()
    pairs = []
    for g in gold_items:
        snippet = _norm_ws(g.get("sentence") or "")
        found = None
        for i, p in enumerate(predicted):
            if i in used or not agrees(g, p):
                continue
            sent = _norm_ws(p.sentence)
            if snippet in sent or (sent and sent in snippet):
                used.add(i)
                found = p
                break
        pairs.append((g, found))
    return pairs, [p for i, p in enumerate(predicted) if i not in used]


def evaluate(gold_dir: Path, extractor, splits: tuple[str, ...] | None = None) -> EvalReport:
    """Run `extractor` over every gold article of `splits` (default: all) and score it."""
    gold_dir = Path(gold_dir)
    entries = []
    for split, path in _gold_files(gold_dir, splits):
        gold = json.loads(path.read_text(encoding="utf-8"))
        document = read_source(str(_article_path(gold_dir, path, gold)))
        published = document.published
        if gold.get("published"):
            published = date.fromisoformat(gold["published"])
        entries.append((split, path, gold, document.text, published, document.outlet))
    results: list[ArticleResult] = []
    facts_iter = extractor.extract_many(entry[3:] for entry in entries)
    for (split, path, gold, *_), facts in zip(entries, facts_iter, strict=True):
        counts, misses = _score(gold, facts)
        results.append(ArticleResult(path.stem, gold.get("split") or split, counts, misses))
    total = Counts()
    per_split: dict[str, Counts] = {}
    for result in results:
        total.add(result.counts)
        per_split.setdefault(result.split, Counts()).add(result.counts)
    return EvalReport(
        articles=results, overall=total.metrics(),
        by_split={k: v.metrics() for k, v in per_split.items()}, counts=total,
        by_group=group_counts(results, load_groups(gold_dir)))


_COLUMNS = (("estimate_precision", "est P"), ("estimate_recall", "est R"),
            ("estimate_f1", "est F1"), ("claimant_accuracy", "claim"),
            ("quote_precision", "quo P"), ("quote_recall", "quo R"),
            ("speaker_accuracy", "spkr"), ("denial_precision", "den P"),
            ("denial_recall", "den R"), ("denier_accuracy", "denier"))


def format_report(report: EvalReport, per_article_splits: tuple[str, ...] = ("seed", "dev")
                  ) -> str:
    """A plain-text table: one row per article (held-out articles only in aggregate), one
    per split, one per group of the gold set's groups.json, and the overall row."""
    width = max([len(a.name) for a in report.articles] + [20])
    head = f"{'article':<{width}}  {'split':<8}" + "".join(f"{c:>8}" for _, c in _COLUMNS)
    lines = [head, "-" * len(head)]
    for article in report.articles:
        if article.split not in per_article_splits:
            continue
        metrics = article.counts.metrics()
        lines.append(f"{article.name:<{width}}  {article.split:<8}"
                     + "".join(f"{metrics[k]:>8.2f}" for k, _ in _COLUMNS))
    lines.append("-" * len(head))
    for split, metrics in report.by_split.items():
        lines.append(f"{'split ' + split:<{width}}  {split:<8}"
                     + "".join(f"{metrics[k]:>8.2f}" for k, _ in _COLUMNS))
    for name, counts in report.by_group.items():
        metrics = counts.metrics()
        lines.append(f"{'group ' + name:<{width}}  {'group':<8}"
                     + "".join(f"{metrics[k]:>8.2f}" for k, _ in _COLUMNS)
                     + f"   speaker {counts.speaker_right}/{counts.matched_quotes}")
    lines.append(f"{'overall':<{width}}  {'all':<8}"
                 + "".join(f"{report.overall[k]:>8.2f}" for k, _ in _COLUMNS))
    c = report.counts
    lines.append(f"estimates: {c.matched_estimates} matched of {c.gold_estimates} gold, "
                 f"{c.pred_estimates} predicted; quotes: {c.matched_quotes} matched of "
                 f"{c.gold_quotes} gold, {c.pred_quotes} predicted; denials: "
                 f"{c.matched_denials} matched of {c.gold_denials} gold, {c.pred_denials} "
                 f"predicted")
    return "\n".join(lines)
