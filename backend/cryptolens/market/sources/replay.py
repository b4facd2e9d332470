"""The `replay` data source: candles from CSV files or the seeded synthetic market.

Same interface as the exchange. The synthetic market runs on the (injected) wall clock: any
history is available and a new 1m candle closes every minute. Holes in replayed data are
never reported as known gaps.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

import numpy as np

from cryptolens.core.timeframes import DAY_MS, MINUTE_MS, timeframe_ms
from cryptolens.market.aggregation import aggregate
from cryptolens.market.candles import OHLCV, CandleSeries, FloatArray, concat_series
from cryptolens.market.defaults import REPLAY_EXCHANGE_ID
from cryptolens.market.sources.base import MarketListing, decimals_of
from cryptolens.market.sources.synthetic import SUMMARY_TIMEFRAMES, SyntheticMarket, profile_for

Clock = Callable[[], int]


def wall_clock_ms() -> int:
    return int(time.time() * 1000)


class ReplayMarket(Protocol):
    def listings(self) -> list[MarketListing]: ...

    def first_candles(
        self, symbol: str, timeframe: str, since: int, limit: int, now: int
    ) -> CandleSeries:
        """Like an exchange: the first `limit` candles opening in [since, now], the newest
        possibly still open at `now`."""
        ...


class SyntheticReplayMarket:
    def __init__(self, seed: int, symbols: Sequence[str]) -> None:
        self._market = SyntheticMarket(seed, symbols)

    def listings(self) -> list[MarketListing]:
        listings = []
        for symbol in self._market.symbols:
            profile = profile_for(symbol)
            base, _, quote = symbol.partition("/")
            listings.append(
                MarketListing(symbol, base, quote, True, profile.tick_size, profile.price_precision)
            )
        return listings

    def first_candles(
        self, symbol: str, timeframe: str, since: int, limit: int, now: int
    ) -> CandleSeries:
        # No holes in the synthetic market: `limit` candles span exactly `limit` periods.
        step = timeframe_ms(timeframe)
        return self._series(symbol, timeframe, since, min(now + 1, since + limit * step))

    def _series(self, symbol: str, timeframe: str, start: int, end: int) -> CandleSeries:
        step = timeframe_ms(timeframe)
        if step == MINUTE_MS:
            return self._market.minutes(symbol, start, end)
        first = start - start % step
        head = CandleSeries.empty()
        if timeframe in SUMMARY_TIMEFRAMES and end - end % DAY_MS > first:
            # Whole days come from the per-day cache; only the last day is built here.
            head = self._market.whole_days(symbol, timeframe, first, end - end % DAY_MS)
            first = end - end % DAY_MS
        minutes = self._market.minutes(symbol, first, end)
        # The partial last bucket (still open) is served like an exchange would: as far as it got.
        tail = aggregate(minutes, timeframe)
        partial_from = end - end % step
        in_progress = minutes.between(partial_from, end - 1)
        if len(in_progress) and (not len(tail) or tail.open_time[-1] < partial_from):
            tail = concat_series([tail, _partial_bucket(in_progress, partial_from)])
        return concat_series([head, tail]).between(start, end - 1)


@dataclass(frozen=True, slots=True)
class CsvSeries:
    """One file of candles: `time,open,high,low,close,volume` with ms UTC open times."""

    symbol: str
    timeframe: str
    path: Path


class CsvReplayMarket:
    """Serves the files' candles; a timeframe without its own file is built from a finer one."""

    def __init__(self, files: list[CsvSeries], *, shift_ms: int = 0) -> None:
        self._series: dict[tuple[str, str], CandleSeries] = {}
        for file in files:
            loaded = read_candle_csv(file.path)
            shifted = CandleSeries(loaded.open_time + shift_ms, *_prices(loaded))
            self._series[(file.symbol, file.timeframe)] = shifted

    def listings(self) -> list[MarketListing]:
        listings: dict[str, MarketListing] = {}
        for (symbol, _), series in self._series.items():
            tick = _observed_tick(series)
            base, _, quote = symbol.partition("/")
            listings[symbol] = MarketListing(symbol, base, quote, True, tick, decimals_of(tick))
        return list(listings.values())

    def first_candles(
        self, symbol: str, timeframe: str, since: int, limit: int, now: int
    ) -> CandleSeries:
        candles = self._series.get((symbol, timeframe))
        if candles is None and (symbol, "1m") in self._series:
            step = timeframe_ms(timeframe)
            minutes = self._series[(symbol, "1m")].between(since - since % step, now)
            candles = aggregate(minutes, timeframe)
        if candles is None:
            return CandleSeries.empty()
        found = candles.between(since, now)
        if len(found) <= limit:
            return found
        return found.between(since, int(found.open_time[limit - 1]))


class ReplaySource:
    reports_known_gaps = False

    def __init__(self, market: ReplayMarket, *, clock: Clock = wall_clock_ms) -> None:
        self._market = market
        self._clock = clock

    @classmethod
    def synthetic(
        cls, seed: int, symbols: Sequence[str], *, clock: Clock = wall_clock_ms
    ) -> ReplaySource:
        return cls(SyntheticReplayMarket(seed, symbols), clock=clock)

    @property
    def exchange_id(self) -> str:
        return REPLAY_EXCHANGE_ID

    @property
    def data_source(self) -> Literal["replay"]:
        return "replay"

    async def list_markets(self) -> list[MarketListing]:
        return self._market.listings()

    async def fetch_ohlcv(
        self, symbol: str, timeframe: str, since: int | None, limit: int
    ) -> list[OHLCV]:
        now = self._clock()
        step = timeframe_ms(timeframe)
        if since is None:
            since = now - now % step - (limit - 1) * step
        return self._market.first_candles(symbol, timeframe, since, limit, now).to_candles()

    async def fetch_time(self) -> int:
        return self._clock()

    async def close(self) -> None:
        return None


def read_candle_csv(path: Path) -> CandleSeries:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = [
            (
                int(row["time"]),
                float(row["open"]),
                float(row["high"]),
                float(row["low"]),
                float(row["close"]),
                float(row["volume"]),
            )
            for row in csv.DictReader(handle)
        ]
    return CandleSeries.from_candles(rows)


def _prices(series: CandleSeries) -> tuple[FloatArray, ...]:
    return series.open, series.high, series.low, series.close, series.volume


def _observed_tick(series: CandleSeries) -> float:
    """The finest decimal step the file's prices use (files carry no market info)."""
    decimals = 0
    for value in series.close[:500].tolist():
        text = repr(value)
        if "e" in text:
            return 10.0**-8
        decimals = max(decimals, len(text.partition(".")[2].rstrip("0")))
    return 10.0**-decimals


def _partial_bucket(minutes: CandleSeries, open_time: int) -> CandleSeries:
    """The bucket opening at `open_time` as far as `minutes` (its first ones) go."""
    return CandleSeries(
        np.array([open_time], dtype=np.int64),
        minutes.open[:1],
        np.array([minutes.high.max()]),
        np.array([minutes.low.min()]),
        minutes.close[-1:],
        np.array([minutes.volume.sum()]),
    )
