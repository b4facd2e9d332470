"""Candle sanity rules: bad candles are rejected, counted and logged, never stored."""

from __future__ import annotations

import logging
import math

import pytest

from cryptolens.market.candles import OHLCV
from cryptolens.market.validation import check_candles

GOOD = OHLCV(120_000, 10.0, 12.0, 9.0, 11.0, 5.0)


@pytest.mark.parametrize(
    ("candle", "reason"),
    [
        (GOOD._replace(high=10.5), "high below open or close"),
        (GOOD._replace(high=9.5), "high below open or close"),
        (GOOD._replace(low=10.5), "low above open or close"),
        (GOOD._replace(low=0.0), "price not positive"),
        (GOOD._replace(open=-1.0, low=-2.0), "price not positive"),
        (GOOD._replace(volume=-0.1), "negative volume"),
        (GOOD._replace(close=math.nan), "non-finite value"),
        (GOOD._replace(high=math.inf), "non-finite value"),
        (GOOD._replace(open_time=120_001), "open time not aligned to the timeframe"),
    ],
)
def test_bad_candles_are_rejected_counted_and_logged(
    candle: OHLCV, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="cryptolens.market.validation")
    checked = check_candles(
        [GOOD, candle, GOOD._replace(open_time=180_000)], symbol="BTC/USDT", timeframe="1m"
    )
    assert checked.rejected == 1
    assert [c.open_time for c in checked.valid] == [120_000, 180_000]
    [record] = caplog.records
    assert record.getMessage() == "market.candle_rejected"
    assert record.__dict__["reason"] == reason
    assert record.__dict__["symbol"] == "BTC/USDT"


def test_flat_and_zero_volume_candles_are_sound() -> None:
    flat = OHLCV(0, 5.0, 5.0, 5.0, 5.0, 0.0)
    checked = check_candles([flat], symbol="X/Y", timeframe="1m")
    assert checked.valid == [flat]
    assert checked.rejected == 0


def test_alignment_is_checked_against_the_timeframe() -> None:
    checked = check_candles([GOOD], symbol="X/Y", timeframe="5m")  # 2 minutes: not a 5m open
    assert checked.rejected == 1
