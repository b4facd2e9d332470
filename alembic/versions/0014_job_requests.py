"""Job requests: the scans and fetches a user or key asked for through the write API, and the
index on job_runs.job_id that finds the runs of their jobs.

Revision ID: 0014_job_requests
Revises: 0013_api_keys
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0014_job_requests"
down_revision = "0013_api_keys"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "job_requests",
        sa.Column("id", _ID, nullable=False),
        sa.Column("public_id", sa.String(40), nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("api_key_id", _ID, nullable=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("arguments", sa.JSON(), nullable=False),
        sa.Column("jobs", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("error", sa.String(500), nullable=True),
        sa.Column("candles_fetched", sa.Integer(), nullable=False),
        sa.Column("patterns_found", sa.Integer(), nullable=False),
        sa.Column("signals_created", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_job_requests_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_requests")),
        sa.UniqueConstraint("public_id", name=op.f("uq_job_requests_public_id")),
    )
    op.create_index("ix_job_requests_user_id_id", "job_requests", ["user_id", "id"])
    with op.batch_alter_table("job_runs") as batch_op:
        batch_op.create_index("ix_job_runs_job_id", ["job_id"])


def downgrade() -> None:
    with op.batch_alter_table("job_runs") as batch_op:
        batch_op.drop_index("ix_job_runs_job_id")
    op.drop_table("job_requests")  # its indexes with it (MariaDB keeps the FK's till then)
