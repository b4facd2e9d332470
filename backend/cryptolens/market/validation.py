"""Candle sanity rules applied before anything is stored."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from cryptolens.core.timeframes import timeframe_ms
from cryptolens.market.candles import OHLCV

log = logging.getLogger(__name__)


@dataclass(slots=True)
class CheckedCandles:
    valid: list[OHLCV] = field(default_factory=list)
    rejected: int = 0


def candle_defect(candle: OHLCV, step_ms: int) -> str | None:
    """Why a candle must not be stored, or None when it is sound."""
    prices = (candle.open, candle.high, candle.low, candle.close)
    if not all(isinstance(value, float | int) and math.isfinite(value) for value in candle[1:]):
        return "non-finite value"
    if candle.open_time % step_ms:
        return "open time not aligned to the timeframe"
    if min(prices) <= 0:
        return "price not positive"
    if candle.high < max(candle.open, candle.close):
        return "high below open or close"
    if candle.low > min(candle.open, candle.close):
        return "low above open or close"
    if candle.volume < 0:
        return "negative volume"
    return None


def check_candles(candles: Iterable[OHLCV], *, symbol: str, timeframe: str) -> CheckedCandles:
    """Splits candles into the sound ones and a count of rejected ones (each logged)."""
    step_ms = timeframe_ms(timeframe)
    checked = CheckedCandles()
    for candle in candles:
        defect = candle_defect(candle, step_ms)
        if defect is None:
            checked.valid.append(candle)
            continue
        checked.rejected += 1
        log.warning(
            "market.candle_rejected",
            extra={
                "symbol": symbol,
                "timeframe": timeframe,
                "open_time": candle.open_time,
                "reason": defect,
            },
        )
    return checked
