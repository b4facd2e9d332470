"""A replay in its own store (docs/rules/backtest.md "One replay"): the cycle of every stored 1m
candle of [W, end), W = start - 14 days, run by the live cycle code (signals/cycle.py) over a
MemoryCycleStore seeded with the history a symbol added at W has. Nothing is written to the
live tables and nothing is pushed, streamed or delivered; the signals created in [start, end)
are the result, followed with candles closing by `end` only (nothing later is read: the
store is given nothing later)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.timeframes import DAY_MS, MINUTE_MS, timeframe_ms
from cryptolens.db import unit_of_work
from cryptolens.market import service as market
from cryptolens.patterns import service as patterns
from cryptolens.signals.cycle import BASE_TIMEFRAME, CYCLE_WINDOW, run_store_cycle
from cryptolens.signals.cycle_store import MemoryCycleStore
from cryptolens.signals.models import Signal
from cryptolens.signals.service import ATR_CANDLES
from cryptolens.signals.settings import CycleSettings

# The warm-up: the longest pattern expiry (1d patterns live 14 days) and the 1m backfill depth.
WARM_UP_MS = 14 * DAY_MS
# Cycles between two turns given to the event loop (a few milliseconds of work).
YIELD_EVERY_CYCLES = 10
# How often progress is reported, at most (the spec asks for at least every 5 s).
PROGRESS_EVERY_SECONDS = 1.0


class InsufficientHistoryError(Exception):
    """The stored 1m candles do not reach back to W; `earliest_start` is the first start that
    works (None without any stored 1m candle)."""

    def __init__(self, earliest_start: int | None) -> None:
        self.earliest_start = earliest_start
        super().__init__(
            "not enough stored 1m history"
            if earliest_start is None
            else f"stored 1m history allows a start from {earliest_start} on"
        )


class ReplayStoppedError(Exception):
    """The caller asked the replay to stop (a cancelled backtest)."""


@dataclass(frozen=True)
class ReplayProgress:
    minutes_done: int  # minutes of [W, end) behind the replay
    minutes_total: int
    replayed_until: int  # the close of the last cycle run (ms)


@dataclass
class ReplayOutcome:
    """The signals created in [start, end), detached from any session, ascending by creation
    (ids are the private store's), and the minutes replayed and missing in [W, end)."""

    signals: list[Signal]
    minutes_replayed: int
    minutes_missing: int
    warm_up_start: int


ProgressCallback = Callable[[ReplayProgress], Awaitable[None]]


def warm_up_start(start: int) -> int:
    return start - WARM_UP_MS


def earliest_start(oldest_minute: int) -> int:
    """The first start whose warm-up the stored 1m candles cover."""
    return oldest_minute + WARM_UP_MS


async def replay_range(
    live: async_sessionmaker[AsyncSession],
    symbol_id: int,
    start: int,
    end: int,
    settings: CycleSettings,
    *,
    on_progress: ProgressCallback | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> ReplayOutcome:
    """Replays [start, end) (whole UTC minutes, ms) of a stored symbol; raises
    InsufficientHistoryError when the stored 1m candles do not reach back to W,
    ReplayStoppedError when `should_stop` says so between cycles."""
    warm_start = warm_up_start(start)
    async with unit_of_work(live) as session:
        store = await seeded_store(session, symbol_id, warm_start, end, settings)
    minutes = store.candles.series[BASE_TIMEFRAME]
    closes = [int(t) + MINUTE_MS for t in minutes.open_time.tolist() if warm_start <= int(t) < end]
    total = (end - warm_start) // MINUTE_MS
    reporter = _Reporter(on_progress, total, warm_start)
    await run_closes(store, closes, settings, reporter=reporter, should_stop=should_stop)
    await reporter.finish(end)
    return ReplayOutcome(
        signals=[s for s in store.signals if start <= s.created_at < end],
        minutes_replayed=len(closes),
        minutes_missing=total - len(closes),
        warm_up_start=warm_start,
    )


async def run_closes(
    store: MemoryCycleStore,
    closes: Sequence[int],
    settings: CycleSettings,
    *,
    reporter: _Reporter | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> None:
    """One cycle per close, in order (each a stored 1m candle's close)."""
    for index, close in enumerate(closes):
        if should_stop is not None and should_stop():
            raise ReplayStoppedError
        await run_store_cycle(store, close, settings)
        if reporter is not None:
            await reporter.cycle_done(close)
        if index % YIELD_EVERY_CYCLES == YIELD_EVERY_CYCLES - 1:
            # The memory store never waits, so nothing else on this event loop would run
            # until the replay ends: the API beside an inline job must keep answering.
            await asyncio.sleep(0)


async def seeded_store(
    session: AsyncSession,
    symbol_id: int,
    warm_start: int,
    end: int,
    settings: CycleSettings,
) -> MemoryCycleStore:
    """The symbol's 1m candles of [W, end), known gaps, and what a symbol added at W has before
    W: the candles of each timeframe closed by W (as many as its detection window reads) and
    the 1m candles of the higher-timeframe buckets still open at W (their cycles build them)."""
    timeframes = settings.scan.timeframes
    earliest_bucket = min(
        (warm_start // timeframe_ms(tf) * timeframe_ms(tf) for tf in timeframes),
        default=warm_start,
    )
    minutes_from = earliest_bucket - CYCLE_WINDOW * MINUTE_MS
    symbol = await market.get_symbol(session, symbol_id)
    span = await market.stored_minutes_span(session, symbol_id)
    if symbol is None or span is None:
        raise InsufficientHistoryError(None)
    if span[0] > warm_start:
        raise InsufficientHistoryError(earliest_start(span[0]))
    minutes = await market.candles_between(session, symbol_id, BASE_TIMEFRAME, minutes_from, end)
    gaps = await market.known_gap_minutes(session, symbol_id, minutes_from, end)
    before: dict[str, market.CandleSeries] = {}
    for timeframe in timeframes:
        if timeframe != BASE_TIMEFRAME:
            count = max(settings.scan.window(timeframe), CYCLE_WINDOW, ATR_CANDLES)
            before[timeframe] = await market.candles_until(
                session, symbol_id, timeframe, warm_start - timeframe_ms(timeframe), count
            )
    tick_size = symbol.tick_size
    return memory_store(symbol_id, minutes, before, gaps, tick_size, warm_start, settings)


def memory_store(
    symbol_id: int,
    minutes: market.CandleSeries,
    closed_before: Mapping[str, market.CandleSeries],
    known_gap_minutes: market.TimeArray | None,
    tick_size: float | None,
    warm_start: int,
    settings: CycleSettings,
) -> MemoryCycleStore:
    """A replay's store over these candles: higher timeframes closed by `warm_start` from
    `closed_before`, the later ones built from `minutes`; candidates detected up front."""
    timeframes = settings.scan.timeframes
    candles = market.ReplayCandles(
        minutes, closed_before, timeframes, warm_start, known_gap_minutes
    )
    candidates = patterns.PrecomputedCandidates(
        {tf: candles.series[tf] for tf in timeframes}, settings.scan
    )
    return MemoryCycleStore(symbol_id, candles, patterns.MemoryPatternStore(candidates), tick_size)


class _Reporter:
    """Calls the progress callback at most every PROGRESS_EVERY_SECONDS, and at the end."""

    def __init__(self, callback: ProgressCallback | None, total: int, warm_start: int) -> None:
        self.callback = callback
        self.total = total
        self.warm_start = warm_start
        self.last = time.monotonic()

    async def cycle_done(self, close: int) -> None:
        if self.callback is None or time.monotonic() - self.last < PROGRESS_EVERY_SECONDS:
            return
        self.last = time.monotonic()
        await self.callback(self._at(close))

    async def finish(self, end: int) -> None:
        if self.callback is not None:
            await self.callback(self._at(end))

    def _at(self, close: int) -> ReplayProgress:
        done = min(self.total, (close - self.warm_start) // MINUTE_MS)
        return ReplayProgress(done, self.total, close)
