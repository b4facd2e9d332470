"""Error groups, occurrences and stats as the admin API shows them."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from cryptolens.core.iso_times import IsoInstant
from cryptolens.system.errors.schemas import ErrorGroupDetail, ErrorStats

ErrorSourceOut = Literal["api", "job"]
ErrorStatusOut = Literal["new", "acknowledged", "resolved", "ignored"]


class ErrorGroupOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    fingerprint: str = Field(description="SHA-256 hex of `type|where|frames`")
    source: ErrorSourceOut
    error_type: str = Field(description="Qualified class name of the exception")
    location: str = Field(description="`METHOD /route/{template}` or `job:{name}`")
    frames: str = Field(description="`module:function` of the 5 innermost own frames, `>`-joined")
    message: str = Field(description="The latest message (2,000 characters at most)")
    occurrence_count: int
    first_seen: IsoInstant
    last_seen: IsoInstant
    status: ErrorStatusOut
    status_changed_at: IsoInstant | None
    status_changed_by: int | None = Field(description="The admin's user id")
    regressed_at: IsoInstant | None = Field(description="When it last recurred after resolved")


class ErrorGroupFullOut(ErrorGroupOut):
    traceback: str = Field(description="The latest traceback (its last 10,000 characters)")
    notes: str | None = Field(description="Admins' notes, one a line, oldest first")


class ErrorOccurrenceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    occurred_at: IsoInstant
    request_id: str | None
    job_id: str | None
    user_id: int | None
    method: str | None
    path: str | None
    query: dict[str, Any] | None = Field(description="Redacted query parameters")
    headers: dict[str, Any] | None = Field(description="Redacted request headers")
    body: str | None = Field(description="Redacted body (JSON), 5,000 characters at most")


class ErrorDailyCountOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    day: date = Field(description="UTC day")
    occurrences: int


class ErrorGroupDetailOut(ErrorGroupFullOut):
    occurrences: list[ErrorOccurrenceOut] = Field(description="The 20 latest, newest first")
    daily_counts: list[ErrorDailyCountOut] = Field(
        description="Occurrences per UTC day of the last 90 days, oldest first"
    )

    @classmethod
    def of(cls, detail: ErrorGroupDetail) -> ErrorGroupDetailOut:
        group = ErrorGroupFullOut.model_validate(detail.group)
        return cls(
            **group.model_dump(),
            occurrences=[ErrorOccurrenceOut.model_validate(item) for item in detail.occurrences],
            daily_counts=[ErrorDailyCountOut.model_validate(item) for item in detail.daily_counts],
        )


class ErrorStatusIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: ErrorStatusOut
    note: str | None = Field(default=None, min_length=1, max_length=2000)


class ErrorDayOut(BaseModel):
    day: date = Field(description="UTC day")
    occurrences: int
    new_groups: int = Field(description="Groups first seen that day")


class ErrorsByStatusOut(BaseModel):
    new: int
    acknowledged: int
    resolved: int
    ignored: int


class TopErrorOut(BaseModel):
    id: int
    source: ErrorSourceOut
    error_type: str
    location: str
    message: str
    status: ErrorStatusOut
    last_seen: IsoInstant
    occurrences: int = Field(description="Occurrences within the stats' days")


class ErrorStatsOut(BaseModel):
    days: int
    daily: list[ErrorDayOut] = Field(description="Each UTC day, oldest first, today last")
    by_status: ErrorsByStatusOut = Field(description="Every group by its status now")
    top: list[TopErrorOut] = Field(description="The 10 groups with the most occurrences")

    @classmethod
    def of(cls, days: int, stats: ErrorStats) -> ErrorStatsOut:
        return cls(
            days=days,
            daily=[
                ErrorDayOut(day=item.day, occurrences=item.occurrences, new_groups=item.new_groups)
                for item in stats.days
            ],
            by_status=ErrorsByStatusOut(**stats.by_status),
            top=[
                TopErrorOut(
                    id=item.group.id,
                    source=item.group.source,
                    error_type=item.group.error_type,
                    location=item.group.location,
                    message=item.group.message,
                    status=item.group.status,
                    last_seen=item.group.last_seen,
                    occurrences=item.occurrences,
                )
                for item in stats.top
            ],
        )
