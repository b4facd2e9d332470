"""Patterns: detected FVGs, order blocks and liquidity sweeps with their lifecycle.

Revision ID: 0004_patterns
Revises: 0003_accounts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0004_patterns"
down_revision = "0003_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "patterns",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("symbol_id", sa.Integer(), nullable=False),
        sa.Column("timeframe", sa.String(4), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("direction", sa.String(8), nullable=False),
        sa.Column("zone_low", sa.Double(), nullable=False),
        sa.Column("zone_high", sa.Double(), nullable=False),
        sa.Column("formed_at", sa.BigInteger(), nullable=False),
        sa.Column("confirmed_at", sa.BigInteger(), nullable=False),
        sa.Column("expires_at", sa.BigInteger(), nullable=False),
        sa.Column("strength", sa.Double(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("touched_at", sa.BigInteger(), nullable=True),
        sa.Column("fill_pct", sa.Double(), nullable=False),
        sa.Column("filled_at", sa.BigInteger(), nullable=True),
        sa.Column("invalidated_at", sa.BigInteger(), nullable=True),
        sa.Column("expired_at", sa.BigInteger(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["symbol_id"],
            ["symbols.id"],
            name=op.f("fk_patterns_symbol_id_symbols"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patterns")),
        sa.UniqueConstraint(
            "symbol_id",
            "timeframe",
            "type",
            "direction",
            "formed_at",
            name=op.f("uq_patterns_symbol_id_timeframe_type_direction_formed_at"),
        ),
    )
    op.create_index("ix_patterns_symbol_id_status", "patterns", ["symbol_id", "status"])
    op.create_index("ix_patterns_symbol_id_expires_at", "patterns", ["symbol_id", "expires_at"])
    op.create_index("ix_patterns_confirmed_at", "patterns", ["confirmed_at"])
    op.create_index("ix_patterns_status_expires_at", "patterns", ["status", "expires_at"])


def downgrade() -> None:
    # The table's indexes go with it (dropping one a foreign key uses first fails on MySQL).
    op.drop_table("patterns")
