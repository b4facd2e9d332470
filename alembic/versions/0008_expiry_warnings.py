"""Subscription expiry warnings sent as pushes, 7, 3 and 1 days before the end.

Revision ID: 0008_expiry_warnings
Revises: 0007_delivery_sweep
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0008_expiry_warnings"
down_revision = "0007_delivery_sweep"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "expiry_warnings",
        sa.Column("id", _ID, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("days_before", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_expiry_warnings_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expiry_warnings")),
        sa.UniqueConstraint(
            "user_id",
            "expires_at",
            "days_before",
            name=op.f("uq_expiry_warnings_user_id_expires_at_days_before"),
        ),
    )


def downgrade() -> None:
    op.drop_table("expiry_warnings")
