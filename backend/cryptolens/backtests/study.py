"""The walk-forward parameter study's arithmetic (docs/rules/backtest.md "Walk-forward
parameter study"): its windows, its grid of combinations, the choice on a train window and
the aggregates over the test windows. Pure: replays happen in backtests/study_jobs.py."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cryptolens.backtests.results import summarize
from cryptolens.core.errors import ValidationFailedError
from cryptolens.core.timeframes import DAY_MS

MAX_COMBINATIONS = 100
MAX_WINDOWS = 12
MAX_REPLAY_UNITS = 2_000  # symbols x windows x combinations

WARNING = (
    "Train results overstate performance: among many combinations some look good by chance. "
    "Only the test (out-of-sample) figures estimate what to expect; fewer than 100 resolved "
    "test signals or a few windows are weak evidence, and the past does not guarantee the "
    "future."
)


@dataclass(frozen=True)
class Window:
    """Window k: train [train_start, train_end), test [train_end, test_end) (ms)."""

    k: int
    train_start: int
    train_end: int
    test_end: int

    @property
    def test_start(self) -> int:
        return self.train_end


def plan_windows(start: int, end: int, train_days: int, test_days: int) -> list[Window]:
    """k = 0, 1, ...: train [start + k * test_days, + train_days), test from the train end,
    test_days long, while the test end <= end. The test windows tile without overlap."""
    windows: list[Window] = []
    k = 0
    while True:
        train_start = start + k * test_days * DAY_MS
        train_end = train_start + train_days * DAY_MS
        test_end = train_end + test_days * DAY_MS
        if test_end > end:
            return windows
        windows.append(Window(k, train_start, train_end, test_end))
        k += 1


def combinations(grid: Mapping[str, Sequence[Any]]) -> list[dict[str, Any]]:
    """The Cartesian product of the grid's values, in grid order (the last name varies
    fastest): the order that breaks ties in the choice."""
    names = list(grid)
    return [
        dict(zip(names, values, strict=True))
        for values in itertools.product(*(grid[name] for name in names))
    ]


def check_size(symbols: int, windows: int, combination_count: int) -> None:
    """1 to 12 windows and symbols x windows x combinations at most 2,000, else 422."""
    if combination_count > MAX_COMBINATIONS:
        raise ValidationFailedError(
            f"body.grid: {combination_count} combinations, at most {MAX_COMBINATIONS}"
        )
    if windows < 1:
        raise ValidationFailedError(
            "body.end: [start, end) holds no window (train_days + test_days)"
        )
    if windows > MAX_WINDOWS:
        raise ValidationFailedError(f"body.end: {windows} windows, at most {MAX_WINDOWS}")
    units = symbols * windows * combination_count
    if units > MAX_REPLAY_UNITS:
        raise ValidationFailedError(
            f"body.grid: symbols x windows x combinations = {units}, at most {MAX_REPLAY_UNITS}"
        )


@dataclass(frozen=True)
class TrainScore:
    """One combination's figures on a train window."""

    resolved: int
    avg_r: float | None


def choose(scores: Sequence[TrainScore], min_sample: int) -> int | None:
    """The index of the chosen combination: the highest avg_r among those with resolved >=
    min_sample; ties by more resolved, then grid order. None: the window is
    `insufficient_sample`."""
    best: int | None = None
    for index, score in enumerate(scores):
        if score.resolved < min_sample or score.avg_r is None:
            continue
        if best is None or _beats(score, scores[best]):
            best = index
    return best


def _beats(score: TrainScore, best: TrainScore) -> bool:
    # An earlier index wins a full tie, so only strictly better replaces it.
    assert score.avg_r is not None and best.avg_r is not None
    return (score.avg_r, score.resolved) > (best.avg_r, best.resolved)


@dataclass(frozen=True)
class StudySignal:
    """What the figures read of one result signal (results.ResultSignal), kept as JSON on a
    study's replay between its jobs."""

    id: int
    anchor_type: str
    anchor_timeframe: str
    status: str
    outcome_r: float | None
    created_at: int
    triggered_at: int | None
    tp1_at: int | None
    stopped_at: int | None
    tp3_at: int | None
    closed_at: int | None

    @classmethod
    def of(cls, signal: Any) -> StudySignal:
        return cls(**{name: getattr(signal, name) for name in _SIGNAL_FIELDS})

    def as_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _SIGNAL_FIELDS}


_SIGNAL_FIELDS = tuple(StudySignal.__dataclass_fields__)


@dataclass(frozen=True)
class WindowResult:
    """A window's outcome for the aggregates: None test lists for an insufficient sample."""

    symbol: str
    train_avg_r: float | None
    test: Sequence[StudySignal] | None
    baseline: Sequence[StudySignal] | None


def pooled_figures(signals: Iterable[StudySignal]) -> dict[str, Any]:
    figures = summarize(signals)
    return {
        "resolved": figures.resolved,
        "win_rate": figures.win_rate,
        "avg_r": figures.avg_r,
        "profit_factor": figures.profit_factor,
        "max_drawdown_r": figures.max_drawdown_r,
    }


def _mean(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None


def _side(results: Sequence[WindowResult], pick: str) -> dict[str, Any]:
    """The pooled figures of one side (chosen `test` or `baseline`) and its windows with a
    positive test avg_r."""
    lists = [list(getattr(result, pick)) for result in results]
    figures = pooled_figures(itertools.chain.from_iterable(lists))
    positive = 0
    for signals in lists:
        avg_r = summarize(signals).avg_r
        positive += avg_r is not None and avg_r > 0
    return {**figures, "windows_positive": positive}


def aggregate(results: Sequence[WindowResult]) -> dict[str, Any]:
    """Chosen and baseline over all test signals pooled, the windows counted, and the
    overfitting gap (mean train avg_r - mean test avg_r of the chosen, over the windows with
    both). Insufficient-sample windows are left out of both sides."""
    counted = [result for result in results if result.test is not None]
    pairs = [
        (result.train_avg_r, test_avg_r)
        for result in counted
        if result.train_avg_r is not None
        and (test_avg_r := summarize(result.test or []).avg_r) is not None
    ]
    train_mean = _mean(train for train, _test in pairs)
    test_mean = _mean(test for _train, test in pairs)
    return {
        "windows": len(counted),
        "windows_insufficient_sample": len(results) - len(counted),
        "chosen": _side(counted, "test"),
        "baseline": _side(counted, "baseline"),
        "mean_train_avg_r": train_mean,
        "mean_test_avg_r": test_mean,
        "overfitting_gap": (
            train_mean - test_mean if train_mean is not None and test_mean is not None else None
        ),
    }


def aggregates(results: Sequence[WindowResult]) -> dict[str, Any]:
    """The overall aggregate and one per symbol (in the order the symbols come)."""
    symbols = list(dict.fromkeys(result.symbol for result in results))
    return {
        "overall": aggregate(results),
        "by_symbol": [
            {"symbol": symbol, **aggregate([r for r in results if r.symbol == symbol])}
            for symbol in symbols
        ],
    }
