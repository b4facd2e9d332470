"""The `run_backtest` job (docs/rules/backtest.md "User backtests"): one replay in its own store
(signals.replay_range: nothing live is written, pushed, streamed or delivered), its progress
written to the row every PROGRESS_WRITE_SECONDS, a cancel seen at the next write, and the
results stored once it completes. The daily `backtests_cleanup` applies the retention.

Status: queued -> running -> completed | failed | cancelled. The row's status is the cancel
flag: a cancel sets it to `cancelled` and the job, reading it back at each progress write,
stops the replay. A worker killed mid-run leaves the row `running`: the runner's retry of the
job runs it again from the start, and `backtests_cleanup` fails what nothing picked up."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import timedelta
from typing import Any

from cryptolens.backtests import parameters, results, service
from cryptolens.backtests.models import (
    ACTIVE_STATUSES,
    COMPLETED,
    ERROR_LENGTH,
    FAILED,
    RUNNING,
    Backtest,
    BacktestSignal,
)
from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext, JobCounters
from cryptolens.signals import reads as signals

log = logging.getLogger("cryptolens.backtests")

JOB_TIMEOUT_SECONDS = 3600.0
# Progress is written (and the cancel flag read) at most this often; the spec asks for at
# least every 5 s, and a cancel must stop the run within 5 s.
PROGRESS_WRITE_SECONDS = 2.0
# A queued or running backtest this old was lost with its worker (twice the job's limit).
LOST_AFTER = timedelta(seconds=2 * JOB_TIMEOUT_SECONDS)


class _Run:
    """The row's side of one replay: progress writes and the cancel flag."""

    def __init__(self, ctx: JobContext, backtest_id: int) -> None:
        self.ctx = ctx
        self.backtest_id = backtest_id
        self.cancelled = False
        self._written_at = time.monotonic()

    def should_stop(self) -> bool:
        return self.cancelled

    async def on_progress(self, progress: signals.ReplayProgress) -> None:
        now = time.monotonic()
        done = progress.minutes_done >= progress.minutes_total
        if now - self._written_at < PROGRESS_WRITE_SECONDS and not done:
            return
        self._written_at = now
        percent = min(100, progress.minutes_done * 100 // max(1, progress.minutes_total))
        async with unit_of_work(self.ctx.session_factory) as db:
            # Locked by its primary key first, as a cancel locks it (no deadlock between them).
            backtest = await db.get(Backtest, self.backtest_id, with_for_update=True)
            if backtest is None or backtest.status != RUNNING:
                self.cancelled = True  # cancelled (or deleted) meanwhile
                return
            backtest.progress = percent
            backtest.replayed_until = progress.replayed_until

    async def finish(self, status: str, error: str) -> None:
        """Ends a running backtest (not one cancelled meanwhile)."""
        async with unit_of_work(self.ctx.session_factory) as db:
            backtest = await db.get(Backtest, self.backtest_id, with_for_update=True)
            if backtest is not None and backtest.status == RUNNING:
                backtest.status = status
                backtest.error = error[:ERROR_LENGTH]
                backtest.finished_at = self.ctx.clock.now()


async def _start(ctx: JobContext, backtest_id: int) -> Backtest | None:
    """Marks the backtest running (again, after a lost worker); None when there is nothing to
    run (cancelled, deleted or finished)."""
    async with unit_of_work(ctx.session_factory) as db:
        backtest = await db.get(Backtest, backtest_id, with_for_update=True)
        if backtest is None or backtest.status not in ACTIVE_STATUSES:
            return None
        backtest.status = RUNNING
        backtest.started_at = ctx.clock.now()
        backtest.progress = 0
        backtest.replayed_until = None
        await db.flush()
        db.expunge(backtest)
        return backtest


def _stored(backtest_id: int, number: int, signal: Any) -> BacktestSignal:
    """`signal`: a replay's Signal row (detached; every column set)."""
    return BacktestSignal(
        backtest_id=backtest_id,
        number=number,
        direction=signal.direction,
        entry=signal.entry,
        stop_loss=signal.stop_loss,
        take_profit_1=signal.take_profit_1,
        take_profit_2=signal.take_profit_2,
        take_profit_3=signal.take_profit_3,
        risk_reward=signal.risk_reward,
        move_stop_to_entry_after_tp1=signal.move_stop_to_entry_after_tp1,
        confluence=signal.confluence,
        timeframes=signal.timeframes,
        anchor_type=signal.anchor_type,
        anchor_timeframe=signal.anchor_timeframe,
        strength=signal.strength,
        status=signal.status,
        outcome_r=signal.outcome_r,
        exit_price=signal.exit_price,
        created_at=signal.created_at,
        triggered_at=signal.triggered_at,
        tp1_at=signal.tp1_at,
        tp2_at=signal.tp2_at,
        tp3_at=signal.tp3_at,
        stopped_at=signal.stopped_at,
        closed_at=signal.closed_at,
        expired_at=signal.expired_at,
        cancelled_at=signal.cancelled_at,
    )


def stored_results(backtest_id: int, outcome: signals.ReplayOutcome) -> list[BacktestSignal]:
    """The result signals numbered 1.. in creation order (the replay's order)."""
    return [
        _stored(backtest_id, number, signal)
        for number, signal in enumerate(outcome.signals, start=1)
    ]


def figures_of(rows: list[BacktestSignal]) -> tuple[dict[str, object], list[dict[str, object]]]:
    """The summary and the by_setup lines as stored on the backtest."""
    summary = results.summarize(rows).as_dict()
    lines = [
        {"anchor_type": anchor_type, "anchor_timeframe": timeframe, **figures.as_dict()}
        for anchor_type, timeframe, figures in results.by_setup(rows)
    ]
    return summary, lines


async def _complete(run: _Run, outcome: signals.ReplayOutcome) -> bool:
    rows = stored_results(run.backtest_id, outcome)
    summary, lines = figures_of(rows)
    async with unit_of_work(run.ctx.session_factory) as db:
        backtest = await db.get(Backtest, run.backtest_id, with_for_update=True)
        if backtest is None or backtest.status != RUNNING:
            return False
        db.add_all(rows)
        backtest.status = COMPLETED
        backtest.progress = 100
        backtest.replayed_until = backtest.end
        backtest.minutes_replayed = outcome.minutes_replayed
        backtest.minutes_missing = outcome.minutes_missing
        backtest.summary = summary
        backtest.by_setup = lines
        backtest.finished_at = run.ctx.clock.now()
    return True


async def run_backtest(ctx: JobContext, backtest_id: int) -> JobCounters:
    backtest = await _start(ctx, backtest_id)
    if backtest is None:
        return JobCounters(details={"skipped": 1})
    run = _Run(ctx, backtest_id)
    cycle = parameters.settings_from_values(ctx.settings, backtest.parameters)
    started = time.monotonic()
    try:
        outcome = await signals.replay_range(
            ctx.session_factory,
            backtest.symbol_id,
            backtest.start,
            backtest.end,
            cycle,
            on_progress=run.on_progress,
            should_stop=run.should_stop,
        )
    except signals.ReplayStoppedError:
        log.info("backtest.cancelled", extra={"backtest_id": backtest_id})
        return JobCounters(details={"cancelled": 1})
    except signals.InsufficientHistoryError as error:
        # The 1m history was pruned between the submission and the run.
        await run.finish(FAILED, str(error))
        return JobCounters(details={"failed": 1})
    except asyncio.CancelledError:
        # The worker stopped or the job's time limit passed: the row tells the user.
        timed_out = time.monotonic() - started >= JOB_TIMEOUT_SECONDS - 1
        reason = (
            f"stopped at the {JOB_TIMEOUT_SECONDS:g} s limit"
            if timed_out
            else "the worker stopped before it ended"
        )
        await asyncio.shield(run.finish(FAILED, reason))
        raise
    except Exception as error:
        await run.finish(FAILED, f"{type(error).__name__}: {error}")
        raise
    if not await _complete(run, outcome):
        return JobCounters(details={"cancelled": 1})
    return JobCounters(
        signals_created=len(outcome.signals),
        details={"minutes_replayed": outcome.minutes_replayed},
    )


async def backtests_cleanup(ctx: JobContext) -> JobCounters:
    """Daily: the retention (20 newest finished per user, none older than 90 days) and the
    backtests a dead worker left queued or running."""
    now = ctx.clock.now()
    lost = await service.fail_lost(ctx.session_factory, now, LOST_AFTER)
    counts = await service.apply_retention(ctx.session_factory, now)
    return JobCounters(details={**counts, "lost": lost})
