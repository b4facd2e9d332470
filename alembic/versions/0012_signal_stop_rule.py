"""Each signal keeps the stop rule it was created with (move the stop to entry after TP1), so
an admin's change of the runtime setting never changes how an open signal is followed.

Revision ID: 0012_signal_stop_rule
Revises: 0011_admin_broadcasts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_signal_stop_rule"
down_revision = "0011_admin_broadcasts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("signals") as batch_op:
        batch_op.add_column(
            sa.Column(
                "move_stop_to_entry_after_tp1",
                sa.Boolean(),
                nullable=False,
                server_default=sa.true(),
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("signals") as batch_op:
        batch_op.drop_column("move_stop_to_entry_after_tp1")
