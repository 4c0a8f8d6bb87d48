"""Answer latency: p50/p95/p99 of each answer builder, in process, on a loaded database.

Each kind of question has several texts (different speakers, topics, time windows), asked
round-robin after one warm-up pass; every call opens its own session, as a Slack request does.
"""

from __future__ import annotations

import importlib.util
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bench.corpus import DAYS, START

TODAY = START + timedelta(days=DAYS + 3)

QUESTIONS: dict[str, list[str]] = {
    "/troops": ["/troops", "/troops since 30d", "/troops Iran", "/troops since 2025-03-01"],
    "/whosaid person": ["/whosaid Rutte", "/whosaid zelensky", "/whosaid Kyrylo Budanov",
                        "/whosaid Peskov", "/whosaid Natalia Kovalenko", "/whosaid Kirby"],
    "/whosaid topic": ["/whosaid cannon fodder", "/whosaid fake news", "/whosaid drone warfare",
                       "/whosaid sanctions", "/whosaid glide bombs"],
    "/summary topic": ["/summary Kursk", "/summary Vladivostok", "/summary sanctions",
                       "/summary interpreters", "/summary satellite imagery"],
    "/summary": ["/summary", "/summary since 7d"],
}


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    if not ordered:
        return {"n": 0}

    def pick(q: float) -> float:
        # nearest rank: the value below which q of the samples fall
        index = max(0, min(len(ordered) - 1, int(round(q * len(ordered) + 0.5)) - 1))
        return ordered[index]

    return {"n": len(ordered), "p50": pick(0.50), "p95": pick(0.95), "p99": pick(0.99),
            "max": ordered[-1], "mean": statistics.fmean(ordered)}


def _answer_fn(text: str) -> Callable[[Session], object]:
    from bot.answers.router import answer_request

    def run(session: Session):
        return answer_request(text, session, today=TODAY)

    return run


def digest_available() -> bool:
    return importlib.util.find_spec("bot.digest.builder") is not None


def _digest_fn(day: date) -> Callable[[Session], object]:
    from bot.digest.builder import build_digest

    since = datetime.combine(day, datetime.min.time(), tzinfo=UTC)

    def run(session: Session):
        return build_digest(session, "C0BENCH", since, since + timedelta(days=1))

    return run


def workloads(with_digest: bool = True) -> dict[str, list[Callable[[Session], object]]]:
    loads = {kind: [_answer_fn(t) for t in texts] for kind, texts in QUESTIONS.items()}
    if with_digest and digest_available():
        days = [START + timedelta(days=d) for d in (20, 75, 130, 190, 250)]
        loads["digest"] = [_digest_fn(d) for d in days]
    return loads


def measure(engine: Engine, calls: int, kinds: list[str] | None = None,
            budget_s: float | None = None) -> dict[str, dict]:
    """{kind: percentiles} over `calls` calls of each kind (fewer if `budget_s` runs out)."""
    sessions = sessionmaker(engine, expire_on_commit=False)
    results: dict[str, dict] = {}
    for kind, fns in workloads().items():
        if kinds and kind not in kinds:
            continue
        with sessions() as session:             # warm-up: caches, statement compilation
            fns[0](session)
        samples: list[float] = []
        started = time.perf_counter()
        for i in range(calls):
            fn = fns[i % len(fns)]
            t0 = time.perf_counter()
            with sessions() as session:
                fn(session)
            samples.append((time.perf_counter() - t0) * 1000)
            if budget_s is not None and time.perf_counter() - started > budget_s and i >= 4:
                break
        results[kind] = percentiles(samples)
    return results
