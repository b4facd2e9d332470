"""The forming candle: the bucket of the newest stored minute, built from the minutes stored so
far, while the closed candle of that bucket is not stored yet (charts show it after the closed
ones, so their last close is the symbol's last price)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.market import repository
from cryptolens.market.candles import OHLCV, CandleSeries, bucket_start
from cryptolens.market.defaults import BASE_TIMEFRAME


def candle_so_far(minutes: CandleSeries, timeframe: str) -> OHLCV | None:
    """The `timeframe` candle of the bucket holding the newest of `minutes` (ascending 1m
    candles), made of that bucket's minutes: the first's open, the extremes, the newest's
    close, the summed volume."""
    if not len(minutes):
        return None
    bucket = bucket_start(int(minutes.open_time[-1]), timeframe)
    inside = minutes.between(bucket, int(minutes.open_time[-1]))
    return OHLCV(
        open_time=bucket,
        open=float(inside.open[0]),
        high=float(inside.high.max()),
        low=float(inside.low.min()),
        close=float(inside.close[-1]),
        volume=float(inside.volume.sum()),
    )


async def forming_candle(session: AsyncSession, symbol_id: int, timeframe: str) -> OHLCV | None:
    """The forming candle of `timeframe`, or None: for 1m (stored only once closed, so the
    newest stored minute is already the last price), without minutes, or when the newest
    minute's bucket is already stored as a closed candle."""
    if timeframe == BASE_TIMEFRAME:
        return None
    newest_minute = await repository.newest_open_time(session, symbol_id, BASE_TIMEFRAME)
    if newest_minute is None:
        return None
    bucket = bucket_start(newest_minute, timeframe)
    newest_closed = await repository.newest_open_time(session, symbol_id, timeframe)
    if newest_closed is not None and newest_closed >= bucket:
        return None
    minutes = await repository.load_series(
        session, symbol_id, BASE_TIMEFRAME, bucket, newest_minute
    )
    return candle_so_far(minutes, timeframe)
