"""A PNG timeline of troop estimates by claimant, for Slack's files_upload_v2.

Matplotlib's Agg canvas is used directly (no pyplot, no global backend switch), so this is
safe in a server thread.
"""

from __future__ import annotations

import io
from datetime import date

from sqlalchemy.orm import Session

from bot.answers import queries
from bot.answers.format import STRENGTH
from bot.answers.troops import DEFAULT_FORCE, UNATTRIBUTED, claimant_of

MAX_CLAIMANTS = 10


def chart_points(session: Session, force: str = DEFAULT_FORCE, since: date | None = None
                 ) -> dict[str, list[tuple[date, int, int | None, int | None]]]:
    """(day, figure, low, high) of each claimant's strength estimates, oldest first."""
    points: dict[str, dict[tuple[date, int], tuple[date, int, int | None, int | None]]] = {}
    for estimate in queries.estimates(session, force=force, since=since):
        if estimate.status not in STRENGTH or estimate.qualifier == "vague":
            continue
        day = queries.stated_date(estimate.stated_on, estimate.article)
        if day is None:
            continue
        claimant = claimant_of(estimate)
        points.setdefault(claimant, {})[(day, estimate.count)] = (
            day, estimate.count, estimate.low, estimate.high)
    return {name: sorted(found.values()) for name, found in points.items()}


def troops_chart_png(session: Session, force: str = DEFAULT_FORCE, since: date | None = None
                     ) -> bytes | None:
    """The chart as PNG bytes, or None when there is nothing to plot."""
    series = chart_points(session, force or DEFAULT_FORCE, since)
    if not series:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    figure = Figure(figsize=(9, 5), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    ranked = sorted(series.items(), key=lambda item: (item[0] == UNATTRIBUTED, -len(item[1]),
                                                      item[0]))[:MAX_CLAIMANTS]
    for name, points in ranked:
        days = [p[0] for p in points]
        counts = [p[1] for p in points]
        below = [max(0, p[1] - p[2]) if p[2] is not None and p[2] < p[1] else 0 for p in points]
        above = [max(0, p[3] - p[1]) if p[3] is not None and p[3] > p[1] else 0 for p in points]
        label = name if len(name) <= 40 else name[:39] + "…"
        if any(below) or any(above):
            axes.errorbar(days, counts, yerr=[below, above], marker="o", capsize=4, label=label)
        else:
            axes.plot(days, counts, marker="o", label=label)
    locator = AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:,.0f}"))
    axes.set_ylim(bottom=0)
    axes.set_ylabel("troops")
    title = f"{force or DEFAULT_FORCE}: troop estimates by claimant"
    if since:
        title += f" since {since:%-d %b %Y}"
    axes.set_title(title)
    axes.grid(True, alpha=0.3)
    axes.legend(loc="best", fontsize="small")
    figure.autofmt_xdate()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
