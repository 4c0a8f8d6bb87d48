"""A local prompt that answers as the bot would in Slack, rendered as text.

Type `/troops`, `/whosaid rutte`, a question, `more` for the next page, or `quit`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from bot.answers.router import answer_request
from bot.answers.types import MoreButton
from bot.render.text import render_text

WELCOME = ("sitrep console — type /troops, /whosaid rutte, /summary Kursk, /sitrep sources, "
           "a question, `more` for the next page, or `quit` (Ctrl-D) to leave.")
QUIT = frozenset({"quit", "exit", ":q", "/quit", "/exit", "bye"})
PROMPT = "sitrep> "


def run_console(sessions: sessionmaker[Session], *, read: Callable[[str], str] = input,
                write: Callable[[str], None] = print, overview: bool = False) -> int:
    """Read lines until quit, end of input or Ctrl-C; answer each. Returns the exit code.

    With `overview`, start by showing what the database holds (`/sitrep sources`), so the
    bot is seen working even before anyone types.
    """
    _enable_readline(read)
    write(WELCOME)
    if overview:
        with sessions() as session:
            write(render_text(answer_request("/sitrep sources", session)).rstrip("\n"))
    more: MoreButton | None = None
    while True:
        try:
            line = read(PROMPT)
        except (EOFError, KeyboardInterrupt):
            write("")
            break
        text = line.strip()
        if not text:
            continue
        if text.lower() in QUIT:
            break
        offset = 0
        if text.lower() in ("more", "next", "/more"):
            if more is None:
                write("Nothing more to show.")
                continue
            text, offset = more.request, more.offset
        try:
            with sessions() as session:
                answer = answer_request(text, session, offset=offset)
        except KeyboardInterrupt:
            write("(interrupted)")
            continue
        more = answer.more
        rendered = render_text(answer).rstrip("\n")
        if more is not None:
            rendered = rendered.rsplit("\nMore:", 1)[0] + "\n(type `more` for the next page)"
        write(rendered)
    write("Bye.")
    return 0


def _enable_readline(read: Callable) -> None:
    """Line editing and history when reading from a terminal with the built-in input()."""
    if read is not input:
        return
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401
