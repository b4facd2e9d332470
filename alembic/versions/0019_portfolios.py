"""Portfolios and their trades (issue 19): decimals exact on both backends (portfolio.Amount),
no stored balance (derived on read), soft deletes.

Revision ID: 0019_portfolios
Revises: 0018_billing_mail_outbox
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime
from cryptolens.portfolio.models import WIDE, Amount

revision = "0019_portfolios"
down_revision = "0018_billing_mail_outbox"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "portfolios",
        sa.Column("id", _ID, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("description", sa.String(500), nullable=False),
        sa.Column("currency", sa.String(10), nullable=False),
        sa.Column("initial_balance", Amount(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_portfolios_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portfolios")),
    )
    op.create_index("ix_portfolios_user_id", "portfolios", ["user_id"])
    op.create_table(
        "trades",
        sa.Column("id", _ID, nullable=False),
        sa.Column("portfolio_id", _ID, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("symbol_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(5), nullable=False),
        sa.Column("status", sa.String(9), nullable=False),
        sa.Column("entry_price", Amount(), nullable=False),
        sa.Column("quantity", Amount(), nullable=True),
        sa.Column("entry_time", UTCDateTime(), nullable=True),
        sa.Column("stop_loss", Amount(), nullable=True),
        sa.Column("initial_stop_loss", Amount(), nullable=True),
        sa.Column("take_profit", Amount(), nullable=True),
        sa.Column("fees", Amount(), nullable=False),
        sa.Column("exit_price", Amount(), nullable=True),
        sa.Column("exit_time", UTCDateTime(), nullable=True),
        sa.Column("timeframe", sa.String(4), nullable=True),
        sa.Column("pattern_type", sa.String(20), nullable=True),
        sa.Column("signal_id", _ID, nullable=True),
        sa.Column("setup_notes", sa.Text(), nullable=True),
        sa.Column("exit_notes", sa.Text(), nullable=True),
        sa.Column("lessons", sa.Text(), nullable=True),
        sa.Column("pnl", Amount(WIDE), nullable=True),
        sa.Column("pnl_pct", Amount(WIDE), nullable=True),
        sa.Column("r_multiple", Amount(WIDE), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["portfolio_id"],
            ["portfolios.id"],
            name=op.f("fk_trades_portfolio_id_portfolios"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_trades_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["symbol_id"], ["symbols.id"], name=op.f("fk_trades_symbol_id_symbols")
        ),
        sa.ForeignKeyConstraint(
            ["signal_id"],
            ["signals.id"],
            name=op.f("fk_trades_signal_id_signals"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trades")),
    )
    op.create_index("ix_trades_portfolio_id", "trades", ["portfolio_id"])
    op.create_index("ix_trades_user_id_created_at", "trades", ["user_id", "created_at"])
    op.create_index("ix_trades_signal_id", "trades", ["signal_id"])


def downgrade() -> None:
    op.drop_table("trades")
    op.drop_table("portfolios")
