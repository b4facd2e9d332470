"""The candle series every detector reads: parallel numpy arrays, ascending by open time."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
CodeArray = npt.NDArray[np.int8]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class CandleSeries:
    """Closed candles of one symbol and timeframe; `time` is the open time in ms UTC."""

    time: IntArray
    open: FloatArray
    high: FloatArray
    low: FloatArray
    close: FloatArray
    volume: FloatArray

    @classmethod
    def from_arrays(
        cls,
        time: npt.ArrayLike,
        open: npt.ArrayLike,
        high: npt.ArrayLike,
        low: npt.ArrayLike,
        close: npt.ArrayLike,
        volume: npt.ArrayLike,
    ) -> CandleSeries:
        series = cls(
            time=np.ascontiguousarray(time, dtype=np.int64),
            open=np.ascontiguousarray(open, dtype=np.float64),
            high=np.ascontiguousarray(high, dtype=np.float64),
            low=np.ascontiguousarray(low, dtype=np.float64),
            close=np.ascontiguousarray(close, dtype=np.float64),
            volume=np.ascontiguousarray(volume, dtype=np.float64),
        )
        lengths = {len(column) for column in series.columns()}
        if len(lengths) > 1:
            raise ValueError("candle columns have different lengths")
        return series

    def columns(self) -> tuple[npt.NDArray[np.generic], ...]:
        return (self.time, self.open, self.high, self.low, self.close, self.volume)

    def __len__(self) -> int:
        return len(self.time)

    def head(self, count: int) -> CandleSeries:
        """The first `count` candles, as a replay would have seen them."""
        return CandleSeries(
            self.time[:count],
            self.open[:count],
            self.high[:count],
            self.low[:count],
            self.close[:count],
            self.volume[:count],
        )
