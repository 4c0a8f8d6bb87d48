"""What every command shares: the runtime, and turning known failures into one clear line."""

from __future__ import annotations

from functools import cached_property

import click

from bot.extraction.model import ModelMissingError
from bot.runtime import Runtime
from bot.settings import Settings
from bot.storage.db import DatabaseUnavailable


class CliContext:
    def __init__(self, settings: Settings):
        self.settings = settings

    @cached_property
    def runtime(self) -> Runtime:
        return Runtime(self.settings)

    def sessions(self):
        """Sessions on an upgraded database, or exit with one line saying why not."""
        try:
            return self.runtime.sessions     # upgrade() checks the connection first
        except DatabaseUnavailable as exc:
            fail(str(exc))

    def close(self) -> None:
        if "runtime" in self.__dict__:
            self.runtime.close()


def fail(message: str, code: int = 1) -> None:
    click.echo(f"sitrep: {message}", err=True)
    raise SystemExit(code)


def load_extractor():
    from bot.extraction import Extractor

    try:
        return Extractor()
    except ModelMissingError as exc:
        fail(str(exc))


pass_context = click.make_pass_decorator(CliContext)
