"""Runs of dead workers: a run still `running` twice its queue's time limit after it started
can only belong to a worker that died; the hourly clean-up marks it failed (`lost`), and no
read of the history changes anything."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.jobs.inline import InlineRunner
from cryptolens.jobs.registry import timeout_seconds
from cryptolens.system import job_runs
from cryptolens.system.models import JobRun


def _running(name: str, queue: str, started_seconds_ago: float, clock: FrozenClock) -> JobRun:
    return JobRun(
        name=name,
        queue=queue,
        args_summary="",
        started_at=clock.now() - timedelta(seconds=started_seconds_ago),
        status="running",
        candles_fetched=0,
        patterns_found=0,
        signals_created=0,
        notifications_sent=0,
    )


async def test_the_cleanup_marks_runs_unfinished_twice_their_limit_failed_as_lost(
    runner: InlineRunner,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    assert runner.ctx is not None
    jobs = runner.ctx.settings.jobs
    default, high, low = (timeout_seconds(jobs, queue) for queue in ("default", "high", "low"))
    runs = {
        "dead scan": _running("scan_symbol", "default", 2 * default + 1, clock),
        "slow scan": _running("scan_symbol", "default", 2 * default - 1, clock),
        "dead push": _running("notify_signal", "high", 2 * high + 1, clock),
        "long cleanup": _running("refresh_stats", "low", 2 * high + 1, clock),
    }
    assert 2 * high + 1 < 2 * low
    async with unit_of_work(session_factory) as session:
        session.add_all(runs.values())
    ids = {label: run.id for label, run in runs.items()}

    async with session_factory() as session:
        listed = await job_runs.list_runs(session, status="running")
    assert {run.id for run in listed} == set(ids.values())  # a read changes nothing

    job_id = await runner.enqueue("expire_and_cleanup")
    assert job_id is not None
    outcome = await runner.wait_for(job_id)
    assert outcome is not None and outcome.status == "ok", outcome
    assert outcome.counters is not None
    assert outcome.counters.details["job_runs_lost"] == 2

    async with session_factory() as session:
        found = {
            run.id: run
            for run in await session.scalars(select(JobRun).where(JobRun.id.in_(ids.values())))
        }
    for label in ("dead scan", "dead push"):
        run = found[ids[label]]
        assert run.status == "failed", label
        assert run.error is not None and run.error.startswith("lost:"), run.error
        assert run.finished_at == clock.now()
    for label in ("slow scan", "long cleanup"):
        run = found[ids[label]]
        assert (run.status, run.finished_at, run.error) == ("running", None, None), label
