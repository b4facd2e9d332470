"""The table of the write API: one row per scan or fetch a user (or one of their API keys)
asked for, with the runner's ids of the jobs it queued.

Its status is settled from the job runs those ids recorded (system's job_runs), each time it
is read until every job has ended; then the row keeps the outcome, so it outlives the run
history's retention.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cryptolens.db import Base

IdType = BigInteger().with_variant(Integer, "sqlite")

KINDS = ("scan", "fetch")
STATUSES = ("queued", "running", "succeeded", "failed")
ENDED_STATUSES = ("succeeded", "failed")


class JobRequest(Base):
    __tablename__ = "job_requests"
    __table_args__ = (
        UniqueConstraint("public_id"),
        Index("ix_job_requests_user_id_id", "user_id", "id"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(40))  # job_ + random: not guessable
    user_id: Mapped[int] = mapped_column(IdType, ForeignKey("users.id", ondelete="CASCADE"))
    # The key that asked (None: the user's session). No foreign key: the request's record
    # stays as it was whatever becomes of the key.
    api_key_id: Mapped[int | None] = mapped_column(IdType)
    kind: Mapped[str] = mapped_column(String(10))
    # {"symbols": [...]} for a scan; {"symbol": ..., "timeframe": ... | None} for a fetch.
    arguments: Mapped[dict[str, Any]] = mapped_column(JSON)
    # [{"symbol": ..., "job_id": ...}]: the runner's id of each job, as the runs record it.
    jobs: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(String(500))  # a summary, never internals
    candles_fetched: Mapped[int] = mapped_column(Integer, default=0)
    patterns_found: Mapped[int] = mapped_column(Integer, default=0)
    signals_created: Mapped[int] = mapped_column(Integer, default=0)
