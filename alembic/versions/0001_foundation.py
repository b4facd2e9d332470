"""Foundation: key/value settings and the job run history.

Revision ID: 0001_foundation
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0001_foundation"
down_revision = None
branch_labels = None
depends_on = None


def _id_column() -> sa.Column[int]:
    # BIGINT on MySQL; INTEGER on SQLite, where only INTEGER PRIMARY KEY autoincrements.
    return sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True)


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "job_runs",
        _id_column(),
        sa.Column("job_id", sa.String(191), nullable=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("queue", sa.String(20), nullable=False),
        sa.Column("args_summary", sa.String(500), nullable=True),
        sa.Column("enqueued_at", UTCDateTime(), nullable=True),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("candles_fetched", sa.Integer(), nullable=False),
        sa.Column("patterns_found", sa.Integer(), nullable=False),
        sa.Column("signals_created", sa.Integer(), nullable=False),
        sa.Column("notifications_sent", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_runs")),
    )
    op.create_index("ix_job_runs_name_started_at", "job_runs", ["name", "started_at"])
    op.create_index("ix_job_runs_started_at", "job_runs", ["started_at"])


def downgrade() -> None:
    op.drop_index("ix_job_runs_started_at", table_name="job_runs")
    op.drop_index("ix_job_runs_name_started_at", table_name="job_runs")
    op.drop_table("job_runs")
    op.drop_table("settings")
