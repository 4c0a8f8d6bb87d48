"""full-text search: FTS5 tables with triggers (SQLite), GIN indexes (PostgreSQL)

Revision ID: 0002_search
Revises: 0001
Create Date: 2026-11-21 18:40:00

The objects are described in bot/storage/search.py (which also queries them); their names
start with `fts_` and Alembic's model comparison leaves them out (search.include_object).
"""
from __future__ import annotations

from alembic import op

from bot.storage import search

revision = '0002_search'
down_revision = '0001'
branch_labels = None
depends_on = None

NAMES = ("quotes", "denials", "articles")


def upgrade() -> None:
    bind = op.get_bind()
    for name in NAMES:
        ddl = (search.postgresql_ddl(name) if bind.dialect.name == "postgresql"
               else search.sqlite_ddl(name))
        for statement in ddl:
            op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    for name in NAMES:
        ddl = (search.postgresql_drop(name) if bind.dialect.name == "postgresql"
               else search.sqlite_drop(name))
        for statement in ddl:
            op.execute(statement)
