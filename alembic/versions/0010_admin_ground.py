"""The admin API's ground: the audit log, error tracking, coverage per symbol and timeframe,
and who stored a runtime setting.

Revision ID: 0010_admin_ground
Revises: 0009_delivery_lease
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0010_admin_ground"
down_revision = "0009_delivery_lease"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _create_audit_log() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", _ID, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("actor_id", _ID, nullable=True),
        sa.Column("actor_email", sa.String(191), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target_type", sa.String(32), nullable=False),
        sa.Column("target_id", sa.String(64), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("ip", sa.String(45), nullable=True),
        sa.Column("request_id", sa.String(128), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_audit_log_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_created_at", "audit_log", ["created_at"])
    op.create_index("ix_audit_log_actor_id_created_at", "audit_log", ["actor_id", "created_at"])
    op.create_index("ix_audit_log_action_created_at", "audit_log", ["action", "created_at"])
    op.create_index("ix_audit_log_target", "audit_log", ["target_type", "target_id"])


def _create_error_tables() -> None:
    op.create_table(
        "error_groups",
        sa.Column("id", _ID, nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("error_type", sa.String(255), nullable=False),
        sa.Column("location", sa.String(255), nullable=False),
        sa.Column("frames", sa.String(1000), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("traceback", sa.Text(), nullable=False),
        sa.Column("occurrence_count", sa.Integer(), nullable=False),
        sa.Column("first_seen", UTCDateTime(), nullable=False),
        sa.Column("last_seen", UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("status_changed_at", UTCDateTime(), nullable=True),
        sa.Column("status_changed_by", _ID, nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("regressed_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["status_changed_by"],
            ["users.id"],
            name=op.f("fk_error_groups_status_changed_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_error_groups")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_error_groups_fingerprint")),
    )
    op.create_index("ix_error_groups_last_seen", "error_groups", ["last_seen"])
    op.create_index("ix_error_groups_status_last_seen", "error_groups", ["status", "last_seen"])
    op.create_table(
        "error_occurrences",
        sa.Column("id", _ID, nullable=False),
        sa.Column("group_id", _ID, nullable=False),
        sa.Column("occurred_at", UTCDateTime(), nullable=False),
        sa.Column("request_id", sa.String(128), nullable=True),
        sa.Column("job_id", sa.String(191), nullable=True),
        sa.Column("user_id", _ID, nullable=True),
        sa.Column("method", sa.String(10), nullable=True),
        sa.Column("path", sa.String(1000), nullable=True),
        sa.Column("query", sa.JSON(), nullable=True),
        sa.Column("headers", sa.JSON(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["error_groups.id"],
            name=op.f("fk_error_occurrences_group_id_error_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_error_occurrences")),
    )
    op.create_index("ix_error_occurrences_group_id_id", "error_occurrences", ["group_id", "id"])
    op.create_table(
        "error_daily_counts",
        sa.Column("group_id", _ID, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("occurrences", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["error_groups.id"],
            name=op.f("fk_error_daily_counts_group_id_error_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_id", "day", name=op.f("pk_error_daily_counts")),
    )


def _create_symbol_coverage() -> None:
    op.create_table(
        "symbol_coverage",
        sa.Column("symbol_id", sa.Integer(), nullable=False),
        sa.Column("timeframe", sa.String(4), nullable=False),
        sa.Column("first_open_time", sa.BigInteger(), nullable=True),
        sa.Column("last_open_time", sa.BigInteger(), nullable=True),
        sa.Column("candle_count", sa.Integer(), nullable=False),
        sa.Column("coverage", sa.Double(), nullable=True),
        sa.Column("computed_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["symbol_id"],
            ["symbols.id"],
            name=op.f("fk_symbol_coverage_symbol_id_symbols"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("symbol_id", "timeframe", name=op.f("pk_symbol_coverage")),
    )


def upgrade() -> None:
    _create_audit_log()
    _create_error_tables()
    _create_symbol_coverage()
    with op.batch_alter_table("settings") as batch_op:
        batch_op.add_column(sa.Column("updated_by", _ID, nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_settings_updated_by_users"),
            "users",
            ["updated_by"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("settings") as batch_op:
        batch_op.drop_constraint(op.f("fk_settings_updated_by_users"), type_="foreignkey")
        batch_op.drop_column("updated_by")
    op.drop_table("symbol_coverage")
    op.drop_table("error_daily_counts")
    op.drop_table("error_occurrences")
    op.drop_table("error_groups")
    op.drop_table("audit_log")
