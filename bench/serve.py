"""End to end through Slack's HTTP path: `sitrep serve --http` as a subprocess pointed at the
Slack emulator (tests/slack_emulator.py); signed slash commands over loopback; the time from
sending a command to the emulator receiving the answer at its response_url. Also the peak RSS
(VmHWM) of the bot after start and after N answers, and a burst of concurrent commands.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.ingest import sitrep_argv
from bench.latency import percentiles

REPO = Path(__file__).resolve().parents[1]
SECRET = "bench-secret"
BOT_TOKEN = "xoxb-bench"

COMMANDS: dict[str, list[tuple[str, str]]] = {
    "/troops": [("/troops", ""), ("/troops", "since 30d"), ("/troops", "Iran")],
    "/whosaid person": [("/whosaid", "Rutte"), ("/whosaid", "zelensky"),
                        ("/whosaid", "Kyrylo Budanov"), ("/whosaid", "Peskov")],
    "/whosaid topic": [("/whosaid", "cannon fodder"), ("/whosaid", "fake news"),
                       ("/whosaid", "sanctions")],
    "/summary topic": [("/summary", "Kursk"), ("/summary", "Vladivostok"),
                       ("/summary", "interpreters")],
}


def _emulator_module():
    tests = str(REPO / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    import slack_emulator

    return slack_emulator


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vm_status(pid: int) -> dict[str, float]:
    """VmHWM (peak RSS) and VmRSS of a process, in MB."""
    found = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                found[key] = int(value.split()[0]) / 1024
    return found


class Bot:
    """`sitrep serve --http --port P` with its output drained in a thread."""

    def __init__(self, database_url: str, emulator, workdir: Path, threads: int | None = None):
        self.port = _free_port()
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("SLACK_", "DIGEST_", "DATABASE_URL"))}
        env.update({"DATABASE_URL": database_url, "SLACK_API_URL": emulator.base_url,
                    "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SECRET,
                    "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1",
                    "PYTHONPATH": str(REPO)})
        args = ["serve", "--http", "--port", str(self.port)]
        if threads:
            args += ["--threads", str(threads)]
        workdir.mkdir(parents=True, exist_ok=True)
        self.lines: list[str] = []
        self.proc = subprocess.Popen(sitrep_argv(*args), env=env, cwd=workdir,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._drain, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.port}/slack/events"

    def _drain(self) -> None:
        for line in self.proc.stdout:
            if len(self.lines) < 2000:
                self.lines.append(line.rstrip())

    def wait_ready(self, timeout: float = 90.0) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError("sitrep serve exited: " + "\n".join(self.lines[-20:]))
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz",
                                            timeout=2) as response:
                    if response.status == 200:
                        return time.monotonic() - started
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("sitrep serve did not answer /healthz in time")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def _send(emu_mod, emulator, bot: Bot, command: str, text_: str) -> tuple[str, float, int, float]:
    """Signed slash command; returns (response_url, sent_at, status, ack seconds)."""
    response_url = emulator.new_response_url()
    body = emu_mod.slash_command_body(command, text_, response_url)
    sent = time.time()
    status, _ = emu_mod.post_signed(bot.url, body, SECRET, timeout=30)
    return response_url, sent, status, time.time() - sent


def run(database_url: str, workdir: Path, sequential: int = 60, memory_answers: int = 1000,
        concurrent: int = 500, log=print) -> dict:
    emu_mod = _emulator_module()
    result: dict = {"database": database_url.split(":", 1)[0]}
    with emu_mod.SlackEmulator() as emulator:
        bot = Bot(database_url, emulator, workdir)
        try:
            result["startup_s"] = bot.wait_ready()
            result["rss_after_start_mb"] = vm_status(bot.proc.pid)["VmHWM"]
            kinds = list(COMMANDS)
            answered = 0
            # warm-up: every command once
            for kind in kinds:
                for command, text_ in COMMANDS[kind]:
                    url, *_ = _send(emu_mod, emulator, bot, command, text_)
                    emulator.wait_for_response(id=url, timeout=120)
                    answered += 1
            e2e: dict[str, list[float]] = {k: [] for k in kinds}
            acks: list[float] = []
            for i in range(sequential):
                kind = kinds[i % len(kinds)]
                command, text_ = COMMANDS[kind][(i // len(kinds)) % len(COMMANDS[kind])]
                url, sent, status, ack = _send(emu_mod, emulator, bot, command, text_)
                acks.append(ack * 1000)
                [response] = emulator.wait_for_response(id=url, timeout=120)
                e2e[kind].append((response.time - sent) * 1000)
                answered += 1
            result["e2e_ms"] = {k: percentiles(v) for k, v in e2e.items()}
            result["e2e_all_ms"] = percentiles([x for v in e2e.values() for x in v])
            result["ack_ms"] = percentiles(acks)
            if sequential:
                log(f"  e2e {result['database']}: p95 {result['e2e_all_ms']['p95']:.0f} ms over "
                    f"{sequential} commands")

            # memory: keep answering (sequentially) up to `memory_answers`
            started = time.monotonic()
            flat = [c for k in kinds for c in COMMANDS[k]]
            while answered < memory_answers and time.monotonic() - started < 900:
                command, text_ = flat[answered % len(flat)]
                url, *_ = _send(emu_mod, emulator, bot, command, text_)
                emulator.wait_for_response(id=url, timeout=120)
                answered += 1
            status = vm_status(bot.proc.pid)
            result["answers_for_memory"] = answered
            result["rss_peak_mb"] = status["VmHWM"]
            result["rss_now_mb"] = status["VmRSS"]
            log(f"  memory: VmHWM {result['rss_after_start_mb']:.0f} MB after start, "
                f"{status['VmHWM']:.0f} MB after {answered} answers")

            # load: a burst of concurrent commands to one HTTP worker process
            if concurrent:
                result["load"] = _burst(emu_mod, emulator, bot, flat, concurrent)
                log(f"  load: {concurrent} concurrent: {result['load']['acked_in_3s']} acked "
                    f"in 3 s, {result['load']['answered']} answered, last answer after "
                    f"{result['load']['last_answer_s']:.1f} s")
                result["rss_peak_after_load_mb"] = vm_status(bot.proc.pid)["VmHWM"]
        finally:
            bot.stop()
    return result


def _burst(emu_mod, emulator, bot: Bot, flat: list[tuple[str, str]], n: int) -> dict:
    """`n` slash commands at once: one client thread each, released together."""
    before = len(emulator.responses())
    barrier = threading.Barrier(n, timeout=60)
    started = time.time()

    def one(i: int):
        command, text_ = flat[i % len(flat)]
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()
        try:
            return _send(emu_mod, emulator, bot, command, text_)
        except OSError as exc:
            return None, time.time(), 0, 99.0 if exc else 0.0

    with ThreadPoolExecutor(max_workers=n) as pool:
        sent = list(pool.map(one, range(n)))
    urls = {url for url, *_ in sent if url}
    acked_3s = sum(1 for _, _, status, ack in sent if status == 200 and ack <= 3.0)
    deadline = time.monotonic() + max(180.0, n * 2.0)
    while time.monotonic() < deadline:
        got = {r.id for r in emulator.responses()[before:]}
        if all(emulator.response_id(u) in got for u in urls):
            break
        time.sleep(0.25)
    responses = [r for r in emulator.responses()[before:]
                 if r.id in {emulator.response_id(u) for u in urls}]
    ack_ms = [ack * 1000 for _, _, status, ack in sent if status == 200]
    return {"sent": n, "acked": sum(1 for s in sent if s[2] == 200), "acked_in_3s": acked_3s,
            "ack_ms": percentiles(ack_ms),
            "answered": len({r.id for r in responses}),
            "last_answer_s": (max(r.time for r in responses) - started) if responses else None}
