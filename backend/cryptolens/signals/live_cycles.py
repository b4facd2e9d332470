"""The live entry point of the cycle (docs/rules/signals.md "The cycle", "Warm-up"): the pending
cycles of one symbol, each minute, after its fetch; a symbol's first live cycle is preceded by
the warm-up replay (signals/warm_up.py)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.timeframes import MINUTE_MS
from cryptolens.market import service as market
from cryptolens.signals import repository
from cryptolens.signals.cycle import BASE_TIMEFRAME, CycleResult, mark_cycles_done, run_cycle
from cryptolens.signals.settings import CycleSettings
from cryptolens.signals.warm_up import warm_up_if_new


async def run_pending_cycles(
    session: AsyncSession,
    symbol_id: int,
    now: int,
    settings: CycleSettings,
    *,
    max_cycles: int = 1_440,
) -> list[CycleResult]:
    """One cycle per stored 1m candle closed by `now` that has had none yet, oldest first
    (normally just the newest minute). A symbol without any cycle is warmed up first: the
    cycles before its newest candle are replayed and stored, not returned (their results are
    not news: nothing of them is pushed, streamed or delivered)."""
    await warm_up_if_new(session, symbol_id, now, settings)
    results = []
    for close in await pending_cycle_closes(session, symbol_id, now, max_cycles=max_cycles):
        result = await run_cycle(session, symbol_id, close, settings)
        if result is not None:
            results.append(result)
    if results:
        await mark_cycles_done(session, symbol_id, results[-1].close)
    return results


async def pending_cycle_closes(
    session: AsyncSession, symbol_id: int, now: int, *, max_cycles: int = 1_440
) -> list[int]:
    """Close times of the stored 1m candles closed by `now` that have had no cycle yet, oldest
    first, at most `max_cycles` (the newest). Without any cycle: the newest candle's."""
    last = await repository.last_cycle_at(session, symbol_id)
    if last is None:
        newest = await market.candles_until(session, symbol_id, BASE_TIMEFRAME, now - MINUTE_MS, 1)
        return [int(t) + MINUTE_MS for t in newest.open_time.tolist()]
    minutes = await market.candles_from(session, symbol_id, BASE_TIMEFRAME, last)
    closes = [int(t) + MINUTE_MS for t in minutes.open_time.tolist() if int(t) + MINUTE_MS <= now]
    return closes[-max_cycles:]
