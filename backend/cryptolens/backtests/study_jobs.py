"""The parameter study's work (docs/rules/backtest.md "Walk-forward parameter study"): one
replay per job, so each stays far inside the 3,600 s limit whatever the grid, and two lanes
of jobs share a study (each job claims the next replay, runs it and queues its lane's next
job), so two worker processes split the work.

A window's test replay is claimable only once every train replay of the window is done: the
choice reads train results only, whose candles close by the train end. A lane finding only
test replays waiting for the other lane's train replay polls again in WAIT_SECONDS. The job
finishing the last replay makes the aggregates. Nothing live is written: replays run in
their own store (signals.replay_range)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.backtests import parameters, study, study_repository
from cryptolens.backtests.results import summarize
from cryptolens.backtests.study_models import (
    ACTIVE_STATUSES,
    BASELINE,
    COMPLETED,
    ERROR_LENGTH,
    FAILED,
    INSUFFICIENT_SAMPLE,
    QUEUED,
    REPLAY_DONE,
    REPLAY_SKIPPED,
    RUNNING,
    TEST,
    TRAIN,
    WINDOW_COMPLETED,
    ParameterStudy,
    ParameterStudyReplay,
    ParameterStudyWindow,
)
from cryptolens.backtests.study_service import JOB_NAME, LANES, job_id_of
from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext, JobCounters
from cryptolens.settings import Settings
from cryptolens.signals import reads as signals

log = logging.getLogger("cryptolens.backtests.study")

JOB_TIMEOUT_SECONDS = 3600.0
# The cancel flag (the study's status) is read at most this often during a replay.
STATUS_READ_SECONDS = 2.0
WAIT_SECONDS = 5
# A replay claimed this long ago was lost with its worker: it is claimable again.
LOST_AFTER = timedelta(seconds=2 * JOB_TIMEOUT_SECONDS)


class Step(Enum):
    RAN = "ran"  # a replay ran (or was skipped: insufficient sample)
    WAITING = "waiting"  # only test replays left, waiting for the other lane's train replays
    FINISHED = "finished"  # nothing left: the study is completed
    STOPPED = "stopped"  # cancelled, deleted or failed


@dataclass(frozen=True)
class StudyWorker:
    """What the study's work needs: the live database, the environment's settings (every
    value a replay uses comes from the study's record) and the time."""

    session_factory: async_sessionmaker[AsyncSession]
    settings: Settings
    now: Callable[[], datetime]

    async def step(self, study_id: int) -> Step:
        """Claims and runs the study's next replay."""
        claimed = await self._claim(study_id)
        if isinstance(claimed, Step):
            return claimed
        record, window, replay = claimed
        try:
            await self._run(record, window, replay)
        except signals.ReplayStoppedError:
            return Step.STOPPED
        except signals.InsufficientHistoryError as error:
            # The 1m history was pruned between the submission and the run.
            await self._fail(study_id, str(error))
            return Step.STOPPED
        except asyncio.CancelledError:
            await asyncio.shield(self._fail(study_id, "stopped before its replay ended"))
            raise
        except Exception as error:
            await self._fail(study_id, f"{type(error).__name__}: {error}")
            raise
        return Step.RAN

    async def run_all(self, study_id: int, on_step: Callable[[], Any] | None = None) -> Step:
        """Every replay of the study in this process, one after another (the command)."""
        while (outcome := await self.step(study_id)) is Step.RAN:
            if on_step is not None:
                on_step()
        return outcome

    async def _claim(
        self, study_id: int
    ) -> Step | tuple[ParameterStudy, ParameterStudyWindow, ParameterStudyReplay]:
        now = self.now()
        async with unit_of_work(self.session_factory) as db:
            record = await study_repository.get_study(db, study_id)
            if record is None or record.status not in ACTIVE_STATUSES:
                return Step.STOPPED
            if record.status == QUEUED:
                await study_repository.set_study(
                    db, study_id, (QUEUED,), status=RUNNING, started_at=now
                )
            replay = await _claim_next(db, study_id, now)
            if replay is None:
                left = await study_repository.replays_left(db, study_id)
            else:
                window = await study_repository.get_window(db, replay.window_id)
                assert window is not None
                db.expunge_all()
                return record, window, replay
        if left:
            return Step.WAITING
        await self._finish(study_id)
        return Step.FINISHED

    async def _run(
        self, record: ParameterStudy, window: ParameterStudyWindow, replay: ParameterStudyReplay
    ) -> None:
        if replay.kind == TRAIN:
            assert replay.combination is not None
            values = record.combinations[replay.combination]
            start, end = window.train_start, window.train_end
        elif replay.kind == BASELINE:
            values, start, end = record.live_values, window.test_start, window.test_end
        else:
            chosen = await self._choose(record, window, replay)
            if chosen is None:
                return
            values, start, end = record.combinations[chosen], window.test_start, window.test_end
        watch = _StatusWatch(self.session_factory, record.id)
        outcome = await signals.replay_range(
            self.session_factory,
            window.symbol_id,
            start,
            end,
            parameters.settings_from_values(self.settings, values),
            on_progress=watch.on_progress,
            should_stop=watch.should_stop,
        )
        kept = [study.StudySignal.of(signal) for signal in outcome.signals]
        figures = summarize(kept)
        async with unit_of_work(self.session_factory) as db:
            if not await study_repository.finish_replay(
                db,
                replay.id,
                REPLAY_DONE,
                resolved=figures.resolved,
                avg_r=figures.avg_r,
                signals=[signal.as_json() for signal in kept],
            ):
                return
            stored = await study_repository.get_window(db, window.id)
            if stored is None:
                return
            if replay.kind == TEST:
                stored.status = WINDOW_COMPLETED
                stored.test_count = figures.count
                stored.test_resolved = figures.resolved
                stored.test_win_rate = figures.win_rate
                stored.test_avg_r = figures.avg_r
                stored.test_profit_factor = figures.profit_factor
            elif replay.kind == BASELINE:
                stored.baseline_resolved = figures.resolved
                stored.baseline_avg_r = figures.avg_r

    async def _choose(
        self, record: ParameterStudy, window: ParameterStudyWindow, replay: ParameterStudyReplay
    ) -> int | None:
        """The window's chosen combination from its train replays (all done), recorded on the
        window; None: `insufficient_sample`, and the test replay is skipped."""
        async with unit_of_work(self.session_factory) as db:
            trains = await study_repository.replays_of_window(db, window.id, TRAIN)
            scores = [study.TrainScore(r.resolved or 0, r.avg_r) for r in trains]
            chosen = study.choose(scores, record.min_sample)
            stored = await study_repository.get_window(db, window.id)
            if stored is None:
                return None
            if chosen is None:
                stored.status = INSUFFICIENT_SAMPLE
                await study_repository.finish_replay(db, replay.id, REPLAY_SKIPPED)
                return None
            stored.chosen_index = chosen
            stored.chosen_values = study.combinations(record.grid)[chosen]
            stored.train_resolved = scores[chosen].resolved
            stored.train_avg_r = scores[chosen].avg_r
        return chosen

    async def _finish(self, study_id: int) -> None:
        """The aggregates over every window, once all replays are finished."""
        async with unit_of_work(self.session_factory) as db:
            windows = await study_repository.windows_of(db, study_id)
            replays = await study_repository.replays_of_study(db, study_id)
            by_window: dict[tuple[int, str], list[study.StudySignal]] = {}
            for replay in replays:
                if replay.status == REPLAY_DONE and replay.kind in (TEST, BASELINE):
                    by_window[(replay.window_id, replay.kind)] = [
                        study.StudySignal(**signal) for signal in replay.signals or []
                    ]
            results = [
                study.WindowResult(
                    symbol=window.symbol,
                    train_avg_r=window.train_avg_r,
                    test=by_window.get((window.id, TEST)),
                    baseline=by_window.get((window.id, BASELINE), []),
                )
                for window in windows
            ]
            await study_repository.set_study(
                db,
                study_id,
                (RUNNING,),
                status=COMPLETED,
                aggregates=study.aggregates(results),
                finished_at=self.now(),
            )

    async def _fail(self, study_id: int, error: str) -> None:
        async with unit_of_work(self.session_factory) as db:
            await study_repository.set_study(
                db,
                study_id,
                ACTIVE_STATUSES,
                status=FAILED,
                error=error[:ERROR_LENGTH],
                finished_at=self.now(),
            )


async def _claim_next(
    db: AsyncSession, study_id: int, now: datetime
) -> ParameterStudyReplay | None:
    """The next claimable replay, taken by compare-and-set (another lane may take the one
    read first: then the next one)."""
    for _attempt in range(10):
        replay = await study_repository.claimable_replay(db, study_id, now - LOST_AFTER)
        if replay is None:
            return None
        if await study_repository.claim_replay(db, replay, now):
            return replay
    return None


class _StatusWatch:
    """Reads the study's status every STATUS_READ_SECONDS during a replay: a cancelled or
    deleted study stops it within seconds."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession], study_id: int):
        self._session_factory = session_factory
        self._study_id = study_id
        self._read_at = time.monotonic()
        self._stop = False

    def should_stop(self) -> bool:
        return self._stop

    async def on_progress(self, _progress: signals.ReplayProgress) -> None:
        if time.monotonic() - self._read_at < STATUS_READ_SECONDS:
            return
        self._read_at = time.monotonic()
        async with unit_of_work(self._session_factory) as db:
            status = await study_repository.status_of(db, self._study_id)
        self._stop = status != RUNNING


async def queue_lanes(enqueue: Callable[..., Any], study_id: int) -> list[str]:
    """The study's first jobs, one per lane (after the commit that made its rows)."""
    queued = []
    for lane in range(LANES):
        job_id = await enqueue(
            JOB_NAME, job_id=job_id_of(study_id, lane, 0), study_id=study_id, lane=lane, step=0
        )
        if job_id is not None:
            queued.append(job_id)
    return queued


async def run_study_replay(ctx: JobContext, study_id: int, lane: int, step: int) -> JobCounters:
    """One replay of the study, then the lane's next job (or a poll while the other lane's
    train replays hold up a test replay)."""
    worker = StudyWorker(ctx.session_factory, ctx.settings, ctx.clock.now)
    outcome = await worker.step(study_id)
    if outcome in (Step.RAN, Step.WAITING):
        await ctx.enqueuer.enqueue(
            JOB_NAME,
            job_id=job_id_of(study_id, lane, step + 1),
            defer_seconds=WAIT_SECONDS if outcome is Step.WAITING else None,
            study_id=study_id,
            lane=lane,
            step=step + 1,
        )
    return JobCounters(details={outcome.value: 1})
