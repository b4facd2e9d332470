"""Error tracking tables (admin.md, "Errors"): a group per stable fingerprint, its latest
occurrences and its count per UTC day."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cryptolens.db import Base, utcnow

IdType = BigInteger().with_variant(Integer, "sqlite")

ERROR_STATUSES = ("new", "acknowledged", "resolved", "ignored")


class ErrorGroup(Base):
    __tablename__ = "error_groups"
    __table_args__ = (
        Index("ix_error_groups_last_seen", "last_seen"),
        Index("ix_error_groups_status_last_seen", "status", "last_seen"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    # SHA-256 hex of `type|where|frames`: the same failure always lands in the same group.
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(8))  # api or job
    error_type: Mapped[str] = mapped_column(String(255))  # qualified class name
    location: Mapped[str] = mapped_column(String(255))  # `GET /route/{id}` or `job:{name}`
    frames: Mapped[str] = mapped_column(String(1000))  # module:function>... (innermost 5)
    message: Mapped[str] = mapped_column(Text)  # latest, cut at 2,000 chars
    traceback: Mapped[str] = mapped_column(Text)  # latest, cut at 10,000 chars
    occurrence_count: Mapped[int] = mapped_column(Integer, default=0)
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(12), default="new")
    status_changed_at: Mapped[datetime | None] = mapped_column(default=None)
    status_changed_by: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    notes: Mapped[str | None] = mapped_column(Text, default=None)
    regressed_at: Mapped[datetime | None] = mapped_column(default=None)


class ErrorOccurrence(Base):
    """One of a group's latest occurrences (20 kept per group)."""

    __tablename__ = "error_occurrences"
    __table_args__ = (Index("ix_error_occurrences_group_id_id", "group_id", "id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    group_id: Mapped[int] = mapped_column(IdType, ForeignKey("error_groups.id", ondelete="CASCADE"))
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)
    request_id: Mapped[str | None] = mapped_column(String(128), default=None)
    job_id: Mapped[str | None] = mapped_column(String(191), default=None)
    # No foreign key: an occurrence outlives the account it happened to.
    user_id: Mapped[int | None] = mapped_column(IdType, default=None)
    method: Mapped[str | None] = mapped_column(String(10), default=None)
    path: Mapped[str | None] = mapped_column(String(1000), default=None)
    query: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)  # redacted
    headers: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)  # redacted
    body: Mapped[str | None] = mapped_column(Text, default=None)  # redacted, <= 5,000 chars


class ErrorDailyCount(Base):
    __tablename__ = "error_daily_counts"

    group_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("error_groups.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)  # UTC
    occurrences: Mapped[int] = mapped_column(Integer, default=0)
