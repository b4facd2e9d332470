"""Operational tables: admin-editable key/value settings and the job run history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cryptolens.db import Base, utcnow


class AppSetting(Base):
    """A runtime setting an admin can change without a restart (JSON-encoded value)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # The admin who stored it (None: set by code, e.g. a job switch before the admin API).
    updated_by: Mapped[int | None] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"),
        ForeignKey("users.id", ondelete="SET NULL"),
        default=None,
    )


class JobRun(Base):
    __tablename__ = "job_runs"
    __table_args__ = (
        Index("ix_job_runs_name_started_at", "name", "started_at"),
        Index("ix_job_runs_started_at", "started_at"),
        # The runs of given jobs (the write API's status of a request: job_requests).
        Index("ix_job_runs_job_id", "job_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    job_id: Mapped[str | None] = mapped_column(String(191))
    name: Mapped[str] = mapped_column(String(100))
    queue: Mapped[str] = mapped_column(String(20))
    args_summary: Mapped[str | None] = mapped_column(String(500))
    enqueued_at: Mapped[datetime | None]
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    candles_fetched: Mapped[int] = mapped_column(Integer, default=0)
    patterns_found: Mapped[int] = mapped_column(Integer, default=0)
    signals_created: Mapped[int] = mapped_column(Integer, default=0)
    notifications_sent: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
