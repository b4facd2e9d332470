"""User backtests (issue 20): a premium user's replays of a symbol and their result signals.

Revision ID: 0022_backtests
Revises: 0021_only_proven_setups
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0022_backtests"
down_revision = "0021_only_proven_setups"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "backtests",
        sa.Column("id", _ID, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("symbol_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.BigInteger(), nullable=False),
        sa.Column("end", sa.BigInteger(), nullable=False),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(9), nullable=False),
        sa.Column("error", sa.String(2000), nullable=True),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("minutes_replayed", sa.Integer(), nullable=True),
        sa.Column("minutes_missing", sa.Integer(), nullable=True),
        sa.Column("replayed_until", sa.BigInteger(), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.Column("by_setup", sa.JSON(), nullable=True),
        sa.Column("job_id", sa.String(100), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=True),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_backtests_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["symbol_id"],
            ["symbols.id"],
            name=op.f("fk_backtests_symbol_id_symbols"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_backtests")),
    )
    op.create_index("ix_backtests_user_id_created_at", "backtests", ["user_id", "created_at"])
    op.create_index("ix_backtests_status", "backtests", ["status"])
    op.create_table(
        "backtest_signals",
        sa.Column("backtest_id", _ID, nullable=False),
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("direction", sa.String(5), nullable=False),
        sa.Column("entry", sa.Double(), nullable=False),
        sa.Column("stop_loss", sa.Double(), nullable=False),
        sa.Column("take_profit_1", sa.Double(), nullable=False),
        sa.Column("take_profit_2", sa.Double(), nullable=False),
        sa.Column("take_profit_3", sa.Double(), nullable=False),
        sa.Column("risk_reward", sa.Double(), nullable=False),
        sa.Column("move_stop_to_entry_after_tp1", sa.Boolean(), nullable=False),
        sa.Column("confluence", sa.Integer(), nullable=False),
        sa.Column("timeframes", sa.String(40), nullable=False),
        sa.Column("anchor_type", sa.String(20), nullable=False),
        sa.Column("anchor_timeframe", sa.String(4), nullable=False),
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
        sa.ForeignKeyConstraint(
            ["backtest_id"],
            ["backtests.id"],
            name=op.f("fk_backtest_signals_backtest_id_backtests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("backtest_id", "number", name=op.f("pk_backtest_signals")),
    )


def downgrade() -> None:
    # Dropping a table drops its indexes (MariaDB refuses to drop first an index that one of
    # its foreign keys needs).
    op.drop_table("backtest_signals")
    op.drop_table("backtests")
