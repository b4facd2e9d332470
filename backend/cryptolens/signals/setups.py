"""Setup statistics as the API and the backtest report them: per (anchor type, anchor
timeframe, symbol), per symbol overall and over every symbol, for each window. Computed from
the signals themselves by one query, so they are always consistent with them (no counters to
keep in step); the API caches them (300 s)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.timeframes import DAY_MS, timeframe_ms
from cryptolens.signals import repository
from cryptolens.signals.statistics import (
    SetupStats,
    SignalRecord,
    cumulative_r,
    stats_for_windows,
)

# (symbol id or None for every symbol, anchor type or None, anchor timeframe or None)
SetupKey = tuple[int | None, str | None, str | None]


@dataclass(frozen=True)
class SetupStatistics:
    symbol_id: int | None  # None: every symbol
    anchor_type: str | None  # None with anchor_timeframe None: the overall line
    anchor_timeframe: str | None
    windows: list[SetupStats]
    # (outcome time, running R) of the last resolved signals in the widest window.
    cumulative_r: list[tuple[int, float]] = field(default_factory=list)


async def setup_statistics(
    session: AsyncSession,
    now: int,
    windows_days: tuple[int, ...],
    *,
    symbol_id: int | None = None,
    visible_symbol_ids: Collection[int] | None = None,
) -> list[SetupStatistics]:
    """Every setup with a signal in the widest window, then each symbol's overall line, then
    the line over every symbol (omitted when `symbol_id` narrows the report).
    `visible_symbol_ids` keeps a tier's symbols only: the every-symbol line covers those."""
    rows = await repository.setup_records_by_key(
        session, created_after=now - max(windows_days) * DAY_MS, created_until=now
    )
    grouped: dict[SetupKey, list[SignalRecord]] = defaultdict(list)
    for row_symbol, anchor_type, anchor_timeframe, record in rows:
        if symbol_id is not None and row_symbol != symbol_id:
            continue
        if visible_symbol_ids is not None and row_symbol not in visible_symbol_ids:
            continue
        grouped[(row_symbol, anchor_type, anchor_timeframe)].append(record)
        grouped[(row_symbol, None, None)].append(record)
        if symbol_id is None:
            grouped[(None, None, None)].append(record)

    def order(key: SetupKey) -> tuple[bool, int, bool, str, int]:
        symbol, anchor_type, timeframe = key
        length = 0 if timeframe is None else timeframe_ms(timeframe)
        return (symbol is None, symbol or 0, anchor_type is None, anchor_type or "", length)

    widest = max(windows_days)
    return [
        SetupStatistics(
            *key,
            windows=stats_for_windows(grouped[key], now, windows_days),
            cumulative_r=cumulative_r(grouped[key], now, widest),
        )
        for key in sorted(grouped, key=order)
    ]
