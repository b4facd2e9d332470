"""`/admin/jobs`: the cron jobs (schedule, queue, switch, last run, last 24 h), the switch, run
now, and the run history (admin.md, "Jobs"). The rules live in the jobs runtime
(jobs/control.py) and the system domain's run history (system/job_stats.py).

The one admin section an API key may call: an admin's key carrying `admin:scheduler`, within
the key's own rate limits (auth-and-tiers.md); the router's declaration lets it past the admin
guard (admin/router.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, status

from cryptolens.access.deps import RequireAdminScope
from cryptolens.admin.deps import AuditDep
from cryptolens.admin.jobs.schemas import (
    JobOut,
    JobPatchIn,
    JobRunNowOut,
    JobRunOut,
    QueueName,
    RunStatusName,
)
from cryptolens.core.deps import ClockDep, JobQueueDep, SessionDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.paging import PageParams, PageRequest, ok_page
from cryptolens.core.params import OptionalInstant, instant_query
from cryptolens.db import from_ms
from cryptolens.jobs import control

router = APIRouter(
    tags=["admin"],
    dependencies=[Depends(RequireAdminScope("admin:scheduler"))],
    responses=error_responses({429: "An API key's rate limit (`rate_limited`)"}),
)

JobName = Annotated[str, Path(max_length=100, description="A cron job's name")]
UNKNOWN_JOB = {404: "No cron job of that name (`not_found`)"}


@router.get(
    "/jobs",
    operation_id="admin-jobs",
    summary="The cron jobs: schedule, queue, switch, last run and the last 24 h",
    response_model=Envelope[list[JobOut]],
)
async def list_jobs(db: SessionDep, clock: ClockDep) -> Envelope[list[JobOut]]:
    rows = await control.job_table(db, clock.now())
    return ok([JobOut.model_validate(row) for row in rows])


@router.get(
    "/jobs/runs",
    operation_id="admin-job-runs",
    summary="The run history, newest first",
    response_model=Envelope[list[JobRunOut]],
)
async def list_job_runs(
    db: SessionDep,
    page: PageParams,
    name: Annotated[str | None, Query(max_length=100, description="A job's name")] = None,
    queue: QueueName | None = None,
    status: RunStatusName | None = None,
    since: Annotated[OptionalInstant, instant_query("Runs started at or after")] = None,
    until: Annotated[OptionalInstant, instant_query("Runs started before")] = None,
) -> Envelope[list[JobRunOut]]:
    filters = control.RunFilters(
        name=name,
        queue=queue,
        status=status,
        since=None if since is None else from_ms(since),
        until=None if until is None else from_ms(until),
    )
    request = PageRequest.from_cursor(page.cursor, key_size=1, limit=page.limit)
    runs = await control.list_runs(db, filters, request)
    return ok_page(runs.map(JobRunOut.of))


@router.patch(
    "/jobs/{name}",
    operation_id="admin-job-update",
    summary="Switch a cron job on or off",
    response_model=Envelope[JobOut],
    responses=error_responses(UNKNOWN_JOB),
)
async def update_job(
    name: JobName, body: JobPatchIn, db: SessionDep, clock: ClockDep, audit: AuditDep
) -> Envelope[JobOut]:
    was = await control.set_enabled(db, name, body.enabled, clock.now())
    await audit.record(
        "job.update",
        target_type="job",
        target_id=name,
        before={"enabled": was},
        after={"enabled": body.enabled},
    )
    return ok(JobOut.model_validate(await control.job_row(db, name, clock.now())))


@router.post(
    "/jobs/{name}/run",
    operation_id="admin-job-run",
    summary="Run a cron job now (even when switched off)",
    description=(
        "Enqueues the job now. When a copy with the same arguments is already queued or "
        "running, no other is queued: `data.job_id` is that copy's and `meta.deduplicated` "
        "is true (false otherwise)."
    ),
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Envelope[JobRunNowOut],
    responses=error_responses({**UNKNOWN_JOB, 503: "The job runner is stopping"}),
)
async def run_job_now(
    name: JobName, db: SessionDep, queue: JobQueueDep, audit: AuditDep
) -> Envelope[JobRunNowOut]:
    enqueued = await control.run_now(db, queue, name)
    await audit.record(
        "job.run",
        target_type="job",
        target_id=name,
        after={"job_id": enqueued.job_id, "deduplicated": enqueued.deduplicated},
    )
    return ok(JobRunNowOut(job_id=enqueued.job_id), deduplicated=enqueued.deduplicated)
