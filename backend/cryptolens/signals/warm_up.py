"""The warm-up (docs/rules/signals.md "Warm-up"): before a symbol's first live cycle at T0, every
cycle of [W, T0), W = T0 - signal_warm_up_minutes, is replayed on the stored candles exactly as
a backtest's replay (signals/replay.py, in memory), and what it leaves is stored like live: the
higher-timeframe candles its cycles built, its patterns with their lifecycles, its signals with
their outcomes, and the last cycle run. Nothing of it is pushed, streamed or delivered (they are
not cycle results). So the zones still in force at T0 show the moment a symbol is added, and
live from T0 on equals a backtest whose warm-up starts at W."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.timeframes import MINUTE_MS
from cryptolens.market import service as market
from cryptolens.patterns import service as patterns
from cryptolens.signals import repository
from cryptolens.signals.cycle import BASE_TIMEFRAME, mark_cycles_done
from cryptolens.signals.cycle_store import MemoryCycleStore
from cryptolens.signals.models import Signal
from cryptolens.signals.replay import run_closes, seeded_store
from cryptolens.signals.settings import CycleSettings


@dataclass(frozen=True)
class WarmUp:
    """What a warm-up replayed and stored."""

    cycles: int = 0
    patterns: int = 0
    signals: int = 0


async def warm_up_if_new(
    session: AsyncSession, symbol_id: int, now: int, settings: CycleSettings
) -> WarmUp:
    """The warm-up of a symbol that has had no cycle yet; nothing for the others."""
    if await repository.last_cycle_at(session, symbol_id) is not None:
        return WarmUp()
    return await warm_up(session, symbol_id, now, settings)


async def warm_up(
    session: AsyncSession, symbol_id: int, now: int, settings: CycleSettings
) -> WarmUp:
    """Replays and stores the cycles before the symbol's first live one (the cycle of its
    newest 1m candle closed by `now`, T0). Replays nothing without older candles: the first
    live cycle then starts from the newest."""
    span = await market.stored_minutes_span(session, symbol_id)
    newest = await market.candles_until(session, symbol_id, BASE_TIMEFRAME, now - MINUTE_MS, 1)
    if span is None or not len(newest):
        return WarmUp()
    first_live = int(newest.open_time[-1])  # the candle of T0's cycle
    warm_start = max(first_live - settings.signals.warm_up_minutes * MINUTE_MS, span[0])
    if warm_start >= first_live:
        return WarmUp()
    store = await seeded_store(session, symbol_id, warm_start, first_live, settings)
    closes = [
        int(t) + MINUTE_MS
        for t in store.candles.series[BASE_TIMEFRAME].open_time.tolist()
        if warm_start <= int(t) < first_live
    ]
    if not closes:
        return WarmUp()
    # In a thread of its own: the replay is pure CPU over memory, and the API process that runs
    # jobs inline (the embedded default) keeps answering meanwhile (the GIL is shared fairly,
    # where one event loop would wait for each stretch of cycles).
    await asyncio.to_thread(_replay_in_thread, store, closes, settings)
    await _store_result(session, store, settings, warm_start, closes[-1])
    await mark_cycles_done(session, symbol_id, closes[-1])
    return WarmUp(len(closes), len(store.patterns.patterns), len(store.signals))


# One warm-up replay at a time in a process: a single CPU-bound thread leaves the event loop
# its share of the GIL; several would starve it.
_ONE_REPLAY_AT_A_TIME = threading.Lock()


def _replay_in_thread(store: MemoryCycleStore, closes: list[int], settings: CycleSettings) -> None:
    with _ONE_REPLAY_AT_A_TIME:
        asyncio.run(run_closes(store, closes, settings))


async def _store_result(
    session: AsyncSession,
    store: MemoryCycleStore,
    settings: CycleSettings,
    warm_start: int,
    last_close: int,
) -> None:
    higher = [tf for tf in settings.scan.timeframes if tf != BASE_TIMEFRAME]
    if higher:
        # What the replayed cycles' building stored (the same rule, over the same minutes).
        await market.build_buckets(
            session,
            store.symbol_id,
            higher,
            first_minute=warm_start,
            last_minute=last_close - MINUTE_MS,
            server_time=last_close,
        )
    stored_ids = await patterns.store_replayed(session, store.symbol_id, store.patterns.patterns)
    for signal in store.signals:
        anchor = stored_ids[signal.anchor_pattern_id]
        if await repository.anchors_used(session, anchor):
            continue
        await repository.add(
            session,
            _copy(signal, anchor),
            [stored_ids[pattern_id] for pattern_id in store.contributing[signal.id]],
        )


def _copy(signal: Signal, anchor_pattern_id: int) -> Signal:
    columns = {
        column.key: getattr(signal, column.key)
        for column in Signal.__table__.columns
        if column.key not in ("id", "recorded_at", "updated_at")
    }
    return Signal(**{**columns, "anchor_pattern_id": anchor_pattern_id})
