"""Job bodies of the write API's domain: the daily retention of its requests (the hourly
expire_and_cleanup lives in the system domain, which this domain reads from: it cannot call
back here without an import cycle)."""

from __future__ import annotations

from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext, JobCounters
from cryptolens.job_requests import service


async def job_requests_cleanup(ctx: JobContext) -> JobCounters:
    """Deletes scan and fetch requests older than `jobs.runs_retention_days` (30)."""
    async with unit_of_work(ctx.session_factory) as session:
        deleted = await service.delete_expired(
            session, ctx.clock.now(), ctx.settings.jobs.runs_retention_days
        )
    return JobCounters(details={"deleted": deleted})
