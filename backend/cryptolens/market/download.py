"""Paging through a source's candles: closed ones only, validated, holes noted as known gaps."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from cryptolens.core.timeframes import timeframe_ms
from cryptolens.market.candles import OHLCV
from cryptolens.market.defaults import BASE_TIMEFRAME, FETCH_BATCH_SIZE
from cryptolens.market.gaps import KnownGap, gaps_in_page
from cryptolens.market.sources.base import CandleSource
from cryptolens.market.validation import check_candles


@dataclass(slots=True)
class DownloadedPage:
    candles: list[OHLCV]  # sound, closed, ascending, within the requested range
    rejected: int = 0
    known_gaps: list[KnownGap] = field(default_factory=list)


async def download_closed_candles(
    source: CandleSource,
    symbol: str,
    timeframe: str,
    *,
    start: int,
    last_open_time: int,
    batch_size: int = FETCH_BATCH_SIZE,
) -> AsyncIterator[DownloadedPage]:
    """Candles with start <= open time <= last_open_time, a request per page.

    The limit of each request is cut to what is left of the range, so the last page asks for
    no more than it needs and no candle is requested twice.
    """
    step = timeframe_ms(timeframe)
    since = -(-start // step) * step
    notes_gaps = source.reports_known_gaps and timeframe == BASE_TIMEFRAME
    while since <= last_open_time:
        limit = min(batch_size, (last_open_time - since) // step + 1)
        answered = _ascending_unique(
            await source.fetch_ohlcv(symbol, timeframe, since, limit), since
        )
        in_range = [candle for candle in answered if candle.open_time <= last_open_time]
        if not in_range:
            return
        gaps = (
            _clip(gaps_in_page(answered, since, step), last_open_time + step) if notes_gaps else []
        )
        checked = check_candles(in_range, symbol=symbol, timeframe=timeframe)
        yield DownloadedPage(checked.valid, checked.rejected, gaps)
        since = in_range[-1].open_time + step


def _ascending_unique(candles: list[OHLCV], since: int) -> list[OHLCV]:
    by_time = {candle.open_time: candle for candle in candles if candle.open_time >= since}
    return [by_time[open_time] for open_time in sorted(by_time)]


def _clip(gaps: list[KnownGap], end: int) -> list[KnownGap]:
    """Gaps reach at most `end`: past the requested range nothing is known closed."""
    return [KnownGap(gap.start, min(gap.end, end)) for gap in gaps if gap.start < end]
