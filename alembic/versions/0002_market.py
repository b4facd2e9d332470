"""Market data: symbols, candles and known candle gaps.

Revision ID: 0002_market
Revises: 0001_foundation
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0002_market"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "symbols",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("symbol", sa.String(length=40), nullable=False),
        sa.Column("exchange", sa.String(length=40), nullable=False),
        sa.Column("base", sa.String(length=20), nullable=False),
        sa.Column("quote", sa.String(length=20), nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("tick_size", sa.Double(), nullable=True),
        sa.Column("price_precision", sa.Integer(), nullable=True),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sa.Column("removed_at", UTCDateTime(), nullable=True),
        sa.Column("backfilled_at", UTCDateTime(), nullable=True),
        sa.Column("last_fetch_at", UTCDateTime(), nullable=True),
        sa.Column("last_fetch_error", sa.String(length=1000), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_symbols")),
        sa.UniqueConstraint("exchange", "symbol", name=op.f("uq_symbols_exchange_symbol")),
    )
    # The primary key (symbol_id, timeframe, open_time) is the unique key and serves reads;
    # SQLite stores the table clustered on it (WITHOUT ROWID), like InnoDB does.
    op.create_table(
        "candles",
        sa.Column("symbol_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("timeframe", sa.String(length=4), nullable=False),
        sa.Column("open_time", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("open", sa.Double(), nullable=False),
        sa.Column("high", sa.Double(), nullable=False),
        sa.Column("low", sa.Double(), nullable=False),
        sa.Column("close", sa.Double(), nullable=False),
        sa.Column("volume", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(
            ["symbol_id"],
            ["symbols.id"],
            name=op.f("fk_candles_symbol_id_symbols"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("symbol_id", "timeframe", "open_time", name=op.f("pk_candles")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "candle_gaps",
        sa.Column("symbol_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("timeframe", sa.String(length=4), nullable=False),
        sa.Column("start_time", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("end_time", sa.BigInteger(), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["symbol_id"],
            ["symbols.id"],
            name=op.f("fk_candle_gaps_symbol_id_symbols"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "symbol_id", "timeframe", "start_time", name=op.f("pk_candle_gaps")
        ),
    )


def downgrade() -> None:
    op.drop_table("candle_gaps")
    op.drop_table("candles")
    op.drop_table("symbols")
