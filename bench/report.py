"""The one results table (rich, and Markdown for docs/bench.md)."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table

COLUMNS = ("what", "size", "database", "p50 / value", "p95", "p99", "target", "ok")


def _ms(value) -> str:
    return "" if value is None else f"{value:,.0f} ms"


def _ok(passed: bool | None) -> str:
    return "" if passed is None else ("yes" if passed else "NO")


JUDGE_INGEST_FROM = 500    # articles: below this the ingest rows carry no yes/no (--full: 1,000)


def rows(results: dict) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    ing = results.get("ingest")
    if ing:
        n = f"{ing['articles']:,} art. / {ing['words']:,} words"
        # a few dozen articles are mostly the CLI's start-up (model load): no verdict on those
        judged = ing["articles"] >= JUDGE_INGEST_FROM
        out.append(("ingest: raw spaCy nlp.pipe, 1 process", n, "-",
                    f"{ing['raw_wps']:,.0f} words/s", "", "", "", ""))
        if ing.get("raw2_wps"):
            out.append(("ingest: raw spaCy nlp.pipe, n_process=2", n, "-",
                        f"{ing['raw2_wps']:,.0f} words/s", "", "", "", ""))
        for w in (1, 2):
            if f"ingest{w}_wps" not in ing:
                continue
            ratio = ing[f"ingest{w}_ratio"]
            steady = ing[f"ingest{w}_steady_ratio"]
            value = (f"{ing[f'ingest{w}_wps']:,.0f} words/s = {ratio:.2f}x raw "
                     f"({steady:.2f}x without {ing[f'ingest{w}_startup_s']:.1f} s start-up")
            if w == 1 and ing.get("ingest1_cpu_ratio"):
                value += f"; {ing['ingest1_cpu_ratio']:.2f}x in CPU time"
            value += ")"
            target, passed = ("", None)
            if w == 1:
                target, passed = ">= 0.9x raw", ratio >= 0.9 if judged else None
            out.append((f"ingest: sitrep ingest --workers {w}", n, ing["database"], value, "",
                        "", target, _ok(passed)))
        if "speedup_2_over_1" in ing:
            s = ing["speedup_2_over_1"]
            out.append(("ingest: 2 processes over 1", n, ing["database"],
                        f"{s:.2f}x ({ing['steady_speedup_2_over_1']:.2f}x without start-up)",
                        "", "", ">= 1.6x", _ok(s >= 1.6 if judged else None)))
    pr = results.get("ingest_paired")
    if pr:
        out.append((f"ingest in process, paired with raw (median of {pr['pairs']} pairs)",
                    f"{pr['articles']:,} art. / {pr['words']:,} words", "sqlite",
                    f"{pr['median_ratio']:.2f}x raw (pairs {min(pr['ratios']):.2f}-"
                    f"{max(pr['ratios']):.2f}x)", "", "", "", ""))
    bd = results.get("ingest_breakdown")
    if bd:
        comps = ", ".join(f"{k} {v:.1f}" for k, v in bd["components_s"].items())
        out.append(("ingest breakdown (s): " + comps, f"{bd['articles']:,} art.", "sqlite",
                    f"ingest work without extraction {bd['ingest_without_extraction_s']:.1f} s",
                    "", "", "", ""))
    for db, by_size in (results.get("latency") or {}).items():
        for size, kinds in sorted(by_size.items(), key=lambda item: int(item[0])):
            for kind, p in kinds.items():
                if not p.get("n"):
                    continue
                out.append((f"answer {kind} (in process, n={p['n']})", f"{int(size):,}", db,
                            _ms(p["p50"]), _ms(p["p95"]), _ms(p["p99"]), "", ""))
    for s in (results.get("serve") or {}).values():
        db, size = s["database"], f"{s['articles']:,}"
        if (s.get("e2e_all_ms") or {}).get("n"):
            p = s["e2e_all_ms"]
            out.append((f"end to end, all commands (n={p['n']})", size, db, _ms(p["p50"]),
                        _ms(p["p95"]), _ms(p["p99"]), "p95 <= 150 ms", _ok(p["p95"] <= 150)))
            for kind, p in s["e2e_ms"].items():
                out.append((f"end to end {kind} (n={p['n']})", size, db, _ms(p["p50"]),
                            _ms(p["p95"]), _ms(p["p99"]), "", ""))
            a = s["ack_ms"]
            out.append(("HTTP ack of a slash command", size, db, _ms(a["p50"]), _ms(a["p95"]),
                        _ms(a["p99"]), "< 3 s", _ok(a["max"] < 3000)))
        if s.get("answers_for_memory"):
            out.append(("serve peak RSS (VmHWM) after start", size, db,
                        f"{s['rss_after_start_mb']:.0f} MB", "", "", "<= 350 MB",
                        _ok(s["rss_after_start_mb"] <= 350)))
            out.append((f"serve peak RSS after {s['answers_for_memory']} answers", size, db,
                        f"{s['rss_peak_mb']:.0f} MB", "", "", "<= 350 MB",
                        _ok(s["rss_peak_mb"] <= 350)))
        load = s.get("load")
        if load:
            ok = load["acked_in_3s"] == load["sent"] and load["answered"] == load["sent"]
            last = load["last_answer_s"]
            out.append((f"load: {load['sent']} concurrent slash commands", size, db,
                        f"{load['acked_in_3s']} acked in 3 s, {load['answered']} answered"
                        + (f", last after {last:.0f} s" if last is not None else ""),
                        _ms(load["ack_ms"].get("p95")), _ms(load["ack_ms"].get("max")),
                        "all acked < 3 s and answered", _ok(ok)))
            if "rss_peak_after_load_mb" in s:
                out.append(("serve peak RSS after the load burst", size, db,
                            f"{s['rss_peak_after_load_mb']:.0f} MB", "", "", "<= 350 MB",
                            _ok(s["rss_peak_after_load_mb"] <= 350)))
    return out


def table(results: dict) -> Table:
    machine = results.get("machine", {})
    title = (f"sitrep bench ({results.get('mode')}) {results.get('date')} — "
             f"{machine.get('cpus')} vCPU, {machine.get('memory_gb')} GiB, load average "
             f"{machine.get('load_average_at_start', 0):.1f} -> "
             f"{machine.get('load_average_at_end', 0):.1f}")
    t = Table(title=title, show_lines=False)
    for column in COLUMNS:
        t.add_column(column, overflow="fold")
    for row in rows(results):
        t.add_row(*row)
    return t


def markdown(results: dict) -> str:
    machine = results.get("machine", {})
    lines = [
        f"Mode `{results.get('mode')}`, {results.get('date')}, seed {results.get('seed')}; "
        f"machine: {machine.get('cpus')} vCPU, {machine.get('memory_gb')} GiB, Python "
        f"{machine.get('python')}, load average {machine.get('load_average_at_start', 0):.1f} "
        f"at start and {machine.get('load_average_at_end', 0):.1f} at the end "
        f"({results.get('seconds', 0):.0f} s). The machine is shared with other engineers' "
        "work: compare medians (p50) first; p95/p99 carry its noise.",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    for row in rows(results):
        lines.append("| " + " | ".join(cell.replace("|", "/") for cell in row) + " |")
    return "\n".join(lines) + "\n"


def write_docs(results: dict, path: Path) -> None:
    """Replace the table between the markers of docs/bench.md (or start the file)."""
    begin, end = "<!-- bench:table -->", "<!-- /bench:table -->"
    block = f"{begin}\n{markdown(results)}{end}"
    if path.exists():
        current = path.read_text(encoding="utf-8")
        if begin in current and end in current:
            head, rest = current.split(begin, 1)
            _, tail = rest.split(end, 1)
            path.write_text(head + block + tail, encoding="utf-8")
            return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# Benchmark\n\n{block}\n", encoding="utf-8")
