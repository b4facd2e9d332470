"""Maintenance jobs on the low queue: retention clean-up (and, as domains land, expiry)."""

from __future__ import annotations

from cryptolens.db import unit_of_work
from cryptolens.jobs.context import JobContext
from cryptolens.jobs.registry import job
from cryptolens.system import job_runs
from cryptolens.system.job_runs import JobCounters


@job("expire_and_cleanup", queue="low")
async def expire_and_cleanup(ctx: JobContext) -> JobCounters:
    counters = JobCounters()
    async with unit_of_work(ctx.session_factory) as session:
        counters.details["job_runs_deleted"] = await job_runs.purge_runs(
            session, ctx.clock.now(), ctx.settings.job_runs_retention_days
        )
    return counters
