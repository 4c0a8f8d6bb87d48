"""`sitrep console`: a local prompt that answers as the bot would, rendered as text."""

from __future__ import annotations

import click

from bot.cli.common import pass_context


@click.command("console")
@click.option("--overview/--no-overview", default=True, show_default=True,
              help="Start by showing what the database holds (/sitrep sources).")
@pass_context
def command(ctx, overview: bool) -> None:
    """A local prompt: type /troops, /whosaid rutte or a question; `quit` or Ctrl-D leaves."""
    from bot.console import run_console

    sessions = ctx.sessions()
    raise SystemExit(run_console(sessions, read=input, write=click.echo, overview=overview))

