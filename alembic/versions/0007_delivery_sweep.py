"""Deliveries: an index for the sweep that resumes attempts lost with a process.

Revision ID: 0007_delivery_sweep
Revises: 0006_notifications
"""

from __future__ import annotations

from alembic import op

revision = "0007_delivery_sweep"
down_revision = "0006_notifications"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_user_notifications_status_send_after"),
        "user_notifications",
        ["status", "send_after"],
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_user_notifications_status_send_after"), table_name="user_notifications")
