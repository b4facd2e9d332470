"""Causality: a series fed one candle at a time gives, at every step, the patterns of the whole
run restricted to the candles seen so far, and lifecycles only move forward. Also the pieces the
service composes incrementally: lifecycles advanced in chunks, suppression against patterns kept
earlier, detection on a scan window."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cryptolens.core.timeframes import overlap_threshold, timeframe_ms
from cryptolens.patterns.csv_input import read_candles_csv
from cryptolens.patterns.detectors import (
    ACTIVE,
    NO_TIME,
    ActiveZones,
    CandleSeries,
    DetectedPatterns,
    FormedPatterns,
    Lifecycles,
    PricePath,
    active_until,
    advance_lifecycles,
    detect_patterns,
    first_candle_from,
    form_patterns,
    keep_after_overlap,
)
from tests.data_files import real_series
from tests.patterns.series import synthetic_series

TIMEFRAMES = ("1m", "5m", "15m", "30m", "1h", "2h", "4h", "1d")
CHECKPOINTS = 40  # prefixes spread over the whole series
LAST_STEPS = 300  # candles replayed one by one at the end
SCAN_WINDOW = 300
STORED_FROM = 70  # the scanner stores patterns completed at window index >= 70


def timeframe_of(path: Path) -> str:
    return next(part for part in path.stem.split("-") if part in TIMEFRAMES)


def one_series_per_timeframe() -> list[Path]:
    """The shortest real series of each timeframe present, to keep the replay quick."""
    shortest: dict[str, tuple[int, Path]] = {}
    for path in real_series():
        size = path.stat().st_size
        timeframe = timeframe_of(path)
        if timeframe not in shortest or size < shortest[timeframe][0]:
            shortest[timeframe] = (size, path)
    return [path for _, path in sorted(shortest.values(), key=lambda item: item[1].name)]


REPLAY_SERIES = one_series_per_timeframe()


# type, direction, candle index, formed_at, confirmed_at, zone low, zone high, strength
Formation = tuple[int, int, int, int, int, float, float, float]


def formation(formed: FormedPatterns) -> list[Formation]:
    return list(
        zip(
            formed.pattern_type.tolist(),
            formed.direction.tolist(),
            formed.candle_index.tolist(),
            formed.formed_at.tolist(),
            formed.confirmed_at.tolist(),
            formed.zone_low.tolist(),
            formed.zone_high.tolist(),
            formed.strength.tolist(),
            strict=True,
        )
    )


def lifecycle_of(detected: DetectedPatterns) -> dict[tuple[int, int, int], tuple[object, ...]]:
    formed, lifecycle = detected.formed, detected.lifecycle
    keys = zip(
        formed.formed_at.tolist(),
        formed.pattern_type.tolist(),
        formed.direction.tolist(),
        strict=True,
    )
    states = zip(
        lifecycle.status.tolist(),
        lifecycle.touched_at.tolist(),
        lifecycle.fill_pct.tolist(),
        lifecycle.filled_at.tolist(),
        lifecycle.invalidated_at.tolist(),
        lifecycle.expired_at.tolist(),
        strict=True,
    )
    return dict(zip(keys, states, strict=True))


def assert_moves_forward(
    before: dict[tuple[int, int, int], tuple[object, ...]],
    after: dict[tuple[int, int, int], tuple[object, ...]],
) -> None:
    for key, (status, touched_at, fill_pct, *_) in before.items():
        later = after[key]
        if status != ACTIVE:
            assert later == before[key], key  # a final status is final, every field frozen
            continue
        if touched_at != NO_TIME:
            assert later[1] == touched_at, key
        assert isinstance(fill_pct, float) and isinstance(later[2], float)
        assert later[2] >= fill_pct, key


def replay(candles: CandleSeries, timeframe: str, prefixes: list[int]) -> int:
    """Detect on each prefix in turn and check it against the whole run; returns the number of
    patterns of the whole run, so callers can check there was something to compare."""
    whole = detect_patterns(candles, timeframe)
    whole_formation = formation(whole.formed)
    previous = lifecycle_of(detect_patterns(candles.head(0), timeframe))
    for seen in prefixes:
        step = detect_patterns(candles.head(seen), timeframe)
        assert formation(step.formed) == [row for row in whole_formation if row[2] < seen], seen
        current = lifecycle_of(step)
        assert_moves_forward(previous, current)
        previous = current
    assert_moves_forward(previous, lifecycle_of(whole))
    return len(whole)


@pytest.mark.parametrize("path", REPLAY_SERIES, ids=[path.stem for path in REPLAY_SERIES])
def test_replay_of_real_series(path: Path) -> None:
    candles = read_candles_csv(path)
    count = len(candles)
    spread = np.linspace(1, count, CHECKPOINTS, dtype=np.int64).tolist()
    one_by_one = list(range(max(1, count - LAST_STEPS), count + 1))
    prefixes = sorted(set(spread) | set(one_by_one))
    assert replay(candles, timeframe_of(path), prefixes) > 0


@pytest.mark.parametrize("seed", range(6))
def test_replay_candle_by_candle_on_synthetic_series(seed: int) -> None:
    kind = ("grid", "float", "flat", "spikes", "tiny", "doji")[seed]
    candles = synthetic_series(kind, 260, seed, "15m")
    assert replay(candles, "15m", list(range(1, len(candles) + 1))) > 0


def test_every_timeframe_is_replayed() -> None:
    replayed = {timeframe_of(path) for path in REPLAY_SERIES}
    assert replayed == {timeframe_of(path) for path in real_series()}
    assert len(replayed) >= 6


def _whole_run_parts(
    candles: CandleSeries, timeframe: str
) -> tuple[FormedPatterns, Lifecycles, PricePath]:
    formed = form_patterns(candles, timeframe)
    path = PricePath(candles.time, candles.high, candles.low)
    lifecycle = advance_lifecycles(
        formed.tracked(timeframe),
        Lifecycles.fresh(len(formed)),
        path,
        formed.candle_index + 1,
        int(candles.time[-1]) + timeframe_ms(timeframe),
    )
    return formed, lifecycle, path


@pytest.mark.parametrize("seed", range(8))
def test_lifecycles_advanced_in_chunks_match_one_pass(seed: int) -> None:
    timeframe = "5m"
    candles = synthetic_series(("float", "spikes", "tiny", "grid")[seed % 4], 400, seed, timeframe)
    formed, whole, path = _whole_run_parts(candles, timeframe)
    assert len(formed) > 0
    candle_ms = timeframe_ms(timeframe)

    rng = np.random.default_rng(seed)
    cuts = sorted(set(rng.integers(1, len(candles), 6).tolist()) | {len(candles)})
    state = Lifecycles.fresh(len(formed))
    evaluated_until = formed.confirmed_at - 1  # per pattern: candles opening after this count
    start = 0
    for cut in cuts:
        # Like the service: only the candles that arrived since the last update.
        chunk = PricePath(path.time[start:cut], path.high[start:cut], path.low[start:cut])
        first = first_candle_from(chunk, np.maximum(formed.formed_at + 1, evaluated_until + 1))
        later = advance_lifecycles(
            formed.tracked(timeframe), state, chunk, first, int(chunk.time[-1]) + candle_ms
        )
        assert_moves_forward(
            lifecycle_of(DetectedPatterns(timeframe, cut, formed, state)),
            lifecycle_of(DetectedPatterns(timeframe, cut, formed, later)),
        )
        state, evaluated_until, start = later, np.full_like(evaluated_until, chunk.time[-1]), cut

    for field in Lifecycles.__slots__:
        assert np.array_equal(getattr(state, field), getattr(whole, field)), field


@pytest.mark.parametrize("seed", range(8))
def test_suppression_against_patterns_kept_earlier(seed: int) -> None:
    timeframe = "1h"
    candles = synthetic_series(("grid", "flat", "tiny", "doji")[seed % 4], 400, seed, timeframe)
    formed, lifecycle, _ = _whole_run_parts(candles, timeframe)
    zones = ActiveZones(
        formed.pattern_type,
        formed.direction,
        formed.formed_at,
        formed.zone_low,
        formed.zone_high,
        active_until(lifecycle, formed.expires_at(timeframe), timeframe_ms(timeframe)),
    )
    threshold = overlap_threshold(timeframe)
    whole = keep_after_overlap(zones, formed.confirmed_at, threshold)
    assert 0 < whole.sum() < len(formed)  # something kept, something dropped

    split = len(formed) // 2
    head = keep_after_overlap(
        _slice(zones, slice(0, split)), formed.confirmed_at[:split], threshold
    )
    stored = _slice(zones, np.flatnonzero(head))
    tail = keep_after_overlap(
        _slice(zones, slice(split, None)), formed.confirmed_at[split:], threshold, stored
    )
    assert np.array_equal(np.concatenate([head, tail]), whole)


def _slice(zones: ActiveZones, selection: slice | np.ndarray) -> ActiveZones:
    return ActiveZones(*(getattr(zones, field)[selection] for field in ActiveZones.__slots__))


@pytest.mark.parametrize("path", REPLAY_SERIES, ids=[path.stem for path in REPLAY_SERIES])
def test_scan_window_forms_what_the_whole_history_forms(path: Path) -> None:
    candles = read_candles_csv(path)
    timeframe = timeframe_of(path)
    whole = formation(form_patterns(candles, timeframe))
    compared = 0
    for end in np.linspace(SCAN_WINDOW, len(candles), 12, dtype=np.int64).tolist():
        start = end - SCAN_WINDOW
        window = CandleSeries(
            candles.time[start:end],
            candles.open[start:end],
            candles.high[start:end],
            candles.low[start:end],
            candles.close[start:end],
            candles.volume[start:end],
        )
        scanned = [
            (*row[:2], row[2] + start, *row[3:])
            for row in formation(form_patterns(window, timeframe))
            if row[2] >= STORED_FROM
        ]
        expected = [row for row in whole if start + STORED_FROM <= row[2] < end]
        assert scanned == expected
        compared += len(expected)
    assert compared > 0
