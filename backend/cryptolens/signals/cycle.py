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

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.timeframes import MINUTE_MS
from cryptolens.patterns import service as patterns
from cryptolens.signals import repository
from cryptolens.signals.cycle_store import CycleStore, MinuteHistory, SqlCycleStore
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


async def run_cycle(
    session: AsyncSession,
    symbol_id: int,
    close: int,
    settings: CycleSettings,
    *,
    history: MinuteHistory | None = None,
) -> CycleResult | None:
    """The live tables' cycle of the 1m candle of `symbol_id` closing at `close` (ms); None
    when no such candle is stored. `history`: the 1m candles when the caller holds them."""
    store = SqlCycleStore(session, symbol_id, settings.scan, history)
    return await run_store_cycle(store, close, settings)


async def run_store_cycle(
    store: CycleStore, close: int, settings: CycleSettings
) -> CycleResult | None:
    """The cycle of the 1m candle closing at `close` (ms) in `store`; None when no such
    candle is stored (no cycle for a minute the exchange has no candle for)."""
    minutes = await store.minute_window(close - MINUTE_MS, CYCLE_WINDOW)
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
        await store.build_buckets(built, previous_close, close - MINUTE_MS, close)
    scan = await patterns.scan_cycle(
        store.patterns, store.symbol_id, minutes, previous_close, settings.scan
    )
    result = CycleResult(close, scan.created, scan.updated, patterns_ended=scan.ended)
    recent = await recent_signals(store, close, settings.signals)
    before = {signal.id: signal.status for signal in recent}
    changed = await advance_signals(store, minutes, recent, seen_before=previous_close)
    result.status_changes = {signal.id: (before[signal.id], signal.status) for signal in changed}
    result.signals_changed = [signal.id for signal in changed]
    result.outcomes = [signal.status for signal in changed if signal.status in FINAL_STATUSES]
    created = await signal_step(store, close, scan.active, recent, settings)
    if created is not None:
        result.signals_created.append(created.id)
        result.directions_created.append(created.direction)
    return result


async def mark_cycles_done(session: AsyncSession, symbol_id: int, last_close: int) -> None:
    """Records that every cycle up to `last_close` ran (where the live catch-up resumes);
    callers mark once per batch of cycles, not per cycle."""
    await repository.mark_cycle(session, symbol_id, last_close)
