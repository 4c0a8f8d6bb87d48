"""indexes for /whosaid PERSON: a speaker's newest quotes, read in order from an index

Revision ID: 0004_speaker_indexes
Revises: 0003_answer_indexes
Create Date: 2026-11-21 23:45:00

Plain `op.create_index`, as in 0003 (a batch rebuild would drop SQLite's FTS triggers); each
index is mirrored in bot/storage/models.py.

- quotes (speaker_entity_id, id): the newest quotes of an entity are the index's last entries;
  PostgreSQL reads them backwards, index only (it walked the primary key backwards, testing
  ~50,000 quotes at 100k articles for 2,000 of one speaker).
- quotes (lower(speaker), id) where speaker_entity_id is null: quotes whose speaker was never
  linked to an entity, found by the name as written; the linked ones are found by entity.
  It replaces 0003's `lower(speaker)` over every quote, which nothing reads any more.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_speaker_indexes'
down_revision = '0003_answer_indexes'
branch_labels = None
depends_on = None

UNLINKED = sa.text('speaker_entity_id IS NULL')


def upgrade() -> None:
    op.create_index('ix_quotes_speaker_entity_id_id', 'quotes', ['speaker_entity_id', 'id'],
                    unique=False)
    op.create_index('ix_quotes_unlinked_speaker_lower_id', 'quotes',
                    [sa.text('lower(speaker)'), 'id'], unique=False,
                    sqlite_where=UNLINKED, postgresql_where=UNLINKED)
    op.drop_index('ix_quotes_speaker_lower', table_name='quotes')


def downgrade() -> None:
    op.create_index('ix_quotes_speaker_lower', 'quotes', [sa.text('lower(speaker)')],
                    unique=False)
    op.drop_index('ix_quotes_unlinked_speaker_lower_id', table_name='quotes')
    op.drop_index('ix_quotes_speaker_entity_id_id', table_name='quotes')
