"""`sitrep eval`: extraction precision, recall and F1 against the gold set."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.common import fail, load_extractor

DEFAULT_GOLD = Path("tests") / "gold"


def find_gold_dir() -> Path | None:
    """tests/gold under the working directory, else beside the installed source tree."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        candidate = base / DEFAULT_GOLD
        if candidate.is_dir():
            return candidate
    return None


@click.command("eval")
@click.option("--gold", "gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Gold set folder (default: tests/gold of this project).")
@click.option("--split", "splits", multiple=True,
              help="Only these splits (seed, dev, heldout); repeatable. Default: all.")
def command(gold_dir: Path | None, splits: tuple[str, ...]) -> None:
    """Print extraction precision, recall and F1 against the project's gold set.

    Per article and overall: estimate precision/recall/F1, claimant accuracy, quote
    precision/recall, speaker accuracy, denial precision/recall and denier accuracy; with one
    overall row per split (held-out articles only in aggregate) and one per named group of
    the gold folder's groups.json (e.g. the clean held-out articles apart from the exposed
    ones).
    """
    from bot.evaluation import evaluate, format_report

    gold_dir = gold_dir or find_gold_dir()
    if gold_dir is None:
        fail("no gold set found: run from the project folder or pass --gold DIR")
    report = evaluate(gold_dir, load_extractor(), splits=splits or None)
    click.echo(format_report(report))
