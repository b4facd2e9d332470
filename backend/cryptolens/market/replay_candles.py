"""A replay's candles, in memory (docs/rules/backtest.md "One replay"): the 1m candles it feeds,
and each higher timeframe as a symbol added at W has it: the stored candles closed by W (its
backfilled history), then the buckets built from the 1m candles by the rule of live building
(aggregation.py: complete buckets only, or those whose missing minutes are known gaps). Built
once up front; a cycle at T only ever asks for candles closed by T, which is what live building
has stored by then."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from cryptolens.core.timeframes import timeframe_ms
from cryptolens.market.aggregation import aggregate
from cryptolens.market.candles import CandleSeries, TimeArray, concat_series
from cryptolens.market.defaults import BASE_TIMEFRAME


class ReplayCandles:
    def __init__(
        self,
        minutes: CandleSeries,
        closed_before: Mapping[str, CandleSeries],
        timeframes: Sequence[str],
        warm_start: int,
        known_gap_minutes: TimeArray | None = None,
    ) -> None:
        self.series: dict[str, CandleSeries] = {BASE_TIMEFRAME: minutes}
        for timeframe in timeframes:
            if timeframe == BASE_TIMEFRAME:
                continue
            step = timeframe_ms(timeframe)
            stored = closed_before.get(timeframe, CandleSeries.empty())
            stored = stored[: int(np.searchsorted(stored.open_time + step, warm_start, "right"))]
            built = aggregate(minutes, timeframe, known_gap_minutes=known_gap_minutes)
            built = built[int(np.searchsorted(built.open_time + step, warm_start, "right")) :]
            self.series[timeframe] = concat_series([stored, built])

    def until(self, timeframe: str, last_open_time: int, count: int) -> CandleSeries:
        """The newest `count` candles opening at or before `last_open_time`, ascending."""
        held = self.series.get(timeframe, CandleSeries.empty())
        end = int(np.searchsorted(held.open_time, last_open_time, side="right"))
        return held[max(0, end - count) : end]
