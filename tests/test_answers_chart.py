"""troops_chart_png: a PNG timeline by claimant, None when there is nothing to plot."""

from __future__ import annotations

from datetime import date

import pytest
from test_answers_corpus import BACKENDS, corpus_database

from bot.answers.chart import chart_points, troops_chart_png


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request, tmp_path_factory):
    yield from corpus_database(request, tmp_path_factory)


def test_answers_chart_png_of_claimants(corpus):
    sessions, _ = corpus
    with sessions() as session:
        points = chart_points(session)
        png = troops_chart_png(session)
        assert troops_chart_png(session, force="China") is None
        assert troops_chart_png(session, since=date(2025, 1, 1)) is None
        recent = chart_points(session, since=date(2024, 10, 29))
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
    assert [p[:2] for p in points["South Korea's National Intelligence Service"]] == [
        (date(2024, 10, 23), 3000), (date(2024, 10, 30), 10000)]
    assert points["Volodymyr Zelensky"][0][3] == 12000          # the high end, an error bar
    assert "Unattributed" not in points                          # a vague figure is not plotted
    assert list(recent) == ["South Korea's National Intelligence Service"]

