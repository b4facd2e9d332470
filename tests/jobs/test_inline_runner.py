"""The embedded runner: records runs, one copy at a time, retries then fails, queues apart,
one time limit per job, a cron slot once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.cache import MemoryCache
from cryptolens.core.clock import FrozenClock
from cryptolens.jobs.inline import InlineRunner
from cryptolens.jobs.runtime import create_jobs_runtime
from cryptolens.jobs.schedule import CRON_SCHEDULE
from cryptolens.settings import Settings
from cryptolens.system import runtime_settings
from cryptolens.system.models import JobRun
from tests.jobs.conftest import ProbeControl


async def runs_of(factory: async_sessionmaker[AsyncSession], name: str) -> list[JobRun]:
    async with factory() as session:
        rows = await session.scalars(select(JobRun).where(JobRun.name == name).order_by(JobRun.id))
        return list(rows)


async def test_a_run_is_recorded_with_its_counters(
    runner: InlineRunner,
    control: ProbeControl,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    job_id = await runner.enqueue("probe_count", symbol="ETH/USDT")
    assert job_id is not None
    outcome = await runner.wait_for(job_id)
    assert outcome is not None and outcome.status == "ok"
    assert control.calls == ["ETH/USDT"]
    [run] = await runs_of(session_factory, "probe_count")
    assert run.status == "ok"
    assert run.queue == "default"
    assert run.args_summary == "symbol=ETH/USDT"
    assert run.job_id == job_id
    assert (run.candles_fetched, run.patterns_found) == (3, 2)
    assert run.started_at == clock.now()
    assert run.finished_at is not None and run.duration_ms == 0
    assert run.error is None


async def test_the_same_job_never_runs_twice_at_once(
    runner: InlineRunner, control: ProbeControl, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    first = await runner.enqueue("probe_block", symbol="BTC/USDT")
    await asyncio.wait_for(control.started.wait(), 5)
    # Same id: refused while queued or running. Another id, same job and args: skipped.
    assert first is not None
    assert await runner.enqueue("probe_block", job_id=first, symbol="BTC/USDT") is None
    second = await runner.enqueue("probe_block", symbol="BTC/USDT")
    assert second is not None
    skipped = await runner.wait_for(second)
    assert skipped is not None and skipped.status == "skipped"
    control.release.set()
    done = await runner.wait_for(first)
    assert done is not None and done.status == "ok"
    assert control.calls == ["BTC/USDT"]
    statuses = sorted(run.status for run in await runs_of(session_factory, "probe_block"))
    assert statuses == ["ok", "skipped"]


async def test_a_copy_of_a_resumable_job_finding_it_busy_tries_again_after_a_lock_lifetime(
    test_settings: Settings,
    control: ProbeControl,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    """A fan-out resumed after a crash met the killed worker's lock and was skipped, so the
    pushes waited for a later resume (over a minute): such a copy tries again instead."""
    jobs = test_settings.jobs.model_copy(update={"lock_ttl_seconds": 0.5})
    settings = test_settings.model_copy(update={"jobs": jobs})
    runtime = create_jobs_runtime(settings, session_factory, MemoryCache(), clock, None)
    runner = runtime.runner
    assert runner is not None
    try:
        first = await runner.enqueue("probe_block_resumed", signal_id=7)
        await asyncio.wait_for(control.started.wait(), 5)
        copy = await runner.enqueue("probe_block_resumed", signal_id=7)
        assert first is not None and copy is not None
        await asyncio.wait_for(_until_runs(session_factory, "probe_block_resumed", "retrying"), 5)
        control.release.set()
        outcomes = [await runner.wait_for(first), await runner.wait_for(copy)]
        assert [outcome.status for outcome in outcomes if outcome] == ["ok", "ok"]
        assert control.calls == ["resumed 7", "resumed 7"]
        statuses = [run.status for run in await runs_of(session_factory, "probe_block_resumed")]
        assert sorted(statuses) == ["ok", "ok", "retrying"]
    finally:
        control.release.set()
        await runtime.stop()


async def _until_runs(factory: async_sessionmaker[AsyncSession], name: str, status: str) -> None:
    """Poll the run history (the runner records a try, it signals nothing)."""
    while status not in {run.status for run in await runs_of(factory, name)}:  # noqa: ASYNC110
        await asyncio.sleep(0.02)


async def test_other_arguments_run_side_by_side(
    runner: InlineRunner, control: ProbeControl
) -> None:
    first = await runner.enqueue("probe_block", symbol="BTC/USDT")
    second = await runner.enqueue("probe_block", symbol="ETH/USDT")
    await asyncio.wait_for(_until(lambda: len(control.calls) == 2), 5)
    control.release.set()
    assert first and second
    outcomes = [await runner.wait_for(first), await runner.wait_for(second)]
    assert [outcome.status for outcome in outcomes if outcome] == ["ok", "ok"]


async def test_transient_failure_is_retried_then_succeeds(
    runner: InlineRunner, control: ProbeControl, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    control.failures_left = 2
    job_id = await runner.enqueue("probe_flaky")
    assert job_id is not None
    outcome = await runner.wait_for(job_id)
    assert outcome is not None and outcome.status == "ok"
    assert control.calls == ["flaky"] * 3
    runs = await runs_of(session_factory, "probe_flaky")
    assert [run.status for run in runs] == ["retrying", "retrying", "ok"]
    assert runs[0].error == "ConnectionError: exchange unreachable"


async def test_a_job_failing_for_good_is_recorded_failed_with_its_error(
    runner: InlineRunner, control: ProbeControl, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    control.failures_left = 10
    job_id = await runner.enqueue("probe_flaky")
    assert job_id is not None
    outcome = await runner.wait_for(job_id)
    assert outcome is not None and outcome.status == "failed"
    runs = await runs_of(session_factory, "probe_flaky")
    assert [run.status for run in runs] == ["retrying", "retrying", "failed"]
    assert runs[-1].error == "ConnectionError: exchange unreachable"


async def test_a_permanent_error_is_not_retried(
    runner: InlineRunner, control: ProbeControl, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    control.failures_left = 1
    control.error = ValueError
    job_id = await runner.enqueue("probe_flaky")
    assert job_id is not None
    outcome = await runner.wait_for(job_id)
    assert outcome is not None and outcome.status == "failed"
    assert [run.status for run in await runs_of(session_factory, "probe_flaky")] == ["failed"]


async def test_high_queue_is_not_held_up_by_a_busy_default_queue(
    runner: InlineRunner, control: ProbeControl
) -> None:
    # Fill every default slot (and one more waiting) with long jobs.
    for symbol in ("A/USDT", "B/USDT", "C/USDT"):
        await runner.enqueue("probe_block", symbol=symbol)
    await asyncio.wait_for(_until(lambda: len(control.calls) == 2), 5)
    assert (await runner.queue_sizes())["default"] == 1
    started = asyncio.get_running_loop().time()
    job_id = await runner.enqueue("probe_notify")
    assert job_id is not None
    outcome = await asyncio.wait_for(runner.wait_for(job_id), 1.0)
    assert outcome is not None and outcome.status == "ok"
    assert asyncio.get_running_loop().time() - started < 1.0


async def test_cron_slot_fires_once_and_a_switched_off_job_is_skipped(
    runner: InlineRunner,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    minute = datetime(2026, 11, 25, 10, 7, tzinfo=UTC)
    # arq's unique cron id: the cron job's name and the slot (10:07:00.5 UTC) in ms.
    slot = "cron:expire_and_cleanup:1795601220500"
    fired = runner.fire_due(minute)
    assert slot in fired
    # The same slot again (another process looking at the clock) enqueues nothing new.
    assert slot not in runner.fire_due(minute)
    await runner.wait_for(slot)

    async with session_factory() as session:
        await runtime_settings.set_job_enabled(session, "expire_and_cleanup", False, clock.now())
        await session.commit()
    next_hour = minute + timedelta(hours=1)
    runner.fire_due(next_hour)
    await runner.wait_for("cron:expire_and_cleanup:1795604820500")
    runs = await runs_of(session_factory, "expire_and_cleanup")
    assert [run.status for run in runs] == ["ok", "skipped"]
    assert runs[1].error == "switched off by an admin"


async def test_the_schedule_fires_the_current_minutes_slots_at_start(
    runner: InlineRunner, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    [scan] = [entry for entry in CRON_SCHEDULE if entry.job_name == "fetch_and_scan"]
    minutes = [datetime.now(UTC)]
    runner.start_schedule()
    minutes.append(datetime.now(UTC))  # the start may straddle a minute
    expected = {scan.slot_id(slot) for moment in minutes if (slot := scan.slot_at(moment))}
    deadline = asyncio.get_running_loop().time() + 5
    while not (runs := await runs_of(session_factory, "fetch_and_scan")):
        assert asyncio.get_running_loop().time() < deadline, "no fetch_and_scan at start"
        await asyncio.sleep(0.05)
    run = runs[0]
    assert run.job_id in expected
    outcome = await runner.wait_for(str(run.job_id))
    assert outcome is not None and outcome.status == "ok", outcome


async def test_a_restarted_process_does_not_run_a_finished_slot_again(
    runner: InlineRunner,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    minute = datetime(2026, 11, 25, 10, 7, tzinfo=UTC)
    slot = "cron:expire_and_cleanup:1795601220500"
    assert slot in runner.fire_due(minute)
    await runner.wait_for(slot)
    # A new process knows nothing of the slot: the run history does.
    assert runner.ctx is not None
    restarted = create_jobs_runtime(
        runner.ctx.settings, session_factory, MemoryCache(), clock, None
    ).runner
    assert restarted is not None
    assert slot in restarted.fire_due(minute)
    outcome = await restarted.wait_for(slot)
    await restarted.stop()
    assert outcome is not None and outcome.status == "skipped"
    runs = await runs_of(session_factory, "expire_and_cleanup")
    assert [(run.job_id, run.status, run.error) for run in runs] == [
        (slot, "ok", None),
        (slot, "skipped", "this slot already ran"),
    ]


async def test_a_job_out_of_time_is_stopped_once_and_recorded_failed(
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    control: ProbeControl,
) -> None:
    jobs = test_settings.jobs.model_copy(update={"timeout_default_seconds": 0.3})
    settings = test_settings.model_copy(update={"jobs": jobs})
    short = create_jobs_runtime(settings, session_factory, MemoryCache(), clock, None).runner
    assert short is not None
    job_id = await short.enqueue("probe_block", symbol="BTC/USDT")
    assert job_id is not None
    outcome = await short.wait_for(job_id)
    await short.stop()
    assert outcome is not None and outcome.status == "failed"
    assert control.calls == ["BTC/USDT"]  # out of time is not a reason to try again
    [run] = await runs_of(session_factory, "probe_block")
    assert (run.status, run.error) == ("failed", "TimeoutError: stopped at its 0.3 s limit")


async def test_a_job_cut_short_by_a_stop_is_recorded(
    runner: InlineRunner, control: ProbeControl, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await runner.enqueue("probe_block", symbol="BTC/USDT")
    await asyncio.wait_for(control.started.wait(), 5)
    await runner.stop(timeout_seconds=0.05)
    [run] = await runs_of(session_factory, "probe_block")
    assert run.status == "failed"
    assert run.error == "CancelledError: the worker stopped before the job ended"


async def test_stop_lets_running_jobs_finish_and_takes_no_new_ones(
    runner: InlineRunner, control: ProbeControl
) -> None:
    job_id = await runner.enqueue("probe_block", symbol="BTC/USDT")
    await asyncio.wait_for(control.started.wait(), 5)
    stopping = asyncio.create_task(runner.stop(timeout_seconds=5))
    await asyncio.sleep(0.05)
    assert await runner.enqueue("probe_count") is None
    control.release.set()
    await stopping
    assert job_id is not None
    assert control.calls == ["BTC/USDT"]


async def _until(condition: object) -> None:
    """Poll a condition the probe jobs make true (they cannot signal each count)."""
    assert callable(condition)
    while not condition():  # noqa: ASYNC110
        await asyncio.sleep(0.01)
