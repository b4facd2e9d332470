"""Admin broadcasts: templates, broadcasts with tiers, schedule and totals, delivered as
user_notifications rows (one per user and broadcast).

The old `broadcasts` table (an audience string, one best-effort attempt each) had no route
writing it; it is replaced by the new shape. A delivery row now belongs to a signal or to a
broadcast: `signal_id` becomes nullable and `broadcast_id` joins it, unique per user.

Revision ID: 0011_admin_broadcasts
Revises: 0010_admin_ground
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0011_admin_broadcasts"
down_revision = "0010_admin_ground"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _user_fk(column: str, table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["users.id"], name=op.f(f"fk_{table}_{column}_users"), ondelete="SET NULL"
    )


def _create_templates() -> None:
    op.create_table(
        "broadcast_templates",
        sa.Column("id", _ID, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("message", sa.String(4000), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("times_used", sa.Integer(), nullable=False),
        sa.Column("last_used_at", UTCDateTime(), nullable=True),
        sa.Column("created_by", _ID, nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        _user_fk("created_by", "broadcast_templates"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcast_templates")),
        sa.UniqueConstraint("name", name=op.f("uq_broadcast_templates_name")),
    )


def _create_broadcasts() -> None:
    op.create_table(
        "broadcasts",
        sa.Column("id", _ID, nullable=False),
        sa.Column("template_id", _ID, nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("message", sa.String(4000), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("tiers", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("scheduled_for", UTCDateTime(), nullable=True),
        sa.Column("created_by", _ID, nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=True),
        sa.Column("fanned_out_at", UTCDateTime(), nullable=True),
        sa.Column("completed_at", UTCDateTime(), nullable=True),
        sa.Column("cancelled_at", UTCDateTime(), nullable=True),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.Column("sent", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("failure_reasons", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["broadcast_templates.id"],
            name=op.f("fk_broadcasts_template_id_broadcast_templates"),
            ondelete="SET NULL",
        ),
        _user_fk("created_by", "broadcasts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcasts")),
    )
    op.create_index("ix_broadcasts_status_scheduled_for", "broadcasts", ["status", "scheduled_for"])
    op.create_index("ix_broadcasts_created_at", "broadcasts", ["created_at"])
    op.create_index("ix_broadcasts_template_id", "broadcasts", ["template_id"])


def _create_old_broadcasts() -> None:
    """The table as 0006_notifications made it."""
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
        _user_fk("created_by", "broadcasts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcasts")),
    )


def upgrade() -> None:
    op.drop_table("broadcasts")
    _create_templates()
    _create_broadcasts()
    with op.batch_alter_table("user_notifications") as batch_op:
        batch_op.add_column(sa.Column("broadcast_id", _ID, nullable=True))
        batch_op.alter_column("signal_id", existing_type=_ID, nullable=True)
        batch_op.create_foreign_key(
            op.f("fk_user_notifications_broadcast_id_broadcasts"),
            "broadcasts",
            ["broadcast_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_unique_constraint(
            op.f("uq_user_notifications_user_id_broadcast_id"), ["user_id", "broadcast_id"]
        )
        batch_op.create_index(
            "ix_user_notifications_broadcast_id_status", ["broadcast_id", "status"]
        )


def downgrade() -> None:
    # Broadcast deliveries have no signal: they cannot stay once signal_id is required again.
    op.execute(sa.text("DELETE FROM user_notifications WHERE broadcast_id IS NOT NULL"))
    with op.batch_alter_table("user_notifications") as batch_op:
        batch_op.drop_constraint(
            op.f("fk_user_notifications_broadcast_id_broadcasts"), type_="foreignkey"
        )
        batch_op.drop_index("ix_user_notifications_broadcast_id_status")
        batch_op.drop_constraint(op.f("uq_user_notifications_user_id_broadcast_id"), type_="unique")
        batch_op.drop_column("broadcast_id")
        batch_op.alter_column("signal_id", existing_type=_ID, nullable=False)
    op.drop_table("broadcasts")
    op.drop_table("broadcast_templates")
    _create_old_broadcasts()
