"""`sitrep ingest`, `extract`, `db` and settings through the real command line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, func, select, text

from bot.cli import cli
from bot.storage.models import Article, EntityMention

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
# the installed console script, as a user runs it (not `python -c`, which would put the
# working directory first on the import path)
SITREP = [str(Path(sys.executable).with_name("sitrep"))]


@pytest.fixture
def env(database_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DIGEST_CHANNEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url)
    return {**os.environ, "DATABASE_URL": database_url}


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.slow
def test_cli_ingest_seeds_twice(env):
    first = run("ingest", str(SEEDS))
    assert first.exit_code == 0, first.output
    assert first.output.strip().splitlines()[-1] == "5 stored, 0 duplicates, 0 copies, 0 failed"
    second = run("ingest", str(SEEDS))
    assert second.exit_code == 0
    assert second.output.count("duplicate: ") == 5
    assert second.output.strip().splitlines()[-1] == "0 stored, 5 duplicates, 0 copies, 0 failed"


def test_cli_ingest_failures_exit_nonzero_one_line_each(env, tmp_path):
    (tmp_path / "good.txt").write_text("Seoul said 3,000 North Korean troops were in Russia.",
                                       encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 2
    assert any("empty.txt: empty file" in line for line in failed)
    assert any("nope.txt: no such file" in line for line in failed)
    assert result.output.strip().splitlines()[-1] == "1 stored, 0 duplicates, 0 copies, 2 failed"


def test_cli_ingest_default_database_is_created_relative_to_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    (tmp_path / "a.txt").write_text("Kyiv said North Korean troops were near Kursk.",
                                    encoding="utf-8")
    result = run("ingest", "a.txt")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "sitrep.db").is_file()


def test_cli_dead_database_is_one_clear_line(tmp_path):
    env = {**os.environ, "DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:1/none"}
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    proc = subprocess.run([*SITREP, "ingest", str(tmp_path / "a.txt")], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.startswith("sitrep: cannot use the database postgresql+psycopg://")
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("name", "value"), [
    ("DIGEST_TIME", "25:00"), ("DIGEST_TZ", "Mars/Olympus"), ("SLACK_BOT_TOKEN", "nope"),
    ("DATABASE_URL", "mysql://x"), ("SLACK_API_URL", "ftp://slack"),
    ("MAX_ARTICLE_BYTES", "-5"),
])
def test_cli_invalid_setting_stops_with_one_line_naming_it(tmp_path, name, value):
    env = {**os.environ, name: value}
    proc = subprocess.run([*SITREP, "ingest", "x.txt"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and f"invalid setting {name}" in lines[0], proc.stderr


def test_cli_settings_read_from_dotenv(tmp_path):
    (tmp_path / ".env").write_text("DIGEST_TIME=99:99\n", encoding="utf-8")
    proc = subprocess.run([*SITREP, "db", "upgrade"], env={**os.environ}, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "invalid setting DIGEST_TIME" in proc.stderr


def test_cli_db_upgrade_and_current(env):
    result = run("db", "upgrade")
    assert result.exit_code == 0 and "is at revision" in result.output
    current = run("db", "current")
    database, newest = current.output.split("database: ")[1].split("  newest: ")
    assert database.strip() == newest.strip()


@pytest.mark.slow
def test_cli_extract_json_has_the_contract_shape(env):
    result = run("extract", str(SEEDS / "000_ae239e62def7e7f4.txt"), "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    [article] = data["articles"]
    assert set(article) >= {"source", "title", "outlet", "published", "estimates", "quotes",
                            "entities"}
    assert article["published"] == "2024-10-25"
    for entity in article["entities"]:
        assert set(entity) >= {"name", "label", "aliases"}


@pytest.mark.slow
def test_cli_ingest_ctrl_c_keeps_committed_articles_whole(database_url, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    base = (SEEDS / "002_b4ac82b43a11b72f.txt").read_text(encoding="utf-8")
    for i in range(300):
        # distinct enough not to be near-copies of each other
        (folder / f"{i:03d}.txt").write_text(
            f"Report {i}: " + " ".join(f"w{i}x{j}" for j in range(60)) + "\n\n" + base[:400 + i],
            encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": database_url}
    # as from a terminal: SIGINT at its default even when the test run itself ignores it
    # (a job started in the background by a non-interactive shell inherits SIG_IGN)
    proc = subprocess.Popen([*SITREP, "ingest", "--batch-size", "1", str(folder)], env=env,
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    stored_lines = 0
    deadline = time.monotonic() + 120
    while stored_lines < 5 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        stored_lines += line.startswith("stored: ")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted after" in err and "Traceback" not in err
    engine = create_engine(database_url)
    with engine.connect() as connection:
        articles = connection.scalar(select(func.count()).select_from(Article))
        without_facts = connection.scalar(text(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM entity_mentions m WHERE m.article_id = a.id)"))
        mentions = connection.scalar(select(func.count()).select_from(EntityMention))
    engine.dispose()
    assert 5 <= articles < 300
    assert without_facts == 0 and mentions > 0


def _fact_counts(url: str) -> tuple[int, ...]:
    engine = create_engine(url)
    with engine.connect() as connection:
        counts = tuple(connection.scalar(text(f"SELECT count(*) FROM {table}"))
                       for table in ("articles", "entity_mentions", "quotes", "estimates",
                                     "denials"))
    engine.dispose()
    return counts


@pytest.mark.slow
def test_cli_ingest_two_workers_store_the_same_facts_as_one(tmp_path):
    urls = {n: f"sqlite:///{tmp_path / f'w{n}.db'}" for n in (1, 2)}
    for workers, url in urls.items():
        proc = subprocess.run([*SITREP, "ingest", "--workers", str(workers), "--batch-size", "2",
                               str(SEEDS)], env={**os.environ, "DATABASE_URL": url},
                              cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip().endswith("5 stored, 0 duplicates, 0 copies, 0 failed")
    assert _fact_counts(urls[1]) == _fact_counts(urls[2])
    assert _fact_counts(urls[1])[1] > 0
