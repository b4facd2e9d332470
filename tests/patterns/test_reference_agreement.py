"""The vectorised engine against the plain-loop reference (tests/patterns/reference.py), field
by field: on random and adversarial series and on every real series of tests/data/candles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cryptolens.patterns.csv_input import read_candles_csv
from cryptolens.patterns.detectors import (
    DIRECTIONS,
    PATTERN_TYPES,
    CandleSeries,
    detect_patterns,
    form_patterns,
)
from tests.data_files import real_series
from tests.patterns import reference
from tests.patterns.compare import differences
from tests.patterns.series import KINDS, from_ticks, synthetic_series

TIMEFRAMES = ("1m", "5m", "15m", "30m", "1h", "2h", "4h", "1d")
DATA_FILES = real_series()

timeframes = st.sampled_from(TIMEFRAMES)
min_zone_pcts = st.sampled_from([0.0, 0.01, 0.15, 0.5])
multipliers = st.sampled_from([1.5, 1.0, 2.5])
# Mostly short series, so every window length (3, 14, 20, 50 candles) is crossed often.
lengths = st.one_of(st.integers(0, 30), st.integers(30, 120), st.integers(120, 400))
tick_rows = st.lists(
    st.tuples(st.integers(-6, 6), st.integers(0, 3), st.integers(0, 3), st.integers(0, 5)),
    max_size=90,
)


def reference_run(
    candles: CandleSeries,
    timeframe: str,
    min_zone_pct: float = 0.15,
    multiplier: float = 1.5,
    now_ms: int | None = None,
) -> tuple[list[dict[str, object]], list[reference.Candidate]]:
    time, open_, high, low, close, volume = (column.tolist() for column in candles.columns())
    settings = (timeframe, min_zone_pct, multiplier, now_ms)
    rows = reference.detect(time, open_, high, low, close, volume, *settings)
    found = reference.candidates(time, open_, high, low, close, volume, *settings)
    return rows, found


def assert_agreement(
    candles: CandleSeries,
    timeframe: str,
    min_zone_pct: float = 0.15,
    multiplier: float = 1.5,
    now_ms: int | None = None,
) -> int:
    expected_rows, expected_candidates = reference_run(
        candles, timeframe, min_zone_pct, multiplier, now_ms
    )

    # Before suppression: every candidate with its formation fields.
    formed = form_patterns(candles, timeframe, min_zone_pct, multiplier)
    assert [(c.k, c.type, c.direction, c.zone_low, c.zone_high) for c in expected_candidates] == [
        (int(k), PATTERN_TYPES[t], DIRECTIONS[d], float(low), float(high))
        for k, t, d, low, high in zip(
            formed.candle_index,
            formed.pattern_type,
            formed.direction,
            formed.zone_low,
            formed.zone_high,
            strict=True,
        )
    ]
    for candidate, strength in zip(expected_candidates, formed.strength.tolist(), strict=True):
        assert abs(candidate.strength - strength) <= 1e-4

    # After suppression, with the lifecycle.
    detected = detect_patterns(candles, timeframe, min_zone_pct, multiplier, now_ms)
    assert detected.candle_count == len(candles)
    assert differences(expected_rows, detected.rows()) == []
    return len(expected_rows)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(KINDS),
    length=lengths,
    seed=st.integers(0, 2**32 - 1),
    timeframe=timeframes,
    min_zone_pct=min_zone_pcts,
    multiplier=multipliers,
)
def test_agrees_on_synthetic_series(
    kind: str, length: int, seed: int, timeframe: str, min_zone_pct: float, multiplier: float
) -> None:
    candles = synthetic_series(kind, length, seed, timeframe)
    assert_agreement(candles, timeframe, min_zone_pct, multiplier)


@settings(max_examples=150, deadline=None)
@given(rows=tick_rows, timeframe=timeframes, min_zone_pct=min_zone_pcts)
def test_agrees_on_small_grid_series(
    rows: list[tuple[int, int, int, int]], timeframe: str, min_zone_pct: float
) -> None:
    # Few distinct prices: equal highs and lows, dojis and flat candles everywhere.
    assert_agreement(from_ticks(rows, timeframe), timeframe, min_zone_pct)


@settings(max_examples=40, deadline=None)
@given(
    kind=st.sampled_from(KINDS),
    seed=st.integers(0, 2**32 - 1),
    timeframe=timeframes,
    now_shift=st.integers(-10, 10),
)
def test_agrees_for_any_now(kind: str, seed: int, timeframe: str, now_shift: int) -> None:
    candles = synthetic_series(kind, 150, seed, timeframe)
    now_ms = int(candles.time[-1]) + now_shift * 3_600_000
    assert_agreement(candles, timeframe, now_ms=now_ms)


@pytest.mark.parametrize("length", [0, 1, 2, 3, 7, 13, 14, 20, 21, 54, 55])
def test_agrees_on_series_shorter_than_the_windows(length: int) -> None:
    for seed in range(5):
        assert_agreement(synthetic_series("grid", length, seed, "1h"), "1h", 0.0)


def test_agrees_on_a_flat_series() -> None:
    flat = from_ticks([(0, 0, 0, 1)] * 80, "5m")
    assert assert_agreement(flat, "5m", 0.0) == 0


@pytest.mark.parametrize("path", DATA_FILES, ids=[path.stem for path in DATA_FILES])
def test_agrees_on_real_series(path: Path) -> None:
    timeframe = next(part for part in path.stem.split("-") if part in TIMEFRAMES)
    assert assert_agreement(read_candles_csv(path), timeframe) > 0
