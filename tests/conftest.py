"""Shared fixtures: a real SQLite file and a real PostgreSQL database per test."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.runtime import Runtime
from bot.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
POSTGRES_ADMIN_URL = os.environ.get(
    "SITREP_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _postgres_available() -> bool:
    try:
        engine = create_engine(POSTGRES_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def postgres_admin():
    if not _postgres_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI and not reachable at {POSTGRES_ADMIN_URL}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}")
    engine = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


def make_postgres_database(admin_engine) -> str:
    name = f"sitrep_test_{uuid.uuid4().hex[:12]}"
    with admin_engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    return make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(admin_engine, url: str) -> None:
    name = make_url(url).database
    with admin_engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """A fresh, empty database URL: a SQLite file, then a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'sitrep.db'}"
        return
    admin = request.getfixturevalue("postgres_admin")
    url = make_postgres_database(admin)
    try:
        yield url
    finally:
        drop_postgres_database(admin, url)


@pytest.fixture
def settings(database_url) -> Settings:
    return Settings(DATABASE_URL=database_url, _env_file=None)


@pytest.fixture
def runtime(settings):
    runtime = Runtime(settings)
    yield runtime
    runtime.close()


@pytest.fixture
def sessions(runtime):
    """Sessions on a database upgraded to the newest schema."""
    return runtime.sessions


@pytest.fixture(scope="session")
def extractor():
    """The real extractor over the real spaCy model, loaded once per test session."""
    from bot.extraction import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seeded_sqlite_url(tmp_path_factory, extractor) -> str:
    """A SQLite file with the five seeds ingested, shared read-only by answer tests."""
    from bot.ingest import Ingestor
    from bot.sources import iter_inputs

    path = tmp_path_factory.mktemp("seeded") / "sitrep.db"
    url = f"sqlite:///{path}"
    runtime = Runtime(Settings(DATABASE_URL=url, _env_file=None))
    results = list(Ingestor(runtime.sessions, extractor).ingest(iter_inputs([str(SEEDS)])))
    assert [r.status for r in results] == ["stored"] * 5
    runtime.close()
    return url


# ---- Slack: the emulator and a bot database (appended by the Slack app work) ----------------


@pytest.fixture
def slack_emulator():
    """A local Slack (Web API, response URLs, uploads, Socket Mode) on 127.0.0.1."""
    from slack_emulator import SlackEmulator

    with SlackEmulator() as emulator:
        yield emulator


@pytest.fixture
def bot_db_url(tmp_path) -> str:
    """An empty SQLite file for a bot under test (the schema is created on first use)."""
    return f"sqlite:///{tmp_path / 'bot' / 'sitrep.db'}"


@pytest.fixture
def seeded_copy_url(seeded_sqlite_url, tmp_path) -> str:
    """A private copy of the seeded SQLite file, for tests whose bot writes (event dedupe)."""
    import shutil

    source = Path(make_url(seeded_sqlite_url).database)
    target = tmp_path / "seeded-copy" / "sitrep.db"
    target.parent.mkdir(parents=True)
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{target}{suffix}")
    return f"sqlite:///{target}"
