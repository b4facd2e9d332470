"""Candle value types shared by sources, validation, aggregation and storage."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from cryptolens.core.timeframes import timeframe_ms

FloatArray = npt.NDArray[np.float64]
TimeArray = npt.NDArray[np.int64]


class OHLCV(NamedTuple):
    """One candle as an exchange reports it: open time (ms UTC) and its prices and volume."""

    open_time: int
    open: float
    high: float
    low: float
    close: float
    volume: float


@dataclass(frozen=True, slots=True)
class CandleSeries:
    """Candles of one symbol and timeframe as column arrays, ascending by open time."""

    open_time: TimeArray
    open: FloatArray
    high: FloatArray
    low: FloatArray
    close: FloatArray
    volume: FloatArray

    def __len__(self) -> int:
        return int(self.open_time.shape[0])

    def __getitem__(self, rows: slice) -> CandleSeries:
        return CandleSeries(
            self.open_time[rows],
            self.open[rows],
            self.high[rows],
            self.low[rows],
            self.close[rows],
            self.volume[rows],
        )

    @classmethod
    def empty(cls) -> CandleSeries:
        no_floats = np.empty(0, dtype=np.float64)
        return cls(
            np.empty(0, dtype=np.int64), no_floats, no_floats, no_floats, no_floats, no_floats
        )

    @classmethod
    def from_candles(cls, candles: Sequence[OHLCV] | Iterable[tuple[float, ...]]) -> CandleSeries:
        rows = list(candles)
        if not rows:
            return cls.empty()
        table = np.asarray(rows, dtype=np.float64)
        return cls(
            open_time=table[:, 0].astype(np.int64),
            open=np.ascontiguousarray(table[:, 1]),
            high=np.ascontiguousarray(table[:, 2]),
            low=np.ascontiguousarray(table[:, 3]),
            close=np.ascontiguousarray(table[:, 4]),
            volume=np.ascontiguousarray(table[:, 5]),
        )

    def to_candles(self) -> list[OHLCV]:
        return [
            OHLCV(int(t), float(o), float(h), float(lo), float(c), float(v))
            for t, o, h, lo, c, v in zip(
                self.open_time.tolist(),
                self.open.tolist(),
                self.high.tolist(),
                self.low.tolist(),
                self.close.tolist(),
                self.volume.tolist(),
                strict=True,
            )
        ]

    def between(self, start: int, end: int) -> CandleSeries:
        """Candles with start <= open_time <= end (both ms)."""
        lo = int(np.searchsorted(self.open_time, start, side="left"))
        hi = int(np.searchsorted(self.open_time, end, side="right"))
        return CandleSeries(
            self.open_time[lo:hi],
            self.open[lo:hi],
            self.high[lo:hi],
            self.low[lo:hi],
            self.close[lo:hi],
            self.volume[lo:hi],
        )


def concat_series(parts: Sequence[CandleSeries]) -> CandleSeries:
    """The series one after the other (each ascending, in ascending order of time)."""
    filled = [part for part in parts if len(part)]
    if not filled:
        return CandleSeries.empty()
    if len(filled) == 1:
        return filled[0]
    return CandleSeries(
        np.concatenate([part.open_time for part in filled]),
        np.concatenate([part.open for part in filled]),
        np.concatenate([part.high for part in filled]),
        np.concatenate([part.low for part in filled]),
        np.concatenate([part.close for part in filled]),
        np.concatenate([part.volume for part in filled]),
    )


def bucket_start(moment_ms: int, timeframe: str) -> int:
    """Open time of the UTC-aligned bucket of `timeframe` containing `moment_ms`.

    Epoch-aligned buckets are UTC-aligned: 4h opens at 00, 04, ... 20 UTC and 1d at 00:00.
    """
    step = timeframe_ms(timeframe)
    return moment_ms - moment_ms % step


def last_closed_open_time(now_ms: int, timeframe: str) -> int:
    """Open time of the newest candle of `timeframe` that is closed at `now_ms`."""
    return bucket_start(now_ms, timeframe) - timeframe_ms(timeframe)
