"""`sitrep ask TEXT`: answer as the bot would in Slack; print text, or the Slack payload."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot.cli.common import pass_context


@click.command("ask")
@click.argument("text", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True,
              help="Print the Slack message payload ({text, blocks}) instead of text.")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
              help="Fact lines to skip (the next page of a long answer).")
@click.option("--chart", "chart_path", type=click.Path(dir_okay=False, path_type=Path),
              help="For /troops: also write the estimates chart as PNG to this file.")
@pass_context
def command(ctx, text: tuple[str, ...], as_json: bool, offset: int, chart_path: Path | None
            ) -> None:
    """Answer TEXT as the bot would in Slack: `/troops`, `/whosaid Rutte`, `/summary Kursk`,
    `/sitrep sources`, or a plain question ("how many North Korean troops are in Russia?")."""
    from datetime import date

    from bot.answers.chart import troops_chart_png
    from bot.answers.router import answer_request
    from bot.render.blocks import build_message
    from bot.render.text import render_text

    request = " ".join(text)
    sessions = ctx.sessions()
    with sessions() as session:
        answer = answer_request(request, session, offset=offset)
        png = None
        if chart_path is not None and answer.kind == "troops":
            since = answer.extra.get("since")
            png = troops_chart_png(session, force=answer.extra.get("force") or "North Korea",
                                   since=date.fromisoformat(since) if since else None)
    if as_json:
        click.echo(json.dumps(build_message(answer), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(answer), nl=False)
    if chart_path is not None:
        if png is None:
            click.echo("sitrep: no chart: nothing to plot for that request", err=True)
        else:
            chart_path.write_bytes(png)
            click.echo(f"chart written to {chart_path}", err=True)
