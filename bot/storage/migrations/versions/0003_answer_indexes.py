"""indexes for the answers at 100k articles

Revision ID: 0003_answer_indexes
Revises: 0002_search
Create Date: 2026-11-21 19:00:00

Plain `op.create_index` (never a batch table rebuild, which on SQLite would drop the FTS
triggers of 0002_search). Each index is mirrored in bot/storage/models.py.

- articles (id, published, ingested_at, copy_of_id): a fact's article dates without reading
  the article's row (its text); SQLite reads it as a covering index.
- lower(force), id on estimates and denials: /troops reads the newest rows of one force;
  lower(force), stated_on: ... dated since a day.
- lower(speaker) on quotes, lower(denied_by) on denials: /whosaid's names in any case.
- estimates (claimant_entity_id, status, stated_on): the digest's earlier figures.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003_answer_indexes'
down_revision = '0002_search'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_articles_id_dates', 'articles',
                    ['id', 'published', 'ingested_at', 'copy_of_id'], unique=False)
    op.create_index('ix_estimates_force_lower_id', 'estimates',
                    [sa.text('lower(force)'), 'id'], unique=False)
    op.create_index('ix_denials_force_lower_id', 'denials',
                    [sa.text('lower(force)'), 'id'], unique=False)
    op.create_index('ix_estimates_force_lower_stated_on', 'estimates',
                    [sa.text('lower(force)'), 'stated_on'], unique=False)
    op.create_index('ix_denials_force_lower_stated_on', 'denials',
                    [sa.text('lower(force)'), 'stated_on'], unique=False)
    op.create_index('ix_quotes_speaker_lower', 'quotes', [sa.text('lower(speaker)')],
                    unique=False)
    op.create_index('ix_denials_denied_by_lower', 'denials', [sa.text('lower(denied_by)')],
                    unique=False)
    op.create_index('ix_estimates_claimant_entity_id_status', 'estimates',
                    ['claimant_entity_id', 'status', 'stated_on'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_estimates_claimant_entity_id_status', table_name='estimates')
    op.drop_index('ix_denials_denied_by_lower', table_name='denials')
    op.drop_index('ix_quotes_speaker_lower', table_name='quotes')
    op.drop_index('ix_denials_force_lower_stated_on', table_name='denials')
    op.drop_index('ix_estimates_force_lower_stated_on', table_name='estimates')
    op.drop_index('ix_denials_force_lower_id', table_name='denials')
    op.drop_index('ix_estimates_force_lower_id', table_name='estimates')
    op.drop_index('ix_articles_id_dates', table_name='articles')
