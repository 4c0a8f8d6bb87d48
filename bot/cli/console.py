"""`sitrep console`: a local prompt that answers as the bot would, rendered as text."""

from __future__ import annotations

import click

from bot.cli.common import pass_context


@click.command("console")
@pass_context
def command(ctx) -> None:
    """A local prompt: type /troops, /whosaid rutte or a question; `quit` or Ctrl-D leaves."""
    from bot.console import run_console

    sessions = ctx.sessions()
    raise SystemExit(run_console(sessions, read=input, write=click.echo))

