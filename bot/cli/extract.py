"""`sitrep extract`: extraction only, nothing stored."""

from __future__ import annotations

import json

import click

from bot.cli.common import CliContext, load_extractor, pass_context
from bot.sources import SourceError, iter_inputs, read_source


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH|URL ...")
@click.option("--json", "as_json", is_flag=True, help="Print the CONTRACT JSON (the default).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Refuse inputs larger than this (default: MAX_ARTICLE_BYTES).")
@pass_context
def command(ctx: CliContext, inputs: tuple[str, ...], as_json: bool, max_bytes: int | None
            ) -> None:
    """Extract troop estimates, quotes, denials and entities; print them as JSON.

    Nothing is stored. Inputs that cannot be read are named on stderr and the exit code is 1;
    the others are still printed.
    """
    extractor = load_extractor()
    limit = max_bytes or ctx.settings.max_article_bytes
    documents, failed = [], 0
    for source in iter_inputs(list(inputs)):
        try:
            documents.append(read_source(source, limit))
        except SourceError as exc:
            failed += 1
            click.echo(f"failed: {exc}", err=True)
    facts = extractor.extract_many((d.text, d.published, d.outlet) for d in documents)
    articles = []
    for document, found in zip(documents, facts, strict=True):
        articles.append({
            "source": document.source,
            "title": document.title,
            "outlet": document.outlet,
            "published": document.published.isoformat() if document.published else None,
            **found.to_json(),
        })
    click.echo(json.dumps({"articles": articles}, ensure_ascii=False, indent=2))
    if failed:
        raise SystemExit(1)
