"""Billing mails as an outbox: one row per payment and kind, written with the change that
decides it and marked once sent, so a queue outage delays a receipt instead of losing it.

Revision ID: 0018_billing_mail_outbox
Revises: 0017_user_theme
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0018_billing_mail_outbox"
down_revision = "0017_user_theme"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "billing_mails",
        sa.Column("id", _ID, nullable=False),
        sa.Column("payment_id", _ID, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["payments.id"],
            name=op.f("fk_billing_mails_payment_id_payments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_mails")),
        sa.UniqueConstraint("payment_id", "kind", name="uq_billing_mails_payment_kind"),
    )
    op.create_index("ix_billing_mails_sent_created", "billing_mails", ["sent_at", "created_at"])


def downgrade() -> None:
    op.drop_table("billing_mails")
