"""`sitrep db`: create or upgrade the schema, show its revision."""

from __future__ import annotations

import click

from bot.cli.common import CliContext, fail, pass_context
from bot.storage.db import (
    DatabaseUnavailable,
    check_connection,
    current_revision,
    describe,
    head_revision,
    upgrade,
)


@click.group("db")
def command() -> None:
    """Manage the facts database (DATABASE_URL)."""


@command.command("upgrade")
@pass_context
def upgrade_cmd(ctx: CliContext) -> None:
    """Create the schema or upgrade it to the newest revision."""
    engine = ctx.runtime.engine
    try:
        upgrade(engine)
    except DatabaseUnavailable as exc:
        fail(str(exc))
    click.echo(f"{describe(engine)} is at revision {current_revision(engine)}")


@command.command("current")
@pass_context
def current_cmd(ctx: CliContext) -> None:
    """Print the schema revision of the database and the newest one."""
    engine = ctx.runtime.engine
    try:
        check_connection(engine)
    except DatabaseUnavailable as exc:
        fail(str(exc))
    click.echo(f"database: {current_revision(engine)}  newest: {head_revision(engine)}")
