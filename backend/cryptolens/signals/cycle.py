"""The cycle (docs/rules/signals.md "The cycle"): what runs for a symbol each time one of its 1m
candles closes. The live job and the replay (`cryptolens backtest`, tests) call the same function.

At T: build the higher-timeframe candles that closed with it, bring the patterns' lifecycles
up to T and detect on the timeframes that got a candle (patterns scanner), advance the open
signals on the candle(s) closed by T, then run the signal step. Advancing before the step
changes nothing for the new signal (its life starts with the candle opening at T); it lets
the statistics frozen into it know every event of the candles closed by T, as the active
patterns it comes from do. Never commits."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.timeframes import MINUTE_MS
from cryptolens.market import service as market
from cryptolens.patterns import service as patterns
from cryptolens.signals import repository
from cryptolens.signals.lifecycle import FINAL_STATUSES
from cryptolens.signals.service import advance_signals, recent_signals, signal_step
from cryptolens.signals.settings import CycleSettings

BASE_TIMEFRAME = "1m"
# 1m candles a cycle reads: the detection window of the 1m timeframe (the newest candle and
# the history before it), which also holds the previous candle.
CYCLE_WINDOW = patterns.FIRST_STORED_INDEX + 1


@dataclass
class CycleResult:
    """What one cycle changed, for notifications and the live stream."""

    close: int
    patterns_created: list[int] = field(default_factory=list)
    patterns_updated: list[int] = field(default_factory=list)
    # Of patterns_updated, those that stopped being active (the counts change).
    patterns_ended: list[int] = field(default_factory=list)
    signals_created: list[int] = field(default_factory=list)
    signals_changed: list[int] = field(default_factory=list)
    # Per changed signal, its status before and after this cycle (webhooks' signal.updated).
    status_changes: dict[int, tuple[str, str]] = field(default_factory=dict)
    # For the metrics: the direction of each new signal, the final status of each that ended.
    directions_created: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)

    @property
    def changed_anything(self) -> bool:
        return bool(
            self.patterns_created
            or self.patterns_updated
            or self.signals_created
            or self.signals_changed
        )

    @property
    def changed_counts(self) -> bool:
        """What /stats counts moved: active patterns, signals made, signal statuses (a
        pattern's fill moving alone changes none of them)."""
        return bool(
            self.patterns_created
            or self.patterns_ended
            or self.signals_created
            or self.signals_changed
        )


class MinuteHistory:
    """The symbol's stored 1m candles, read once by a replay: its cycles take their window
    from here instead of reading it again each minute (the same candles either way)."""

    def __init__(self, minutes: market.CandleSeries) -> None:
        self.minutes = minutes

    def window(self, last_open_time: int, count: int) -> market.CandleSeries:
        end = int(np.searchsorted(self.minutes.open_time, last_open_time, side="right"))
        start = max(0, end - count)
        held = self.minutes
        return market.CandleSeries(
            held.open_time[start:end],
            held.open[start:end],
            held.high[start:end],
            held.low[start:end],
            held.close[start:end],
            held.volume[start:end],
        )


async def run_cycle(
    session: AsyncSession,
    symbol_id: int,
    close: int,
    settings: CycleSettings,
    *,
    history: MinuteHistory | None = None,
) -> CycleResult | None:
    """The cycle of the 1m candle of `symbol_id` closing at `close` (ms); None when no such
    candle is stored (no cycle for a minute the exchange has no candle for). `history`: the
    1m candles when the caller already holds them (a replay); otherwise they are read."""
    if history is None:
        minutes = await market.candles_until(
            session, symbol_id, BASE_TIMEFRAME, close - MINUTE_MS, CYCLE_WINDOW
        )
    else:
        minutes = history.window(close - MINUTE_MS, CYCLE_WINDOW)
    if not len(minutes) or int(minutes.open_time[-1]) != close - MINUTE_MS:
        return None
    previous_close = (
        int(minutes.open_time[-2]) + MINUTE_MS if len(minutes) > 1 else close - MINUTE_MS
    )

    built = [
        timeframe
        for timeframe in settings.scan.timeframes
        if timeframe != BASE_TIMEFRAME
        and patterns.new_candle_count(timeframe, previous_close, close) > 0
    ]
    if built:
        await market.build_buckets(
            session,
            symbol_id,
            built,
            first_minute=previous_close,
            last_minute=close - MINUTE_MS,
            server_time=close,
        )
    scan = await patterns.scan_cycle(session, symbol_id, minutes, previous_close, settings.scan)
    result = CycleResult(close, scan.created, scan.updated, patterns_ended=scan.ended)
    recent = await recent_signals(session, symbol_id, close, settings.signals)
    before = {signal.id: signal.status for signal in recent}
    changed = await advance_signals(session, minutes, recent)
    result.status_changes = {signal.id: (before[signal.id], signal.status) for signal in changed}
    result.signals_changed = [signal.id for signal in changed]
    result.outcomes = [signal.status for signal in changed if signal.status in FINAL_STATUSES]
    created = await signal_step(session, symbol_id, close, scan.active, recent, settings)
    if created is not None:
        result.signals_created.append(created.id)
        result.directions_created.append(created.direction)
    return result


async def mark_cycles_done(session: AsyncSession, symbol_id: int, last_close: int) -> None:
    """Records that every cycle up to `last_close` ran (where the live catch-up resumes);
    callers mark once per batch of cycles, not per cycle."""
    await repository.mark_cycle(session, symbol_id, last_close)


async def run_pending_cycles(
    session: AsyncSession,
    symbol_id: int,
    now: int,
    settings: CycleSettings,
    *,
    max_cycles: int = 1_440,
) -> list[CycleResult]:
    """The live entry point: one cycle per stored 1m candle closed by `now` that has had none
    yet, oldest first (normally just the newest minute)."""
    results = []
    closes = await pending_cycle_closes(
        session, symbol_id, now, max_cycles=max_cycles, warm_up=settings.signals.warm_up_minutes
    )
    for close in closes:
        result = await run_cycle(session, symbol_id, close, settings)
        if result is not None:
            results.append(result)
    if results:
        await mark_cycles_done(session, symbol_id, results[-1].close)
    return results


async def pending_cycle_closes(
    session: AsyncSession,
    symbol_id: int,
    now: int,
    *,
    max_cycles: int = 1_440,
    warm_up: int = 1,
) -> list[int]:
    """Close times of the stored 1m candles closed by `now` that have had no cycle yet, oldest
    first, at most `max_cycles` (the newest). A symbol without any cycle starts with its
    newest `warm_up` candles: enough recent history replayed that a new installation shows
    live patterns within minutes, not the whole backfill (that is `cryptolens backtest`)."""
    last = await repository.last_cycle_at(session, symbol_id)
    if last is None:
        newest = await market.candles_until(
            session, symbol_id, BASE_TIMEFRAME, now - MINUTE_MS, max(1, warm_up)
        )
        return [int(t) + MINUTE_MS for t in newest.open_time.tolist()]
    minutes = await market.candles_from(session, symbol_id, BASE_TIMEFRAME, last)
    closes = [int(t) + MINUTE_MS for t in minutes.open_time.tolist() if int(t) + MINUTE_MS <= now]
    return closes[-max_cycles:]
