"""What other domains may read of the system domain's records.

runs = await reads.runs_of_jobs(session, ["job_x:scan:BTC/USDT"])   # every try, oldest first
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.system import repository
from cryptolens.system.job_runs import RunStatus


@dataclass(frozen=True)
class RecordedRun:
    """One try of a job as the run history holds it (a copy: no ORM row leaves the domain).
    `error` is the runner's own text, for operators: never show it to a user as it is."""

    job_id: str
    status: RunStatus
    started_at: datetime
    finished_at: datetime | None
    error: str | None
    candles_fetched: int
    patterns_found: int
    signals_created: int


async def runs_of_jobs(session: AsyncSession, job_ids: Sequence[str]) -> list[RecordedRun]:
    """Every recorded try of these jobs (by the runner's job id), oldest first."""
    rows = await repository.job_runs_of_jobs(session, job_ids)
    return [
        RecordedRun(
            job_id=row.job_id or "",
            status=cast(RunStatus, row.status),
            started_at=row.started_at,
            finished_at=row.finished_at,
            error=row.error,
            candles_fetched=row.candles_fetched,
            patterns_found=row.patterns_found,
            signals_created=row.signals_created,
        )
        for row in rows
    ]
