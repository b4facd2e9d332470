"""Paging through a source's candles: closed ones only, validated, holes noted as known gaps.

A download that starts before the market's history (a fetch from before its listing) finds
the exchange's first candle after a hole: that hole is no gap, the history starts there, and
a higher-timeframe candle for the listing's bucket is dropped unless it is complete.
"""

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
    history_before: bool = True,
) -> AsyncIterator[DownloadedPage]:
    """Candles with start <= open time <= last_open_time, a request per page.

    The limit of each request is cut to what is left of the range, so the last page asks for
    no more than it needs and no candle is requested twice. `history_before` says whether
    candles before `start` are known (stored): without them, a hole before the first candle
    answered is where the market's history begins, not a known gap.
    """
    step = timeframe_ms(timeframe)
    since = -(-start // step) * step
    notes_gaps = source.reports_known_gaps and timeframe == BASE_TIMEFRAME
    first_page = True
    while since <= last_open_time:
        limit = min(batch_size, (last_open_time - since) // step + 1)
        answered = _ascending_unique(
            await source.fetch_ohlcv(symbol, timeframe, since, limit), since
        )
        in_range = [candle for candle in answered if candle.open_time <= last_open_time]
        if not in_range:
            return
        starts_history = first_page and not history_before and answered[0].open_time > since
        first_page = False
        # Before the market's first candle nothing is missing: its history starts there.
        expected_first = answered[0].open_time if starts_history else since
        gaps = (
            _clip(gaps_in_page(answered, expected_first, step), last_open_time + step)
            if notes_gaps
            else []
        )
        next_since = in_range[-1].open_time + step
        if starts_history and timeframe != BASE_TIMEFRAME:
            in_range = await _without_partial_first_bucket(source, symbol, in_range)
        checked = check_candles(in_range, symbol=symbol, timeframe=timeframe)
        yield DownloadedPage(checked.valid, checked.rejected, gaps)
        since = next_since


async def _without_partial_first_bucket(
    source: CandleSource, symbol: str, candles: list[OHLCV]
) -> list[OHLCV]:
    """`candles` (the market's first ones) without the first unless the market's first minute
    opens its bucket: the exchange serves the listing's bucket from the listing on, a partial
    candle that building from 1m would never make. Costs one request per market's history."""
    first = candles[0]
    probe = await source.fetch_ohlcv(symbol, BASE_TIMEFRAME, first.open_time, 1)
    if probe and probe[0].open_time == first.open_time:
        return candles
    return candles[1:]


def _ascending_unique(candles: list[OHLCV], since: int) -> list[OHLCV]:
    by_time = {candle.open_time: candle for candle in candles if candle.open_time >= since}
    return [by_time[open_time] for open_time in sorted(by_time)]


def _clip(gaps: list[KnownGap], end: int) -> list[KnownGap]:
    """Gaps reach at most `end`: past the requested range nothing is known closed."""
    return [KnownGap(gap.start, min(gap.end, end)) for gap in gaps if gap.start < end]
