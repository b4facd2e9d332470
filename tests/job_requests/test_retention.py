"""Write-API requests are kept as long as the run history (`jobs.runs_retention_days`, 30 days):
the daily `job_requests_cleanup` deletes every user's older requests, finished or not, and
keeps the rest (a request exactly 30 days old too). Run the way an admin's "run now" runs it,
on the embedded runner."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.admin.router import ADMIN_PREFIX
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.job_requests.models import JobRequest
from cryptolens.jobs.registry import get_job
from cryptolens.jobs.schedule import CRON_SCHEDULE
from tests.clients import MakeUserClient
from tests.job_requests.conftest import JOBS_URL, data_of, error_code, runner_of


def _request(public_id: str, user_id: int, created_at: datetime, status: str) -> JobRequest:
    ended = status in ("succeeded", "failed")
    return JobRequest(
        public_id=public_id,
        user_id=user_id,
        api_key_id=None,
        kind="scan",
        arguments={"symbols": ["BTC/USDT"]},
        jobs=[{"symbol": "BTC/USDT", "job_id": f"scan:{public_id}"}],
        status=status,
        created_at=created_at,
        finished_at=created_at if ended else None,
        error=None,
        candles_fetched=0,
        patterns_found=0,
        signals_created=0,
    )


async def test_requests_past_the_run_retention_are_deleted_daily(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    trader = await make_user_client("premium")
    other = await make_user_client("pro")
    admin = await make_user_client(admin=True)
    now = clock.now()
    day = timedelta(days=1)
    rows = {
        "job_old_done": (trader.user_id, now - 31 * day, "succeeded"),
        "job_old_stuck": (trader.user_id, now - 45 * day, "queued"),  # its runs are gone too
        "job_old_other": (other.user_id, now - 30 * day - timedelta(seconds=1), "failed"),
        "job_at_cutoff": (trader.user_id, now - 30 * day, "succeeded"),
        "job_recent": (trader.user_id, now - 29 * day, "succeeded"),
        "job_recent_other": (other.user_id, now - timedelta(minutes=5), "succeeded"),
    }
    async with unit_of_work(session_factory) as session:
        for public_id, (user_id, created_at, status) in rows.items():
            session.add(_request(public_id, user_id, created_at, status))

    clicked = await admin.http.post(f"{ADMIN_PREFIX}/jobs/job_requests_cleanup/run")
    job_id = data_of(clicked, 202)["job_id"]
    outcome = await asyncio.wait_for(runner_of(app).wait_for(job_id), timeout=60)
    assert outcome is not None and outcome.status == "ok", outcome
    assert outcome.counters is not None and outcome.counters.details == {"deleted": 3}

    async with session_factory() as session:
        kept = set(await session.scalars(select(JobRequest.public_id)))
    assert kept == {"job_at_cutoff", "job_recent", "job_recent_other"}
    # What the owner sees: a deleted request is simply unknown.
    assert data_of(await trader.http.get(f"{JOBS_URL}/job_recent"))["status"] == "succeeded"
    assert error_code(await trader.http.get(f"{JOBS_URL}/job_old_done")) == (404, "not_found")


async def test_the_cleanup_is_a_daily_low_queue_cron_job() -> None:
    assert get_job("job_requests_cleanup").queue == "low"
    [entry] = [e for e in CRON_SCHEDULE if e.job_name == "job_requests_cleanup"]
    assert entry.cron_text == "50 3 * * *"
