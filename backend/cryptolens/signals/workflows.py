"""Replaying stored 1m candles through the cycle, one cycle per candle, exactly as live (the
`backtest` command and the tests). Idempotent: a second replay creates nothing new."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.timeframes import MINUTE_MS
from cryptolens.db import unit_of_work
from cryptolens.market import service as market
from cryptolens.signals.cycle import (
    BASE_TIMEFRAME,
    CYCLE_WINDOW,
    mark_cycles_done,
    run_cycle,
)
from cryptolens.signals.cycle_store import MinuteHistory
from cryptolens.signals.settings import CycleSettings

# Cycles per transaction: few enough to keep a transaction short, many enough to amortise
# the commit.
CYCLES_PER_COMMIT = 1_000


@dataclass
class ReplayReport:
    cycles: int = 0
    patterns_created: int = 0
    signals_created: int = 0
    last_close: int | None = None


@dataclass(frozen=True)
class ReplayPlan:
    """The cycles to run and the 1m candles they read (with the history before them)."""

    closes: list[int]
    history: MinuteHistory


async def plan_replay(
    session_factory: async_sessionmaker[AsyncSession],
    symbol_id: int,
    since: int,
    until: int | None,
) -> ReplayPlan:
    """One cycle per stored 1m candle opening in [since, until)."""
    async with unit_of_work(session_factory) as session:
        before = await market.candles_until(
            session, symbol_id, BASE_TIMEFRAME, since - 1, CYCLE_WINDOW
        )
        minutes = market.concat_series(
            [before, await market.candles_from(session, symbol_id, BASE_TIMEFRAME, since)]
        )
    closes = [
        int(t) + MINUTE_MS
        for t in minutes.open_time.tolist()
        if int(t) >= since and (until is None or int(t) < until)
    ]
    return ReplayPlan(closes, MinuteHistory(minutes))


async def replay_cycles(
    session_factory: async_sessionmaker[AsyncSession],
    symbol_id: int,
    plan: ReplayPlan,
    settings: CycleSettings,
    *,
    progress: Callable[[int], None] | None = None,
) -> ReplayReport:
    report = ReplayReport()
    closes = plan.closes
    for start in range(0, len(closes), CYCLES_PER_COMMIT):
        chunk = closes[start : start + CYCLES_PER_COMMIT]
        async with unit_of_work(session_factory) as session:
            for close in chunk:
                result = await run_cycle(session, symbol_id, close, settings, history=plan.history)
                if result is not None:
                    report.cycles += 1
                    report.patterns_created += len(result.patterns_created)
                    report.signals_created += len(result.signals_created)
                    report.last_close = close
                if progress is not None:
                    progress(1)
            if report.last_close is not None:
                await mark_cycles_done(session, symbol_id, report.last_close)
    return report
