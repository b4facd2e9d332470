"""1m -> 5m/15m/1h/4h/1d aggregation: property tests against a plain-loop reference, and
the real BTC-PERP 1m series."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cryptolens.market.aggregation import UnsortedCandlesError, aggregate
from cryptolens.market.candles import OHLCV, CandleSeries
from cryptolens.market.sources.replay import read_candle_csv
from tests.data_files import candle_file
from tests.market.conftest import DAY, MINUTE

STEPS = {"5m": 5 * MINUTE, "15m": 15 * MINUTE, "1h": 60 * MINUTE, "4h": 240 * MINUTE, "1d": DAY}


def reference(
    minutes: list[OHLCV], step: int, empty: set[int] | frozenset[int] = frozenset()
) -> list[OHLCV]:
    """Plain loops: group by UTC bucket, emit only buckets whose minutes are all present or
    known to be empty."""
    groups: dict[int, list[OHLCV]] = {}
    for candle in minutes:
        groups.setdefault(candle.open_time - candle.open_time % step, []).append(candle)
    built = []
    for bucket, group in sorted(groups.items()):
        present = {candle.open_time for candle in group}
        expected = set(range(bucket, bucket + step, MINUTE))
        if not expected <= present | empty:
            continue
        built.append(
            OHLCV(
                bucket,
                group[0].open,
                max(c.high for c in group),
                min(c.low for c in group),
                group[-1].close,
                math.fsum(c.volume for c in group),
            )
        )
    return built


def assert_same(actual: CandleSeries, expected: list[OHLCV]) -> None:
    got = actual.to_candles()
    assert [c.open_time for c in got] == [c.open_time for c in expected]
    for mine, theirs in zip(got, expected, strict=True):
        assert mine[:5] == theirs[:5]
        assert mine.volume == pytest.approx(theirs.volume, rel=1e-12, abs=1e-9)


@st.composite
def minute_series(draw: st.DrawFn) -> tuple[list[OHLCV], set[int]]:
    """Up to two days of 1m candles starting at a random minute, with random holes; some of
    the holes are known gaps."""
    start = draw(st.integers(0, 3 * 1_440)) * MINUTE + 19_700 * DAY
    count = draw(st.integers(0, 2 * 1_440))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    hole_chance = draw(st.sampled_from([0.0, 0.001, 0.02, 0.3]))
    keep = rng.random(count) >= hole_chance
    closes = 100 * np.exp(np.cumsum(rng.normal(0, 0.002, count)))
    opens = np.concatenate(([100.0], closes[:-1]))
    highs = np.maximum(opens, closes) * (1 + rng.random(count) / 100)
    lows = np.minimum(opens, closes) * (1 - rng.random(count) / 100)
    volumes = rng.random(count) * 10
    minutes = [
        OHLCV(start + i * MINUTE, opens[i], highs[i], lows[i], closes[i], volumes[i])
        for i in range(count)
        if keep[i]
    ]
    holes = [start + i * MINUTE for i in range(count) if not keep[i]]
    known_empty = {t for t in holes if draw(st.booleans())} if holes and len(holes) < 50 else set()
    return minutes, known_empty


@settings(max_examples=60, deadline=None)
@given(minute_series(), st.sampled_from(sorted(STEPS)))
def test_every_built_candle_matches_its_minutes_and_partial_buckets_never_appear(
    series: tuple[list[OHLCV], set[int]], timeframe: str
) -> None:
    minutes, _ = series
    built = aggregate(CandleSeries.from_candles(minutes), timeframe)
    assert_same(built, reference(minutes, STEPS[timeframe]))
    present = {c.open_time for c in minutes}
    for open_time in built.open_time.tolist():
        assert set(range(open_time, open_time + STEPS[timeframe], MINUTE)) <= present


@settings(max_examples=60, deadline=None)
@given(minute_series(), st.sampled_from(sorted(STEPS)))
def test_buckets_spanning_known_gaps_are_built_from_the_minutes_present(
    series: tuple[list[OHLCV], set[int]], timeframe: str
) -> None:
    minutes, known_empty = series
    gap_minutes = np.array(sorted(known_empty), dtype=np.int64)
    built = aggregate(CandleSeries.from_candles(minutes), timeframe, known_gap_minutes=gap_minutes)
    assert_same(built, reference(minutes, STEPS[timeframe], known_empty))


def test_a_minute_counted_as_gap_and_present_counts_once() -> None:
    minutes = [OHLCV(i * MINUTE, 1.0, 2.0, 0.5, 1.5, 1.0) for i in range(4)]
    # The gap claims minute 3 (present) and minute 4 is missing: the bucket is incomplete.
    built = aggregate(
        CandleSeries.from_candles(minutes),
        "5m",
        known_gap_minutes=np.array([3 * MINUTE], dtype=np.int64),
    )
    assert len(built) == 0


def test_unsorted_minutes_are_refused() -> None:
    minutes = [OHLCV(MINUTE, 1, 1, 1, 1, 1), OHLCV(0, 1, 1, 1, 1, 1)]
    with pytest.raises(UnsortedCandlesError):
        aggregate(CandleSeries.from_candles(minutes), "5m")


def test_timeframes_finer_than_a_minute_cannot_be_built() -> None:
    with pytest.raises(ValueError, match="unknown timeframe"):
        aggregate(CandleSeries.empty(), "30s")


@pytest.fixture(scope="module")
def btc_perp_minutes() -> CandleSeries:
    return read_candle_csv(candle_file("BTC-PERP_USD-1m.csv"))


@pytest.mark.parametrize("timeframe", sorted(STEPS))
def test_real_btc_perp_minutes_aggregate_like_the_reference(
    btc_perp_minutes: CandleSeries, timeframe: str
) -> None:
    minutes = btc_perp_minutes.to_candles()
    built = aggregate(btc_perp_minutes, timeframe)
    expected = reference(minutes, STEPS[timeframe])
    assert_same(built, expected)
    # The file runs 2021-12-31 23:01 to 2022-02-01 05:31 without gaps: the first and last
    # buckets are partial, every other one complete.
    step = STEPS[timeframe]
    first_full = -(-minutes[0].open_time // step) * step
    last_full = (minutes[-1].open_time + MINUTE) // step * step - step
    assert built.open_time[0] == first_full
    assert built.open_time[-1] == last_full
    assert len(built) == (last_full - first_full) // step + 1


def test_real_daily_candles_are_utc_days(btc_perp_minutes: CandleSeries) -> None:
    daily = aggregate(btc_perp_minutes, "1d")
    # 2022-01-01 .. 2022-01-31: the partial last evening of 2021 and 1 February are left out.
    assert daily.open_time[0] == 1_640_995_200_000
    assert len(daily) == 31
    january_first = btc_perp_minutes.between(1_640_995_200_000, 1_640_995_200_000 + DAY - 1)
    assert daily.open[0] == january_first.open[0]
    assert daily.close[0] == january_first.close[-1]
    assert daily.high[0] == january_first.high.max()
    assert daily.low[0] == january_first.low.min()


def test_four_hour_buckets_open_at_multiples_of_four_hours_utc(
    btc_perp_minutes: CandleSeries,
) -> None:
    four_hourly = aggregate(btc_perp_minutes, "4h")
    hours = (four_hourly.open_time // (60 * MINUTE)) % 24
    assert set(hours.tolist()) == {0, 4, 8, 12, 16, 20}
