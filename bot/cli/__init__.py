"""The `sitrep` command line: one click group, one module per command."""

from __future__ import annotations

import logging
import sys

import click

from bot import __version__
from bot.cli.common import CliContext
from bot.settings import SettingsError, load_settings


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="sitrep")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """sitrep: reads news articles, extracts troop estimates and quotes with their sources,
    and answers analysts in Slack (or in a local console).

    Settings come from the environment and from `.env` in the working directory
    (see .env.example). Every fact sitrep shows cites the article it came from.
    """
    try:
        settings = load_settings()
    except SettingsError as exc:
        click.echo(f"sitrep: {exc}", err=True)
        ctx.exit(2)
    logging.basicConfig(level=settings.log_level, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(max(logging.WARNING, logging.getLevelName(settings.log_level)))
    ctx.obj = CliContext(settings)
    ctx.call_on_close(ctx.obj.close)


def _register() -> None:
    from bot.cli import db, eval_cmd, extract, ingest

    for module in (ingest, extract, eval_cmd, db):
        cli.add_command(module.command)
    for name in ("ask", "console", "serve", "digest"):
        try:
            module = __import__(f"bot.cli.{name}", fromlist=["command"])
        except ModuleNotFoundError as exc:
            if exc.name != f"bot.cli.{name}":
                raise
            continue
        cli.add_command(module.command)


_register()


def main() -> None:
    cli(prog_name="sitrep")
