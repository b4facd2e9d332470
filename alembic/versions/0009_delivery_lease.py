"""Deliveries: a lease on each claim, so a sender that died loses its deliveries within seconds.

A claimed delivery belongs to its sender until `lease_until`; a live sender renews it, and the
sweep takes over only claims whose lease has run out (notifications/lease.py). Claims written
before this column existed have none: the sweep judges those by their attempt's age, as before.

Revision ID: 0009_delivery_lease
Revises: 0008_expiry_warnings
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0009_delivery_lease"
down_revision = "0008_expiry_warnings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user_notifications") as batch_op:
        batch_op.add_column(sa.Column("lease_until", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("user_notifications") as batch_op:
        batch_op.drop_column("lease_until")
