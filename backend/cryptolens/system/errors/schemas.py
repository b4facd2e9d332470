"""What error tracking is given (a failure) and asked for (filters, stats)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from cryptolens.system.errors.fingerprint import Signature
from cryptolens.system.errors.models import ErrorDailyCount, ErrorGroup, ErrorOccurrence

ErrorSource = Literal["api", "job"]
ErrorStatus = Literal["new", "acknowledged", "resolved", "ignored"]


@dataclass(frozen=True)
class Failure:
    """One failure as captured, already redacted and cut (capture.py builds it)."""

    source: ErrorSource
    signature: Signature
    message: str
    traceback: str
    request_id: str | None = None
    job_id: str | None = None
    user_id: int | None = None
    method: str | None = None
    path: str | None = None
    query: dict[str, Any] | None = None
    headers: dict[str, Any] | None = None
    body: str | None = None


@dataclass(frozen=True)
class ErrorFilters:
    status: ErrorStatus | None = None
    source: ErrorSource | None = None
    q: str | None = None  # in the type or the message, any case
    since: datetime | None = None  # last_seen at or after


@dataclass(frozen=True)
class ErrorGroupDetail:
    group: ErrorGroup
    occurrences: list[ErrorOccurrence]  # newest first
    daily_counts: list[ErrorDailyCount]  # oldest first


@dataclass(frozen=True)
class DayOfErrors:
    day: date
    occurrences: int
    new_groups: int


@dataclass(frozen=True)
class TopGroup:
    group: ErrorGroup
    occurrences: int  # within the stats' window


@dataclass(frozen=True)
class ErrorStats:
    days: list[DayOfErrors]
    by_status: dict[str, int]
    top: list[TopGroup] = field(default_factory=list)
