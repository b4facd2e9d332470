"""Notifications: preferences, per-user deliveries of signals, symbol mutes, broadcasts.

Revision ID: 0006_notifications
Revises: 0005_signals
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0006_notifications"
down_revision = "0005_signals"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _user_fk(column: str, table: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["users.id"], name=op.f(f"fk_{table}_{column}_users"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "notification_preferences",
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("enabled", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("directions", sa.String(5), nullable=False),
        sa.Column("min_confluence", sa.Integer(), nullable=False),
        sa.Column("pattern_types", sa.JSON(), nullable=True),
        sa.Column("symbols", sa.JSON(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("quiet_start", sa.Integer(), nullable=True),
        sa.Column("quiet_end", sa.Integer(), nullable=True),
        sa.Column("daily_limit", sa.Integer(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        _user_fk("user_id", "notification_preferences"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_notification_preferences")),
    )
    op.create_table(
        "user_notifications",
        sa.Column("id", _ID, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("signal_id", _ID, nullable=False),
        sa.Column("symbol", sa.String(40), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("reason", sa.String(40), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claim", sa.String(32), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("send_after", UTCDateTime(), nullable=False),
        sa.Column("last_attempt_at", UTCDateTime(), nullable=True),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("ntfy_message_id", sa.String(32), nullable=True),
        sa.Column("ntfy_response", sa.String(500), nullable=True),
        _user_fk("user_id", "user_notifications"),
        sa.ForeignKeyConstraint(
            ["signal_id"],
            ["signals.id"],
            name=op.f("fk_user_notifications_signal_id_signals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_notifications")),
        sa.UniqueConstraint(
            "user_id", "signal_id", name=op.f("uq_user_notifications_user_id_signal_id")
        ),
    )
    op.create_index(
        "ix_user_notifications_user_id_created_at",
        "user_notifications",
        ["user_id", "created_at"],
    )
    op.create_index(
        "ix_user_notifications_signal_id_status", "user_notifications", ["signal_id", "status"]
    )
    op.create_table(
        "notification_mutes",
        sa.Column("id", _ID, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("symbol", sa.String(40), nullable=False),
        sa.Column("muted_until", UTCDateTime(), nullable=False),
        _user_fk("user_id", "notification_mutes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_mutes")),
        sa.UniqueConstraint("user_id", "symbol", name=op.f("uq_notification_mutes_user_id_symbol")),
    )
    op.create_table(
        "broadcasts",
        sa.Column("id", _ID, nullable=False),
        sa.Column("audience", sa.String(10), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("message", sa.String(4000), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("created_by", _ID, nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("send_at", UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.Column("delivered", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        _user_fk("created_by", "broadcasts", ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcasts")),
    )


def downgrade() -> None:
    # Dropping a table drops its indexes with it (an index a foreign key needs included).
    op.drop_table("broadcasts")
    op.drop_table("notification_mutes")
    op.drop_table("user_notifications")
    op.drop_table("notification_preferences")
