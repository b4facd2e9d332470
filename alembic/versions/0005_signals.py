"""Signals: trade ideas, their contributing patterns and each symbol's last cycle.

Revision ID: 0005_signals
Revises: 0004_patterns
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0005_signals"
down_revision = "0004_patterns"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "signals",
        sa.Column("id", _ID, nullable=False),
        sa.Column("symbol_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(5), nullable=False),
        sa.Column("entry", sa.Double(), nullable=False),
        sa.Column("stop_loss", sa.Double(), nullable=False),
        sa.Column("take_profit_1", sa.Double(), nullable=False),
        sa.Column("take_profit_2", sa.Double(), nullable=False),
        sa.Column("take_profit_3", sa.Double(), nullable=False),
        sa.Column("risk_reward", sa.Double(), nullable=False),
        sa.Column("risk", sa.Double(), nullable=False),
        sa.Column("atr", sa.Double(), nullable=True),
        sa.Column("buffer", sa.Double(), nullable=False),
        sa.Column("confluence", sa.Integer(), nullable=False),
        sa.Column("timeframes", sa.String(40), nullable=False),
        sa.Column("anchor_pattern_id", _ID, nullable=False),
        sa.Column("anchor_type", sa.String(20), nullable=False),
        sa.Column("anchor_timeframe", sa.String(4), nullable=False),
        sa.Column("anchor_expires_at", sa.BigInteger(), nullable=False),
        sa.Column("strength", sa.Double(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("outcome_r", sa.Double(), nullable=True),
        sa.Column("exit_price", sa.Double(), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("triggered_at", sa.BigInteger(), nullable=True),
        sa.Column("tp1_at", sa.BigInteger(), nullable=True),
        sa.Column("tp2_at", sa.BigInteger(), nullable=True),
        sa.Column("tp3_at", sa.BigInteger(), nullable=True),
        sa.Column("stopped_at", sa.BigInteger(), nullable=True),
        sa.Column("closed_at", sa.BigInteger(), nullable=True),
        sa.Column("expired_at", sa.BigInteger(), nullable=True),
        sa.Column("cancelled_at", sa.BigInteger(), nullable=True),
        sa.Column("setup_stats", sa.JSON(), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["symbol_id"],
            ["symbols.id"],
            name=op.f("fk_signals_symbol_id_symbols"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["anchor_pattern_id"],
            ["patterns.id"],
            name=op.f("fk_signals_anchor_pattern_id_patterns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signals")),
        sa.UniqueConstraint("anchor_pattern_id", name=op.f("uq_signals_anchor_pattern_id")),
    )
    op.create_index(
        "ix_signals_symbol_id_direction_created_at",
        "signals",
        ["symbol_id", "direction", "created_at"],
    )
    op.create_index("ix_signals_symbol_id_status", "signals", ["symbol_id", "status"])
    op.create_index(
        "ix_signals_symbol_id_anchor_type_anchor_timeframe_created_at",
        "signals",
        ["symbol_id", "anchor_type", "anchor_timeframe", "created_at"],
    )
    op.create_index("ix_signals_created_at", "signals", ["created_at"])

    op.create_table(
        "signal_patterns",
        sa.Column("signal_id", _ID, nullable=False),
        sa.Column("pattern_id", _ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["signal_id"],
            ["signals.id"],
            name=op.f("fk_signal_patterns_signal_id_signals"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pattern_id"],
            ["patterns.id"],
            name=op.f("fk_signal_patterns_pattern_id_patterns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("signal_id", "pattern_id", name=op.f("pk_signal_patterns")),
    )
    op.create_index("ix_signal_patterns_pattern_id", "signal_patterns", ["pattern_id"])

    op.create_table(
        "signal_cycles",
        sa.Column("symbol_id", sa.Integer(), nullable=False),
        sa.Column("last_cycle_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["symbol_id"],
            ["symbols.id"],
            name=op.f("fk_signal_cycles_symbol_id_symbols"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("symbol_id", name=op.f("pk_signal_cycles")),
    )


def downgrade() -> None:
    # Dropping a table drops its indexes; dropping an index a foreign key uses first fails
    # on MySQL/MariaDB.
    op.drop_table("signal_cycles")
    op.drop_table("signal_patterns")
    op.drop_table("signals")
