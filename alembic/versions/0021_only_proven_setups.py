"""Proven setups only: a push preference and a webhook endpoint filter (issue 20); existing
users and endpoints keep receiving every signal.

Revision ID: 0021_only_proven_setups
Revises: 0020_portfolio_tags_journal
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_only_proven_setups"
down_revision = "0020_portfolio_tags_journal"
branch_labels = None
depends_on = None

_TABLES = ("notification_preferences", "webhook_endpoints")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(
                sa.Column(
                    "only_proven_setups", sa.Boolean(), nullable=False, server_default=sa.false()
                )
            )


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("only_proven_setups")
