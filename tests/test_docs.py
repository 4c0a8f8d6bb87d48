"""The README, .env.example and --help texts stay in step with the code."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.settings import Settings

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
ENV_EXAMPLE = (REPO / ".env.example").read_text(encoding="utf-8")
CONTRACT_COMMANDS = ("ingest", "extract", "ask", "serve", "digest", "eval")


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        names.append(f"{prefix}{name}")
        if isinstance(command, click.Group):
            names.extend(_commands(command, f"{prefix}{name} "))
    return names


def test_docs_readme_starts_with_the_two_commands():
    first_block = README.split("```", 2)[1]
    assert "make run" in first_block and "make test" in first_block


@pytest.mark.parametrize("name", _commands(cli))
def test_docs_every_command_is_in_the_readme_and_has_help(name):
    assert f"sitrep {name}" in README, f"`sitrep {name}` is not documented in README.md"
    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) >= 3


@pytest.mark.parametrize("name", CONTRACT_COMMANDS)
def test_docs_contract_commands_exist(name):
    assert name in cli.commands, f"CONTRACT.md names `sitrep {name}`"



@pytest.mark.parametrize("alias", [f.alias for f in Settings.model_fields.values()])
def test_docs_every_setting_is_in_env_example_and_readme(alias):
    assert re.search(rf"^{alias}=", ENV_EXAMPLE, re.MULTILINE), f"{alias} not in .env.example"
    comment_above = ENV_EXAMPLE.split(f"\n{alias}=")[0].rstrip().splitlines()[-1]
    assert comment_above.startswith("#"), f"{alias} has no comment in .env.example"
    assert f"`{alias}`" in README, f"{alias} not in README.md"


def test_docs_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
