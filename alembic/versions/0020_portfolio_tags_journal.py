"""Per-user tags on trades and the trade journal (issue 19).

Revision ID: 0020_portfolio_tags_journal
Revises: 0019_portfolios
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0020_portfolio_tags_journal"
down_revision = "0019_portfolios"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "portfolio_tags",
        sa.Column("id", _ID, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("name_key", sa.String(50), nullable=False),
        sa.Column("color", sa.String(7), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_portfolio_tags_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portfolio_tags")),
        sa.UniqueConstraint("user_id", "name_key", name=op.f("uq_portfolio_tags_user_id_name_key")),
    )
    op.create_table(
        "trade_tags",
        sa.Column("trade_id", _ID, nullable=False),
        sa.Column("tag_id", _ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["trade_id"],
            ["trades.id"],
            name=op.f("fk_trade_tags_trade_id_trades"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"],
            ["portfolio_tags.id"],
            name=op.f("fk_trade_tags_tag_id_portfolio_tags"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("trade_id", "tag_id", name=op.f("pk_trade_tags")),
    )
    op.create_index("ix_trade_tags_tag_id", "trade_tags", ["tag_id"])
    op.create_table(
        "journal_entries",
        sa.Column("id", _ID, nullable=False),
        sa.Column("trade_id", _ID, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("entry_type", sa.String(10), nullable=False),
        sa.Column("mood", sa.String(10), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["trade_id"],
            ["trades.id"],
            name=op.f("fk_journal_entries_trade_id_trades"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_journal_entries_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_entries")),
    )
    op.create_index("ix_journal_entries_trade_id", "journal_entries", ["trade_id"])


def downgrade() -> None:
    op.drop_table("journal_entries")
    op.drop_table("trade_tags")
    op.drop_table("portfolio_tags")
