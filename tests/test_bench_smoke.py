"""The benchmark's corpus is deterministic and the bench runs end to end in a tiny mode.
No timing is asserted here: figures depend on the machine (see docs/bench.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/ is not installed

from bench import report  # noqa: E402
from bench.__main__ import main  # noqa: E402
from bench.corpus import Corpus  # noqa: E402
from bench.load import RowBuilder  # noqa: E402


def test_bench_corpus_is_deterministic_and_prefix_stable():
    first = [a.text for a in Corpus(7).articles(40)]
    again = [a.text for a in Corpus(7).articles(40)]
    assert first == again
    assert [a.text for a in Corpus(7).articles(40, start=25)] == first[25:]
    assert [a.text for a in Corpus(8).articles(40)] != first
    assert len(set(first)) == 40


def test_bench_corpus_looks_like_ingest_output():
    articles = list(Corpus(1).articles(300))
    copies = [a for a in articles if a.copy_of is not None]
    originals = [a for a in articles if a.copy_of is None]
    assert copies and all(not a.facts for a in copies)
    assert all(a.copy_of < a.index and articles[a.copy_of].copy_of is None for a in copies)
    assert 250 < sum(a.words for a in articles) / len(articles) < 550
    kinds = {f.kind for a in originals for f in a.facts}
    assert kinds == {"estimate", "quote", "denial"}
    for article in originals[:50]:
        for fact in article.facts:
            assert fact.values["sentence"] in article.text
            span = article.text[fact.values["start"]:fact.values["end"]]
            assert span and span in fact.values["sentence"]
        for _name, _label, _aliases, _role, spans in article.entities:
            assert all(0 <= s < e <= len(article.text) for s, e in spans)
    chunk = RowBuilder().chunk(articles[:50])
    assert chunk.count() > 50


def test_bench_tiny_run_writes_results(tmp_path):
    output = tmp_path / "latest.json"
    assert main(["--tiny", "--only", "latency", "--no-postgres", "--workdir",
                 str(tmp_path / "work"), "--output", str(output)]) == 0
    results = json.loads(output.read_text())
    kinds = results["latency"]["sqlite"]["60"]
    assert {"/troops", "/whosaid person", "/whosaid topic", "/summary topic"} <= set(kinds)
    assert all(p["n"] >= 1 for p in kinds.values())
    table = report.markdown(results)
    assert "answer /troops" in table
