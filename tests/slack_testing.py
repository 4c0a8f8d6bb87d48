"""Running the real bot against the Slack emulator: in-process over real HTTP (waitress in a
thread), in Socket Mode, or as a `sitrep serve` subprocess. Every server is stopped on exit.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from slack_emulator import (
    SlackEmulator,
    block_action_body,
    event_body,
    post_signed,
    slash_command_body,
)

from bot.runtime import Runtime
from bot.settings import Settings

BOT_TOKEN = "xoxb-test"
APP_TOKEN = "xapp-test"
SECRET = "test-secret"
REPO = Path(__file__).resolve().parents[1]
FACT_LINE = re.compile(r"\d")   # a line of an answer that states a figure


def bot_settings(database_url: str, emulator: SlackEmulator, **extra) -> Settings:
    return Settings(DATABASE_URL=database_url, SLACK_API_URL=emulator.base_url,
                    SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SECRET, _env_file=None,
                    **extra)


class HttpBot:
    """The real app behind waitress on a free port of 127.0.0.1."""

    def __init__(self, settings: Settings):
        from bot.slack_app import HttpServer, build_app

        self.runtime = Runtime(settings)
        self.app = build_app(self.runtime)
        self.server = HttpServer(self.app, settings.slack_signing_secret.get_secret_value(),
                                 host="127.0.0.1", port=0, threads=4)
        self.thread = threading.Thread(target=self.server.run, name="sitrep-http", daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"{self.server.url}/slack/events"

    def post(self, body: bytes, *, secret: str = SECRET, **kwargs) -> tuple[int, str]:
        return post_signed(self.url, body, secret, **kwargs)

    def command(self, emulator: SlackEmulator, command: str, text: str, **kwargs):
        """Sends a signed slash command; returns (status, body, response_url, seconds)."""
        response_url = emulator.new_response_url()
        started = time.monotonic()
        status, body = self.post(slash_command_body(command, text, response_url, **kwargs))
        return status, body, response_url, time.monotonic() - started

    def click(self, emulator: SlackEmulator, action_id: str, value: str, **kwargs):
        response_url = emulator.new_response_url()
        status, _ = self.post(block_action_body(action_id, value, response_url, **kwargs))
        return status, response_url

    def event(self, event: dict, event_id: str | None = None, headers: dict | None = None):
        return self.post(event_body(event, event_id=event_id), headers=headers)

    def stop(self) -> None:
        self.server.stop()
        self.thread.join(timeout=5)
        # let lazy listeners still running finish before the database goes away
        self.app.listener_runner.listener_executor.shutdown(wait=True, cancel_futures=False)
        self.runtime.close()


@contextmanager
def http_bot(settings: Settings):
    bot = HttpBot(settings)
    try:
        yield bot
    finally:
        bot.stop()


@contextmanager
def socket_mode_bot(settings: Settings):
    """The real app connected to the emulator's WebSocket through apps.connections.open."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.slack_app import build_app

    runtime = Runtime(settings)
    app = build_app(runtime)
    handler = SocketModeHandler(app, settings.slack_app_token.get_secret_value())
    handler.connect()
    try:
        yield app
    finally:
        handler.close()
        app.listener_runner.listener_executor.shutdown(wait=True, cancel_futures=False)
        runtime.close()


def serve_env(database_url: str, emulator: SlackEmulator | None, **extra: str) -> dict[str, str]:
    """The environment of a `sitrep serve` subprocess: only the settings given here."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "DIGEST_", "DATABASE_URL"))}
    api_url = emulator.base_url if emulator is not None else "http://127.0.0.1:9/api/"
    env.update({"DATABASE_URL": database_url, "SLACK_API_URL": api_url,
                "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SECRET,
                "LOG_LEVEL": "INFO", "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


def sitrep_argv(*args: str) -> list[str]:
    """The installed `sitrep` console script (not `python -c`, which would put the working
    directory first on sys.path)."""
    script = Path(sys.executable).with_name("sitrep")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-I", "-c", "from bot.cli import main; main()", *args]


class ServeProcess:
    """`sitrep serve ...` as a subprocess; stderr is collected in a thread."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path):
        self.lines: list[str] = []
        self._cond = threading.Condition()
        self.proc = subprocess.Popen(sitrep_argv("serve", *args), env=env, cwd=cwd,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, bufsize=1)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            with self._cond:
                self.lines.append(line.rstrip("\n"))
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    def wait_for_line(self, pattern: str, timeout: float = 20.0) -> re.Match:
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for line in self.lines:
                    if match := regex.search(line):
                        return match
                remaining = deadline - time.monotonic()
                if remaining <= 0 or (self.proc.poll() is not None and not self._reader.is_alive()):
                    raise AssertionError(f"no line matching {pattern!r} from sitrep serve "
                                         f"(exit code {self.proc.poll()}):\n"
                                         + "\n".join(self.lines))
                self._cond.wait(min(remaining, 0.2))

    @property
    def output(self) -> str:
        with self._cond:
            return "\n".join(self.lines)

    def stop(self, timeout: float = 10.0) -> int:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._reader.join(timeout=5)
        return self.proc.returncode


@contextmanager
def serve_process(args: list[str], env: dict[str, str], cwd: Path):
    proc = ServeProcess(args, env, cwd)
    try:
        yield proc
    finally:
        proc.stop()


def message_text(message: dict) -> str:
    """Everything a person reads in a message: its text and every text in its blocks."""
    parts = [str(message.get("text") or "")]

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    parts.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(message.get("blocks") or [])
    return "\n".join(parts)


def button_values(message: dict) -> dict[str, str]:
    """action_id -> value of every button in a message."""
    found: dict[str, str] = {}

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "button" and node.get("action_id"):
                found[node["action_id"]] = node.get("value", "")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(message.get("blocks") or [])
    return found


# ------------------------------------------------------------------ facts and citations


def add_facts(database_url: str) -> list[str]:
    """Stores two articles with troop estimates and a quote straight through the models
    (no extraction: fast); returns the articles' titles."""
    from datetime import date

    from bot.storage.models import Article, Estimate, Quote

    runtime = Runtime(Settings(DATABASE_URL=database_url, _env_file=None))
    rows = [
        ("Seoul: 3,000 North Korean soldiers sent to Russia", "Yonhap", date(2024, 10, 23),
         3000, "South Korea's National Intelligence Service", "deployed"),
        ("Pentagon: about 10,000 North Korean troops training in eastern Russia", "AP",
         date(2024, 10, 28), 10000, "Pentagon", "training"),
    ]
    try:
        with runtime.sessions.begin() as session:
            for n, (title, outlet, day, count, claimant, status) in enumerate(rows):
                sentence = f"{claimant} said {count:,} North Korean soldiers were in Russia."
                article = Article(content_hash=f"{n:064d}", source=f"test/{n}.txt",
                                  title=title, outlet=outlet, published=day, text=sentence,
                                  word_count=len(sentence.split()),
                                  url=f"https://news.example/{n}")
                article.estimates.append(Estimate(
                    count=count, qualifier="about", status=status, force="North Korea",
                    location="Russia", claimed_by=claimant, stated_on=day, sentence=sentence,
                    start=0, end=len(sentence)))
                article.quotes.append(Quote(
                    speaker="Mark Rutte", text="North Korean troops have been sent to Russia",
                    kind="direct", sentence=sentence, start=0, end=len(sentence)))
                session.add(article)
    finally:
        runtime.close()
    return [row[0] for row in rows]


def fact_lines(message: dict) -> list[tuple[str, str]]:
    """(fact, its citation) for every fact line ("• …") of a rendered answer.

    A fact is followed by its citation: a context block after a roomy fact section, or an
    indented italic line after a packed one. A fact without one fails the test.
    """
    blocks = message.get("blocks") or []
    found = []
    for index, block in enumerate(blocks):
        if block.get("type") != "section":
            continue
        lines = ((block.get("text") or {}).get("text") or "").split("\n")
        for number, line in enumerate(lines):
            if not line.startswith("• "):
                continue
            if number + 1 < len(lines):
                citation = lines[number + 1].strip()
                assert citation.startswith("_") and citation.endswith("_"), (
                    f"fact without its citation: {line!r} then {lines[number + 1]!r}")
            else:
                following = blocks[index + 1] if index + 1 < len(blocks) else {}
                assert following.get("type") == "context", f"fact without a citation: {line!r}"
                citation = following["elements"][0]["text"]
            assert citation.strip("_ "), f"empty citation after {line!r}"
            found.append((line[2:], citation))
    return found
