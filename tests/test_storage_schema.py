"""The schema on both databases: migrations agree with the models, facts need an article."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError

from bot.storage.db import current_revision, head_revision
from bot.storage.models import Article, Base, Entity, Estimate, Quote
from bot.storage.search import include_object


def test_storage_schema_upgrade_reaches_head(runtime, sessions):
    assert current_revision(runtime.engine) == head_revision(runtime.engine)
    tables = set(inspect(runtime.engine).get_table_names())
    assert {"articles", "entities", "entity_aliases", "entity_mentions", "quotes", "estimates",
            "denials", "digest_posts", "digest_subscriptions"} <= tables


def test_storage_schema_models_and_migrations_agree(runtime, sessions):
    with runtime.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_storage_schema_upgrade_twice_is_harmless(runtime, sessions):
    from bot.storage.db import upgrade

    upgrade(runtime.engine)
    assert current_revision(runtime.engine) == head_revision(runtime.engine)


def _article(**overrides) -> Article:
    values = dict(content_hash="h" * 64, source="a.txt", title="T", text="text", word_count=1,
                  published=date(2024, 10, 23))
    values.update(overrides)
    return Article(**values)


def test_storage_schema_fact_without_article_is_impossible(sessions):
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(Quote(article_id=None, text="x", kind="direct", sentence="x", start=0, end=1))
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(Estimate(article_id=424242, count=1, qualifier="exact", status="other",
                             force="North Korea", sentence="x", start=0, end=1))
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Estimate)) == 0


def test_storage_schema_content_hash_is_unique(sessions):
    with sessions.begin() as session:
        session.add(_article())
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(_article(source="b.txt"))


def test_storage_schema_deleting_an_article_deletes_its_facts(sessions):
    with sessions.begin() as session:
        article = _article()
        article.quotes.append(Quote(text="q", kind="direct", sentence="q", start=0, end=1))
        session.add(article)
    with sessions.begin() as session:
        session.delete(session.scalars(select(Article)).one())
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Quote)) == 0


def test_storage_schema_entity_name_and_label_unique(sessions):
    with sessions.begin() as session:
        session.add(Entity(name="Mark Rutte", label="PERSON"))
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(Entity(name="Mark Rutte", label="PERSON"))


def _quote_indexes(engine) -> set[str]:
    # read from the catalogue: reflection skips expression indexes on SQLite
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            rows = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'quotes'")
        else:
            rows = connection.exec_driver_sql(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'quotes'")
        return {row[0] for row in rows}


def test_storage_schema_speaker_indexes_go_down_and_up(runtime, sessions):
    """0004 replaces the lower(speaker) index with the per-entity and unlinked-name ones (the
    models name exactly those), and goes back to 0003 and up again."""
    from alembic import command

    from bot.storage.db import alembic_config, upgrade

    named = {index.name for index in Quote.__table__.indexes}
    present = _quote_indexes(runtime.engine)
    assert named <= present
    assert "ix_quotes_speaker_lower" not in present
    command.downgrade(alembic_config(runtime.engine), "0003_answer_indexes")
    down = _quote_indexes(runtime.engine)
    assert "ix_quotes_speaker_lower" in down
    assert not {"ix_quotes_speaker_entity_id_id", "ix_quotes_unlinked_speaker_lower_id"} & down
    upgrade(runtime.engine)
    assert _quote_indexes(runtime.engine) == present
