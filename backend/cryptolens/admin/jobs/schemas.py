"""The cron jobs and their runs as the admin API shows them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from cryptolens.core.iso_times import IsoInstant

QueueName = Literal["high", "default", "low"]
RunStatusName = Literal["running", "ok", "failed", "retrying", "skipped"]


class LastRunOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    status: RunStatusName
    started_at: IsoInstant
    duration_ms: int | None = Field(description="None while it runs, or when it was lost")


class WindowStatsOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    ok: int = Field(description="Runs that ended ok")
    failed: int = Field(description="Runs that failed (retries used up, or lost)")
    success_rate: float | None = Field(
        description="ok / (ok + failed), 0 to 1; null without such runs"
    )
    mean_duration_ms: float | None = Field(description="Mean duration of the ok and failed runs")
    mean_ok_duration_ms: float | None = Field(description="Mean duration of the ok runs")
    mean_failed_duration_ms: float | None = Field(description="Mean duration of the failed runs")


class JobOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str
    schedule: str = Field(description="Crontab time fields, UTC", examples=["*/5 * * * *"])
    queue: QueueName
    enabled: bool = Field(description="Off: its cron slots are skipped (a manual run still runs)")
    last_run: LastRunOut | None
    last_24h: WindowStatsOut = Field(description="Runs started in the last 24 h")


class JobPatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool


class JobRunNowOut(BaseModel):
    job_id: str = Field(
        description="The queued job (with `meta.deduplicated: true`, the copy already queued or "
        "running)"
    )


class JobRunCountersOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    candles_fetched: int
    patterns_found: int
    signals_created: int
    notifications_sent: int


class JobRunOut(BaseModel):
    id: int
    job_id: str | None
    name: str
    queue: QueueName
    args_summary: str | None
    status: RunStatusName
    enqueued_at: IsoInstant | None
    started_at: IsoInstant
    finished_at: IsoInstant | None
    duration_ms: int | None
    counters: JobRunCountersOut
    error: str | None

    @classmethod
    def of(cls, run: Any) -> JobRunOut:
        """From a job_runs row, its counters grouped."""
        fields = {name: getattr(run, name) for name in cls.model_fields if name != "counters"}
        return cls(**fields, counters=JobRunCountersOut.model_validate(run))
