"""The admin's walk-forward parameter study (issue 20): studies, their windows and the
replays their jobs claim one at a time.

Revision ID: 0023_parameter_studies
Revises: 0022_backtests
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cryptolens.db import UTCDateTime

revision = "0023_parameter_studies"
down_revision = "0022_backtests"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "parameter_studies",
        sa.Column("id", _ID, nullable=False),
        sa.Column("created_by", _ID, nullable=True),
        sa.Column("symbols", sa.JSON(), nullable=False),
        sa.Column("start", sa.BigInteger(), nullable=False),
        sa.Column("end", sa.BigInteger(), nullable=False),
        sa.Column("grid", sa.JSON(), nullable=False),
        sa.Column("train_days", sa.Integer(), nullable=False),
        sa.Column("test_days", sa.Integer(), nullable=False),
        sa.Column("min_sample", sa.Integer(), nullable=False),
        sa.Column("combinations", sa.JSON(), nullable=False),
        sa.Column("live_values", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(9), nullable=False),
        sa.Column("replays_total", sa.Integer(), nullable=False),
        sa.Column("replays_done", sa.Integer(), nullable=False),
        sa.Column("aggregates", sa.JSON(), nullable=True),
        sa.Column("warning", sa.String(400), nullable=False),
        sa.Column("error", sa.String(2000), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=True),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_parameter_studies_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parameter_studies")),
    )
    op.create_index("ix_parameter_studies_status", "parameter_studies", ["status"])
    op.create_table(
        "parameter_study_windows",
        sa.Column("id", _ID, nullable=False),
        sa.Column("study_id", _ID, nullable=False),
        sa.Column("symbol_id", sa.Integer(), nullable=False),
        sa.Column("symbol", sa.String(41), nullable=False),
        sa.Column("k", sa.Integer(), nullable=False),
        sa.Column("train_start", sa.BigInteger(), nullable=False),
        sa.Column("train_end", sa.BigInteger(), nullable=False),
        sa.Column("test_start", sa.BigInteger(), nullable=False),
        sa.Column("test_end", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(19), nullable=False),
        sa.Column("chosen_index", sa.Integer(), nullable=True),
        sa.Column("chosen_values", sa.JSON(), nullable=True),
        sa.Column("train_resolved", sa.Integer(), nullable=True),
        sa.Column("train_avg_r", sa.Double(), nullable=True),
        sa.Column("test_count", sa.Integer(), nullable=True),
        sa.Column("test_resolved", sa.Integer(), nullable=True),
        sa.Column("test_win_rate", sa.Double(), nullable=True),
        sa.Column("test_avg_r", sa.Double(), nullable=True),
        sa.Column("test_profit_factor", sa.Double(), nullable=True),
        sa.Column("baseline_resolved", sa.Integer(), nullable=True),
        sa.Column("baseline_avg_r", sa.Double(), nullable=True),
        sa.ForeignKeyConstraint(
            ["study_id"],
            ["parameter_studies.id"],
            name=op.f("fk_parameter_study_windows_study_id_parameter_studies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["symbol_id"],
            ["symbols.id"],
            name=op.f("fk_parameter_study_windows_symbol_id_symbols"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parameter_study_windows")),
    )
    op.create_index(
        "ix_parameter_study_windows_study_id",
        "parameter_study_windows",
        ["study_id", "symbol", "k"],
    )
    op.create_table(
        "parameter_study_replays",
        sa.Column("id", _ID, nullable=False),
        sa.Column("study_id", _ID, nullable=False),
        sa.Column("window_id", _ID, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("combination", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(7), nullable=False),
        sa.Column("claimed_at", UTCDateTime(), nullable=True),
        sa.Column("resolved", sa.Integer(), nullable=True),
        sa.Column("avg_r", sa.Double(), nullable=True),
        sa.Column("signals", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["study_id"],
            ["parameter_studies.id"],
            name=op.f("fk_parameter_study_replays_study_id_parameter_studies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["parameter_study_windows.id"],
            name=op.f("fk_parameter_study_replays_window_id_parameter_study_windows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parameter_study_replays")),
    )
    op.create_index(
        "ix_parameter_study_replays_study_id",
        "parameter_study_replays",
        ["study_id", "status"],
    )


def downgrade() -> None:
    # Dropping a table drops its indexes (MariaDB refuses to drop one a foreign key needs).
    op.drop_table("parameter_study_replays")
    op.drop_table("parameter_study_windows")
    op.drop_table("parameter_studies")
