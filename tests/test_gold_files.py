"""The gold set is well formed: every annotated string is in the article text ingest reads.

A mistyped `sentence` or quote `text` would silently count as a miss in `sitrep eval`; this test
names it instead. It reads every split (held-out included) but prints only file names and field
names, never the text of a held-out article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.sources import read_source

GOLD = Path(__file__).parent / "gold"
ROOT = Path(__file__).parent.parent
FOLDERS = {"seeds": "seed", "dev": "dev", "heldout": "heldout"}
QUALIFIERS = {"about", "at least", "up to", "more than", "fewer than", "exact", "range", "vague"}
STATUSES = {"deployed", "training", "planned", "combat", "casualties", "killed", "wounded",
            "captured", "other"}


def _gold_paths():
    for folder in FOLDERS:
        yield from sorted((GOLD / folder).glob("*.json"))


def _names_ok(value) -> bool:
    return value is None or (isinstance(value, list) and value
                             and all(isinstance(v, str) and v.strip() for v in value))


@pytest.mark.parametrize("path", list(_gold_paths()), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_file_is_well_formed(path: Path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    split = FOLDERS[path.parent.name]
    if gold.get("split") != split:
        problems.append(f"split {gold.get('split')!r} but the file is in {path.parent.name}/")
    source = ROOT / gold["source"]
    if not source.is_file():
        pytest.fail(f"{path.name}: source {gold['source']} does not exist")
    body = read_source(str(source)).text
    for i, e in enumerate(gold.get("estimates", [])):
        where = f"estimates[{i}]"
        if e.get("sentence") not in body:
            problems.append(f"{where}.sentence is not a substring of the body")
        if e.get("qualifier") not in QUALIFIERS:
            problems.append(f"{where}.qualifier {e.get('qualifier')!r}")
        if e.get("status") not in STATUSES:
            problems.append(f"{where}.status {e.get('status')!r}")
        if not isinstance(e.get("count"), int) or e["count"] <= 0:
            problems.append(f"{where}.count must be a positive integer")
        if not _names_ok(e.get("claimed_by")):
            problems.append(f"{where}.claimed_by must be null or a non-empty list of names")
    for i, q in enumerate(gold.get("quotes", [])):
        where = f"quotes[{i}]"
        if q.get("text") not in body:
            problems.append(f"{where}.text is not a substring of the body")
        if q.get("kind") not in ("direct", "reported"):
            problems.append(f"{where}.kind {q.get('kind')!r}")
        if not _names_ok(q.get("speaker")):
            problems.append(f"{where}.speaker must be null or a non-empty list of names")
    for i, d in enumerate(gold.get("denials", [])):
        where = f"denials[{i}]"
        if d.get("sentence") not in body:
            problems.append(f"{where}.sentence is not a substring of the body")
        if d.get("kind") not in ("denial", "dismissal"):
            problems.append(f"{where}.kind {d.get('kind')!r}")
    assert not problems, f"{path.parent.name}/{path.name}:\n  " + "\n  ".join(problems)


def test_every_gold_article_has_an_annotation():
    for folder in ("dev", "heldout"):
        for text in (GOLD / folder).glob("*.txt"):
            assert text.with_suffix(".json").is_file(), f"{folder}/{text.name} has no .json"
