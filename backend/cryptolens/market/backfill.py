"""Fetching one timeframe of one symbol over a range of time and storing it (one session)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.timeframes import DAY_MS, timeframe_ms
from cryptolens.market import repository
from cryptolens.market.candles import bucket_start, last_closed_open_time
from cryptolens.market.defaults import FETCH_BATCH_SIZE
from cryptolens.market.download import download_closed_candles
from cryptolens.market.models import Symbol
from cryptolens.market.sources.base import CandleSource
from cryptolens.settings import MarketSettings

# Called after each stored page: (symbol, timeframe, candles stored by that page).
PageProgress = Callable[[str, str, int], None]

_DEFAULT_DEPTH_DAYS = MarketSettings().backfill_depth_days
_UNLISTED_DEPTH_DAYS = 90  # a timeframe neither the setting nor its default names


@dataclass(slots=True)
class TimeframeFetch:
    """What one fetch of one timeframe stored."""

    timeframe: str
    stored: int = 0
    rejected: int = 0
    known_gaps: int = 0
    # Earliest minute touched (stored or found empty) and the newest stored: the span whose
    # higher-timeframe buckets must be rebuilt.
    first_touched: int | None = None
    last_stored: int | None = None
    pages: int = field(default=0)


def backfill_depth_ms(timeframe: str, depth_days: Mapping[str, int] | None = None) -> int:
    """How far back `timeframe` is fetched when a symbol is added: `depth_days` (the
    setting) where it names the timeframe, else the setting's default, else 90 days."""
    if depth_days is not None and timeframe in depth_days:
        return depth_days[timeframe] * DAY_MS
    return _DEFAULT_DEPTH_DAYS.get(timeframe, _UNLISTED_DEPTH_DAYS) * DAY_MS


def backfill_start(
    timeframe: str, server_time: int, align_to: str, depth_days: Mapping[str, int] | None = None
) -> int:
    """Where the automatic backfill of `timeframe` starts: its depth back from now, moved
    down to a bucket boundary of `align_to` so the oldest bucket built from it is complete."""
    return bucket_start(server_time - backfill_depth_ms(timeframe, depth_days), align_to)


async def store_closed_candles(
    session: AsyncSession,
    source: CandleSource,
    symbol: Symbol,
    timeframe: str,
    *,
    start: int,
    server_time: int,
    until: int | None = None,
    batch_size: int = FETCH_BATCH_SIZE,
    progress: PageProgress | None = None,
) -> TimeframeFetch:
    """Fetches candles with open time >= start that are closed at `server_time` (and open
    before `until`), validates and upserts them page by page, and records known gaps."""
    last_open = last_closed_open_time(server_time, timeframe)
    if until is not None:
        last_open = min(last_open, until - timeframe_ms(timeframe))
    result = TimeframeFetch(timeframe)
    # Nothing stored before `start`: the fetch may begin before the market's listing, whose
    # history then starts at the first candle the exchange answers (no known gap before it).
    span = await repository.stored_span(session, symbol.id, timeframe)
    pages = download_closed_candles(
        source,
        symbol.symbol,
        timeframe,
        start=start,
        last_open_time=last_open,
        batch_size=batch_size,
        history_before=span is not None and span[0] < start,
    )
    async for page in pages:
        result.pages += 1
        result.rejected += page.rejected
        if page.known_gaps:
            await repository.record_gaps(session, symbol.id, timeframe, page.known_gaps)
            result.known_gaps += len(page.known_gaps)
            _touch(result, page.known_gaps[0].start)
        if page.candles:
            result.stored += await repository.upsert_candles(
                session, symbol.id, timeframe, page.candles
            )
            _touch(result, page.candles[0].open_time)
            result.last_stored = page.candles[-1].open_time
        if progress is not None:
            progress(symbol.symbol, timeframe, len(page.candles))
    return result


def _touch(result: TimeframeFetch, open_time: int) -> None:
    if result.first_touched is None or open_time < result.first_touched:
        result.first_touched = open_time
