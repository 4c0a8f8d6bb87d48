"""`sitrep ingest`: read articles, extract their facts, store them."""

from __future__ import annotations

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from bot.cli.common import CliContext, load_extractor, pass_context
from bot.ingest import COPY, DUPLICATE, FAILED, STORED, Ingestor
from bot.sources import iter_inputs

PROGRESS_FROM = 10   # show a progress bar from this many inputs on


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH|URL ...")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Refuse inputs larger than this (default: MAX_ARTICLE_BYTES, 5 MiB).")
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True,
              help="Articles per extraction batch.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extraction processes (the spaCy model is loaded in each).")
@click.option("--quiet", "-q", is_flag=True, help="Print only failures and the summary line.")
@pass_context
def command(ctx: CliContext, inputs: tuple[str, ...], max_bytes: int | None, batch_size: int,
            workers: int, quiet: bool) -> None:
    """Read files (.txt, .md, .html), folders of them, or http(s) URLs; extract facts; store them.

    An article already stored (same text) is skipped and said so; a near-copy of a stored
    article (90% of its word shingles shared) is stored as a copy, without facts of its own.
    Optional front matter at the top of a .txt/.md file (title:, outlet:, date: YYYY-MM-DD,
    url: lines, then a blank line) sets its metadata; a manifest.json beside the files can
    set it too. Exits 0 when every input was stored or skipped as a duplicate, 1 otherwise.
    """
    sessions = ctx.sessions()
    if workers > 1:
        from bot.workers import PooledExtractor

        extractor = PooledExtractor(workers)
        close_pool = extractor.close
    else:
        extractor, close_pool = load_extractor(), None
    try:
        _ingest(ctx, sessions, extractor, inputs, max_bytes, batch_size, quiet)
    finally:
        if close_pool:
            close_pool()


def _ingest(ctx: CliContext, sessions, extractor, inputs, max_bytes, batch_size, quiet) -> None:
    ingestor = Ingestor(sessions, extractor,
                        max_bytes=max_bytes or ctx.settings.max_article_bytes,
                        batch_size=batch_size)
    sources = list(iter_inputs(list(inputs)))
    counts = {STORED: 0, DUPLICATE: 0, COPY: 0, FAILED: 0}
    console = Console()
    show_bar = len(sources) >= PROGRESS_FROM and console.is_terminal
    progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), console=console, disable=not show_bar)
    interrupted = False
    with progress:
        task = progress.add_task("ingest", total=len(sources))
        try:
            for result in ingestor.ingest(sources):
                counts[result.status] += 1
                progress.advance(task)
                if result.status == FAILED:
                    line = f"failed: {result.message}"
                elif quiet:
                    continue
                else:
                    line = f"{result.status}: {result.source}"
                    line += f" ({result.message})" if result.message else ""
                if show_bar:
                    progress.console.print(line, markup=False, highlight=False)
                else:
                    click.echo(line, err=result.status == FAILED)
        except KeyboardInterrupt:
            interrupted = True
    done = sum(counts.values())
    summary = (f"{counts[STORED]} stored, {counts[DUPLICATE]} duplicates, {counts[COPY]} copies, "
               f"{counts[FAILED]} failed")
    if interrupted:
        click.echo(f"interrupted after {done} of {len(sources)} inputs: {summary}; "
                   "every article listed above is committed", err=True)
        raise SystemExit(130)
    click.echo(summary)
    if counts[FAILED]:
        raise SystemExit(1)
