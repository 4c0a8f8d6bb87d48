"""An official body's own publications: its unsourced figures are its claims (invented text)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, select

from bot.cli import cli
from bot.evaluation import name_ok
from bot.extraction import Extractor
from bot.extraction.publisher import publisher_body
from bot.storage.models import Article, Estimate

DAY = date(2025, 3, 4)
# a figure the text gives no source for, in the voice of whoever publishes it
STATEMENT = ("The deployment of soldiers from the Democratic People's Republic of Korea to the "
             "territory of the Russian Federation continues. Since January, the North Korean "
             "contingent has lost some 2,300 servicemen killed and wounded in the Kursk region.")


@pytest.mark.parametrize("outlet, body", [
    ("Ministry of Foreign Affairs of Finland", ["Ministry of Foreign Affairs of Finland",
                                               "Finland's Foreign Ministry"]),
    ("Bundeswehr Operations Command (press release)", ["Bundeswehr Operations Command"]),
    ("GOV.UK — Ministry of Defence", ["UK Ministry of Defence"]),
    ("Ministry of National Defense, Republic of Korea", [
        "South Korea's Ministry of National Defense"]),
    ("Embassy of Sweden in Kyiv — statement", ["Embassy of Sweden in Kyiv"]),
    ("Parliament of Canada – Standing Committee on National Defence", [
        "Standing Committee on National Defence"]),
    ("47th Mechanised Brigade (Telegram post)", ["47th Mechanised Brigade"]),
])
def test_official_outlets_name_their_body(outlet, body):
    assert name_ok(publisher_body(outlet), body), publisher_body(outlet)


@pytest.mark.parametrize("outlet", [
    "Reuters", "Agence France-Presse", "TASS", "Yonhap News Agency", "The Kyiv Independent",
    "Kremlin press pool (English service)", "Radio Free Asia", "UN Meetings Coverage",
    "Chatham House", "RUSI Commentary", "Institute for the Study of War", "", None,
])
def test_newsrooms_and_think_tanks_are_no_publisher_body(outlet):
    assert publisher_body(outlet) is None


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _figure(facts, count):
    [found] = [e for e in facts.estimates if e.count == count]
    return found


@pytest.mark.slow
def test_unsourced_figure_of_an_official_body_is_its_claim(extractor):
    facts = extractor.extract(STATEMENT, DAY, "Ministry of Defence of Latvia (press release)")
    assert name_ok(_figure(facts, 2300).claimed_by, ["Ministry of Defence of Latvia",
                                                     "Latvia's Ministry of Defence"])


@pytest.mark.slow
def test_unsourced_figure_of_a_newsroom_has_no_claimant(extractor):
    for outlet in ("Reuters", None):
        assert _figure(extractor.extract(STATEMENT, DAY, outlet), 2300).claimed_by is None


@pytest.mark.slow
def test_a_named_source_still_wins_over_the_publisher(extractor):
    text = ("Ukrainian military intelligence said about 1,800 North Korean soldiers had been "
            "killed since December.")
    facts = extractor.extract(text, DAY, "Ministry of Foreign Affairs of Estonia")
    assert name_ok(_figure(facts, 1800).claimed_by, ["Ukrainian military intelligence",
                                                     "Ukraine's Main Directorate of Intelligence"])


@pytest.mark.slow
def test_extract_reads_the_outlet_from_front_matter(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for outlet, claimant in (("Ministry of Defence of Latvia", True), ("The Baltic Times", False)):
        path = tmp_path / f"{claimant}.txt"
        path.write_text(f"title: Update\noutlet: {outlet}\ndate: 2025-03-04\n\n{STATEMENT}\n",
                        encoding="utf-8")
        result = CliRunner().invoke(cli, ["extract", str(path), "--json"],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
        [article] = json.loads(result.output)["articles"]
        [estimate] = [e for e in article["estimates"] if e["count"] == 2300]
        assert (estimate["claimed_by"] is not None) is claimant, estimate


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_ingest_stores_the_publishers_claim(tmp_path, monkeypatch, workers):
    monkeypatch.chdir(tmp_path)
    url = f"sqlite:///{tmp_path / 'sitrep.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    (tmp_path / "in").mkdir()
    openings = {  # two different articles (a near-copy would be stored as a copy)
        "Ministry of Defence of Latvia": "Riga hosted the Baltic defence ministers on Monday "
        "to agree on air defence purchases, border fortifications and training budgets.",
        "The Baltic Times": "Snow closed the Via Baltica for six hours on Tuesday while "
        "lorry drivers waited at the Polish border for the road to be cleared.",
    }
    for name, (outlet, opening) in enumerate(openings.items()):
        (tmp_path / "in" / f"{name}.txt").write_text(
            f"title: Update {name}\noutlet: {outlet}\ndate: 2025-03-04\n\n{opening}\n\n"
            f"{STATEMENT}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "--workers", workers, str(tmp_path / "in")],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = dict(conn.execute(
            select(Article.outlet, Estimate.claimed_by).join(Estimate.article)
            .where(Estimate.count == 2300)).all())
    engine.dispose()
    assert rows["The Baltic Times"] is None
    assert name_ok(rows["Ministry of Defence of Latvia"], ["Ministry of Defence of Latvia"])
