"""`python -m bench --quick` (under 2 minutes) or `python -m bench --full` (about half an hour).

Prints one table and writes bench/results/latest.json (and, with --docs, docs/bench.md).
PostgreSQL databases are created as sitrep_bench_<pid>_<db> on the server of
SITREP_BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres) and dropped
at the end; without a reachable server the PostgreSQL rows are skipped and said so.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console

from bench import ingest, latency, load, report, serve
from bench.corpus import Corpus

RESULTS = Path(__file__).parent / "results"
POSTGRES_URL = os.environ.get("SITREP_BENCH_POSTGRES_URL",
                              "postgresql://postgres@127.0.0.1:5432/postgres")


@dataclass(frozen=True)
class Mode:
    name: str
    ingest_articles: int
    breakdown_articles: int
    sizes: tuple[int, ...]
    calls: int                  # answer calls per kind and size
    budget_s: float             # seconds per kind and size, at most
    e2e_size: int
    e2e_sequential: int
    memory_answers: int
    concurrent: int
    load_size: int


MODES = {
    "tiny": Mode("tiny", 4, 0, (60,), 3, 5, 60, 4, 10, 5, 60),
    # quick stays under two minutes on a slow 2-vCPU machine: one size, 1,000 articles
    "quick": Mode("quick", 30, 0, (1_000,), 10, 1.5, 1_000, 12, 40, 100, 1_000),
    "full": Mode("full", 1_000, 150, (1_000, 10_000, 100_000), 40, 25, 100_000, 60, 1_000,
                 500, 100_000),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quick", action="store_const", dest="mode", const="quick")
    group.add_argument("--full", action="store_const", dest="mode", const="full")
    group.add_argument("--tiny", action="store_const", dest="mode", const="tiny",
                       help="seconds-long smoke run (tests)")
    parser.add_argument("--only", action="append", choices=["ingest", "latency", "serve"],
                        help="run only these sections (repeatable)")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    parser.add_argument("--docs", action="store_true", help="also write docs/bench.md")
    parser.add_argument("--sizes", type=lambda v: tuple(int(x) for x in v.split(",")),
                        help="answer-latency corpus sizes, e.g. 1000,10000,100000")
    parser.add_argument("--budget", type=float, help="seconds per answer kind and size")
    args = parser.parse_args(argv)
    mode = MODES[args.mode or "quick"]
    if args.sizes:
        mode = replace(mode, sizes=args.sizes)
    if args.budget:
        mode = replace(mode, budget_s=args.budget)
    sections = set(args.only or ["ingest", "latency", "serve"])
    console = Console(width=None if os.isatty(1) else 180)
    log = console.print if console.is_terminal else (lambda *a: print(*a, flush=True))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    results: dict = {
        "mode": mode.name, "seed": args.seed,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(),
                    "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
                                       / 2**30, 1),
                    "load_average_at_start": os.getloadavg()[0]},
    }
    pg_databases: list[str] = []
    try:
        if "ingest" in sections:
            log(f"[bold]ingest[/bold] ({mode.ingest_articles} articles)")
            results["ingest"] = ingest.run(workdir, mode.ingest_articles, args.seed, log=log)
            if mode.breakdown_articles:
                results["ingest_breakdown"] = ingest.breakdown(
                    workdir, mode.breakdown_articles, args.seed, log=log)
                results["ingest_paired"] = ingest.paired(
                    workdir, mode.breakdown_articles, seed=args.seed + 1, log=log)
        if sections & {"latency", "serve"}:
            databases = {"sqlite": f"sqlite:///{workdir / 'latency.db'}"}
            if not args.no_postgres:
                url = _postgres_database(f"sitrep_bench_{os.getpid()}", log)
                if url:
                    databases["postgresql"] = url
                    pg_databases.append(url)
                else:
                    results["postgresql_skipped"] = True
            results["latency"], results["serve"] = _latency_and_serve(
                mode, sections, databases, workdir, args.seed, log)
    finally:
        for url in pg_databases:
            _drop_postgres_database(url)
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    results["seconds"] = time.monotonic() - started
    results["machine"]["load_average_at_end"] = os.getloadavg()[0]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    console.print(report.table(results))
    console.print(f"results: {args.output} ({results['seconds']:.0f} s)")
    if args.docs:
        docs = Path(__file__).resolve().parents[1] / "docs" / "bench.md"
        report.write_docs(results, docs)
        console.print(f"table written to {docs}")
    return 0


def _latency_and_serve(mode: Mode, sections: set[str], databases: dict[str, str],
                       workdir: Path, seed: int, log) -> tuple[dict, dict]:
    import multiprocessing

    from bot.storage.db import make_engine, upgrade

    engines = {}
    for name, url in databases.items():
        engine = make_engine(url)
        upgrade(engine)
        engines[name] = engine
    corpus = Corpus(seed)
    builder = load.RowBuilder()
    latency_results: dict = {name: {} for name in engines}
    serve_results: dict = {}
    loaded = 0
    sizes = sorted(set(mode.sizes) | {mode.e2e_size, mode.load_size})
    with multiprocessing.get_context("fork").Pool(2) as pool:
        for size in sizes:
            started = time.monotonic()
            for at in range(loaded, size, 2000):
                chunk = builder.chunk(corpus.articles(min(size, at + 2000), at), pool)
                for engine in engines.values():
                    load.insert_chunk(engine, chunk)
            loaded = size
            for engine in engines.values():
                load.finish(engine)
            log(f"[bold]loaded {size:,} articles[/bold] into {', '.join(engines)} "
                f"({time.monotonic() - started:.0f} s)")
            for name, engine in engines.items():
                if "latency" in sections and size in mode.sizes:
                    latency_results[name][size] = latency.measure(
                        engine, mode.calls, budget_s=mode.budget_s)
                    worst = max(v.get("p95", 0) for v in latency_results[name][size].values())
                    log(f"  answers on {name} at {size:,}: worst p95 {worst:.0f} ms")
                if "serve" in sections and size in (mode.e2e_size, mode.load_size):
                    engine.dispose()
                    key = f"{name}@{size}"
                    serve_results[key] = serve.run(
                        databases[name], workdir / f"serve-{name}",
                        sequential=mode.e2e_sequential if size == mode.e2e_size else 0,
                        memory_answers=mode.memory_answers if size == mode.e2e_size else 0,
                        concurrent=mode.concurrent if size == mode.load_size else 0,
                        log=log)
                    serve_results[key]["articles"] = size
    for engine in engines.values():
        engine.dispose()
    return latency_results, serve_results


def _postgres_database(name: str, log) -> str | None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    try:
        admin = create_engine(make_url(POSTGRES_URL).set(drivername="postgresql+psycopg"),
                              isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
    except Exception as exc:   # no server: the PostgreSQL rows are skipped
        log(f"PostgreSQL not available at {POSTGRES_URL} ({str(exc).splitlines()[0][:100]}); "
            "skipping it")
        return None
    return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)


def _drop_postgres_database(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    admin = create_engine(make_url(POSTGRES_URL).set(drivername="postgresql+psycopg"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
