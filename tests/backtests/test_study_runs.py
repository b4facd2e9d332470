"""The study over a stored real series: the jobs (two lanes, one replay each) and a run in one
process give the same JSON, twice; a study changes nothing live."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.backtests import parameters, study_service
from cryptolens.backtests.study_jobs import StudyWorker, run_study_replay
from cryptolens.core.cache import MemoryCache
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext
from cryptolens.patterns.models import Pattern
from cryptolens.settings import Settings
from cryptolens.signals.models import Signal
from tests.backtests.conftest import RecordingQueue
from tests.backtests.study_runs import outcome_of, store_btc, submit_small


async def _run_as_jobs(
    factory: async_sessionmaker[AsyncSession], settings: Settings, study_id: int
) -> RecordingQueue:
    """The lanes' jobs, run one after another in the order they are queued."""
    queue = RecordingQueue()
    ctx = JobContext(
        settings=settings,
        session_factory=factory,
        cache=MemoryCache(),
        clock=FrozenClock(datetime.now(UTC)),
        enqueuer=queue,
    )
    pending = [{"study_id": study_id, "lane": lane, "step": 0} for lane in (0, 1)]
    ran = 0
    while pending:
        arguments = pending.pop(0)
        before = len(queue.enqueued)
        await run_study_replay(ctx, **arguments)
        ran += 1
        for job in queue.enqueued[before:]:
            assert job["name"] == "run_study_replay"
            pending.append({k: job[k] for k in ("study_id", "lane", "step")})
        assert ran < 50
    return queue


async def test_the_study_is_deterministic_and_changes_nothing_live(
    session_factory: async_sessionmaker[AsyncSession], test_settings: Settings
) -> None:
    await store_btc(session_factory)
    async with unit_of_work(session_factory) as db:
        live_before = (await parameters.live_settings(db, test_settings)).model_dump()

    first = await submit_small(session_factory, test_settings)
    queue = await _run_as_jobs(session_factory, test_settings, first)
    by_jobs = await outcome_of(session_factory, first)

    second = await submit_small(session_factory, test_settings)
    worker = StudyWorker(session_factory, test_settings, lambda: datetime.now(UTC))
    steps: list[int] = []
    await worker.run_all(second, on_step=lambda: steps.append(1))
    in_process = await outcome_of(session_factory, second)

    assert by_jobs["status"] == "completed", by_jobs["error"]
    assert by_jobs["progress"] == 100
    assert json.dumps(by_jobs, sort_keys=True) == json.dumps(in_process, sort_keys=True)
    # 2 train replays, the chosen test and the baseline; each lane queued its next step.
    assert len(steps) == 4
    assert {job["lane"] for job in queue.enqueued} == {0, 1}
    (window,) = by_jobs["windows"]
    assert window["status"] == "completed"
    assert window["chosen_values"] in ({"default_rr": 2.5}, {"default_rr": 3.5})
    assert window["train_resolved"] >= 1 and window["test_count"] >= 1
    overall = by_jobs["aggregates"]["overall"]
    assert overall["chosen"]["resolved"] == window["test_resolved"]
    assert overall["baseline"]["resolved"] == window["baseline_resolved"]
    assert overall["overfitting_gap"] == (window["train_avg_r"] - window["test_avg_r"])

    # Nothing live: no pattern or signal stored, the live settings as they were.
    async with unit_of_work(session_factory) as db:
        assert await db.scalar(select(func.count()).select_from(Signal)) == 0
        assert await db.scalar(select(func.count()).select_from(Pattern)) == 0
        assert (await parameters.live_settings(db, test_settings)).model_dump() == live_before


async def test_a_cancelled_study_runs_no_more_replays(
    session_factory: async_sessionmaker[AsyncSession], test_settings: Settings
) -> None:
    await store_btc(session_factory)
    study_id = await submit_small(session_factory, test_settings)
    async with unit_of_work(session_factory) as db:
        await study_service.cancel(db, study_id, datetime.now(UTC))
    worker = StudyWorker(session_factory, test_settings, lambda: datetime.now(UTC))
    outcome = await worker.step(study_id)
    assert outcome.value == "stopped"
    assert (await outcome_of(session_factory, study_id))["progress"] == 0
