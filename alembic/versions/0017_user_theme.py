"""Each user's theme for the SPA (system, light or dark); existing accounts follow the system.

Revision ID: 0017_user_theme
Revises: 0016_payments
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_user_theme"
down_revision = "0016_payments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(
            sa.Column("theme", sa.String(6), nullable=False, server_default="system")
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("theme")
