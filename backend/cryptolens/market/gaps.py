"""Known gaps: minutes the exchange reported empty (candles after them, none inside)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np

from cryptolens.core.timeframes import MINUTE_MS
from cryptolens.market.candles import OHLCV, TimeArray


class KnownGap(NamedTuple):
    """Missing candles from start (first missing open time) up to end (next present, exclusive)."""

    start: int
    end: int


def gaps_in_page(page: Sequence[OHLCV], expected_first: int, step_ms: int) -> list[KnownGap]:
    """Holes in an ascending page of candles that began at `expected_first`.

    Only holes followed by a candle count: the exchange answered past them, so they are empty,
    not merely not yet published.
    """
    gaps: list[KnownGap] = []
    expected = expected_first
    for candle in page:
        if candle.open_time > expected:
            gaps.append(KnownGap(expected, candle.open_time))
        expected = max(expected, candle.open_time + step_ms)
    return gaps


def gap_minutes(gaps: Iterable[KnownGap], start: int, end: int) -> TimeArray:
    """Open times of the known-empty minutes within [start, end)."""
    spans = [
        np.arange(max(gap.start, start), min(gap.end, end), MINUTE_MS, dtype=np.int64)
        for gap in gaps
        if gap.end > start and gap.start < end
    ]
    if not spans:
        return np.empty(0, dtype=np.int64)
    minutes: TimeArray = np.unique(np.concatenate(spans))
    return minutes
