"""Payments: checkouts and renewals, every provider event once, and what funds a subscription.

Revision ID: 0016_payments
Revises: 0015_webhooks
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0016_payments"
down_revision = "0015_webhooks"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "payments",
        sa.Column("id", _ID, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("provider", sa.String(10), nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("plan", sa.String(10), nullable=False),
        sa.Column("cycle", sa.String(10), nullable=False),
        sa.Column("amount", sa.Numeric(12, 2), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("provider_status", sa.String(30), nullable=True),
        sa.Column("failure_reason", sa.String(200), nullable=True),
        sa.Column("checkout_ref", sa.String(64), nullable=False),
        sa.Column("provider_checkout_id", sa.String(128), nullable=True),
        sa.Column("provider_object_id", sa.String(128), nullable=True),
        sa.Column("provider_subscription_id", sa.String(128), nullable=True),
        sa.Column("checkout_url", sa.String(2048), nullable=True),
        sa.Column("paid_amount", sa.Numeric(30, 12), nullable=True),
        sa.Column("paid_currency", sa.String(20), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("checkout_expires_at", UTCDateTime(), nullable=True),
        sa.Column("completed_at", UTCDateTime(), nullable=True),
        sa.Column("period_start", UTCDateTime(), nullable=True),
        sa.Column("expires_at", UTCDateTime(), nullable=True),
        sa.Column("refunded_at", UTCDateTime(), nullable=True),
        sa.Column("refunded_by", sa.String(20), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'completed', 'failed', 'expired', 'refunded')",
            name=op.f("ck_payments_status"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_payments_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("checkout_ref", name=op.f("uq_payments_checkout_ref")),
    )
    op.create_index("ix_payments_user_created", "payments", ["user_id", "created_at"])
    op.create_index("ix_payments_status_completed", "payments", ["status", "completed_at"])
    op.create_index(
        "ix_payments_provider_checkout", "payments", ["provider", "provider_checkout_id"]
    )
    op.create_index("ix_payments_provider_object", "payments", ["provider", "provider_object_id"])
    op.create_index(
        "ix_payments_provider_subscription", "payments", ["provider", "provider_subscription_id"]
    )
    op.create_table(
        "payment_events",
        sa.Column("id", _ID, nullable=False),
        sa.Column("provider", sa.String(10), nullable=False),
        sa.Column("event_id", sa.String(190), nullable=False),
        sa.Column("event_type", sa.String(60), nullable=False),
        sa.Column("payment_id", _ID, nullable=True),
        sa.Column("outcome", sa.String(10), nullable=False),
        sa.Column("detail", sa.String(200), nullable=True),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_events")),
        sa.UniqueConstraint("provider", "event_id", name="uq_payment_events_event"),
    )
    op.create_index("ix_payment_events_payment_id", "payment_events", ["payment_id"])
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(sa.Column("cycle", sa.String(10), nullable=True))
        batch.add_column(sa.Column("funded_by_payment_id", _ID, nullable=True))
        batch.add_column(sa.Column("scheduled_plan", sa.String(40), nullable=True))
        batch.add_column(sa.Column("scheduled_cycle", sa.String(10), nullable=True))
        batch.add_column(sa.Column("scheduled_payment_id", _ID, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("subscriptions") as batch:
        for column in (
            "scheduled_payment_id",
            "scheduled_cycle",
            "scheduled_plan",
            "funded_by_payment_id",
            "cycle",
        ):
            batch.drop_column(column)
    op.drop_table("payment_events")
    op.drop_table("payments")
