"""How much of each symbol's history each detection timeframe holds (admin.md, "Symbols"):
first and last open time, the candle count, and coverage = count / buckets from the first to
the last. Counted by the refresh_stats job, one grouped query per timeframe, and read by the
admin's symbol list from the table it fills."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.timeframes import timeframe_ms
from cryptolens.market import admin_repository


def coverage_ratio(first_open_time: int, last_open_time: int, count: int, timeframe: str) -> float:
    """count / buckets in [first, last]: 1.0 when no bucket in between is missing. Buckets are
    aligned to UTC and of fixed length (1d included), so the span divides exactly."""
    buckets = (last_open_time - first_open_time) // timeframe_ms(timeframe) + 1
    return round(count / buckets, 6)


async def refresh_coverage(session: AsyncSession, timeframes: Sequence[str], now: datetime) -> int:
    """Recounts every symbol's coverage of `timeframes` into symbol_coverage; a symbol with no
    candles of a timeframe gets a row with count 0 and no coverage. Returns the rows written."""
    symbol_ids = await admin_repository.all_symbol_ids(session)
    rows: list[dict[str, object]] = []
    for timeframe in timeframes:
        spans = {
            span.symbol_id: span for span in await admin_repository.candle_spans(session, timeframe)
        }
        for symbol_id in symbol_ids:
            span = spans.get(symbol_id)
            rows.append(
                {
                    "symbol_id": symbol_id,
                    "timeframe": timeframe,
                    "first_open_time": None if span is None else span.first_open_time,
                    "last_open_time": None if span is None else span.last_open_time,
                    "candle_count": 0 if span is None else span.candle_count,
                    "coverage": None
                    if span is None
                    else coverage_ratio(
                        span.first_open_time, span.last_open_time, span.candle_count, timeframe
                    ),
                }
            )
    await admin_repository.replace_coverage(session, rows, now)
    return len(rows)
