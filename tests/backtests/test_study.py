"""The study's arithmetic (backtests/study.py): windows, the grid, the size limits, the choice on
a train window and the aggregates over hand-made signal lists."""

from __future__ import annotations

import pytest

from cryptolens.backtests import study
from cryptolens.backtests.study import StudySignal, TrainScore, WindowResult
from cryptolens.core.errors import ValidationFailedError
from cryptolens.core.timeframes import DAY_MS

T0 = 1_700_000_000_000 // 60_000 * 60_000


def test_windows_step_by_the_test_length_while_the_test_end_fits() -> None:
    windows = study.plan_windows(T0, T0 + 100 * DAY_MS, 60, 14)
    assert [(w.k, w.train_start, w.train_end, w.test_end) for w in windows] == [
        (0, T0, T0 + 60 * DAY_MS, T0 + 74 * DAY_MS),
        (1, T0 + 14 * DAY_MS, T0 + 74 * DAY_MS, T0 + 88 * DAY_MS),
    ]
    # The test windows tile without overlap.
    assert windows[1].test_start == windows[0].test_end


def test_a_test_end_exactly_at_the_end_counts_and_one_minute_short_does_not() -> None:
    assert len(study.plan_windows(T0, T0 + 21 * DAY_MS, 14, 7)) == 1
    assert study.plan_windows(T0, T0 + 21 * DAY_MS - 60_000, 14, 7) == []


def test_the_grid_product_keeps_grid_order_the_last_name_varying_fastest() -> None:
    grid = {"min_confluence": [2, 3], "default_rr": [2.5, 3.0, 4.0]}
    combos = study.combinations(grid)
    assert combos[:4] == [
        {"min_confluence": 2, "default_rr": 2.5},
        {"min_confluence": 2, "default_rr": 3.0},
        {"min_confluence": 2, "default_rr": 4.0},
        {"min_confluence": 3, "default_rr": 2.5},
    ]
    assert len(combos) == 6


@pytest.mark.parametrize(
    ("symbols", "windows", "combos", "field"),
    [
        (1, 0, 1, "body.end"),
        (1, 13, 1, "body.end"),
        (1, 1, 101, "body.grid"),
        (5, 12, 34, "body.grid"),  # 2,040 replays of train windows
    ],
)
def test_the_size_limits(symbols: int, windows: int, combos: int, field: str) -> None:
    with pytest.raises(ValidationFailedError, match=field):
        study.check_size(symbols, windows, combos)


def test_the_largest_allowed_sizes_pass() -> None:
    study.check_size(1, 12, 100)
    study.check_size(5, 4, 100)  # exactly 2,000


def test_the_choice_takes_the_best_avg_r_with_enough_resolved() -> None:
    scores = [TrainScore(50, 0.2), TrainScore(9, 3.0), TrainScore(30, 0.5), TrainScore(40, None)]
    assert study.choose(scores, 10) == 2


def test_ties_go_to_more_resolved_then_grid_order() -> None:
    assert study.choose([TrainScore(30, 0.5), TrainScore(40, 0.5)], 10) == 1
    assert study.choose([TrainScore(40, 0.5), TrainScore(40, 0.5)], 10) == 0
    assert study.choose([TrainScore(40, 0.5), TrainScore(30, 0.5), TrainScore(40, 0.5)], 10) == 0


def test_no_combination_with_enough_resolved_is_an_insufficient_sample() -> None:
    assert study.choose([TrainScore(9, 2.0), TrainScore(0, None)], 10) is None
    assert study.choose([TrainScore(10, -1.0)], 10) == 0


def _signal(number: int, outcome_r: float | None, ended_at: int | None = None) -> StudySignal:
    ended = ended_at if ended_at is not None else T0 + number * 60_000
    return StudySignal(
        id=number,
        anchor_type="fvg",
        anchor_timeframe="1h",
        status="stopped" if outcome_r is not None and outcome_r < 0 else "closed",
        outcome_r=outcome_r,
        created_at=T0,
        triggered_at=T0,
        tp1_at=ended if outcome_r is not None and outcome_r > 0 else None,
        stopped_at=ended if outcome_r is not None and outcome_r < 0 else None,
        tp3_at=None,
        closed_at=ended if outcome_r is not None and outcome_r >= 0 else None,
    )


def test_aggregates_pool_the_test_signals_and_measure_the_gap() -> None:
    results = [
        WindowResult(
            "BTC/USDT",
            train_avg_r=1.0,
            test=[_signal(1, 3.0), _signal(2, -1.0)],  # avg 1.0
            baseline=[_signal(1, -1.0)],
        ),
        WindowResult(
            "BTC/USDT",
            train_avg_r=2.0,
            test=[_signal(3, -1.0), _signal(4, -1.0)],  # avg -1.0
            baseline=[_signal(2, 2.0)],
        ),
        WindowResult("ETH/USDT", train_avg_r=None, test=None, baseline=[_signal(5, 9.0)]),
    ]
    made = study.aggregates(results)
    overall = made["overall"]
    assert overall["windows"] == 2 and overall["windows_insufficient_sample"] == 1
    chosen = overall["chosen"]
    assert chosen["resolved"] == 4
    assert chosen["avg_r"] == pytest.approx(0.0)
    assert chosen["win_rate"] == pytest.approx(0.25)
    assert chosen["profit_factor"] == pytest.approx(1.0)
    assert chosen["max_drawdown_r"] == pytest.approx(3.0)  # 3, 2, 1, 0
    assert chosen["windows_positive"] == 1
    # The insufficient window's baseline is left out too.
    baseline = overall["baseline"]
    assert baseline["resolved"] == 2 and baseline["avg_r"] == pytest.approx(0.5)
    assert baseline["windows_positive"] == 1
    # Mean train avg_r 1.5, mean test avg_r 0.0.
    assert overall["overfitting_gap"] == pytest.approx(1.5)
    by_symbol = {entry["symbol"]: entry for entry in made["by_symbol"]}
    assert by_symbol["ETH/USDT"]["windows"] == 0
    assert by_symbol["ETH/USDT"]["overfitting_gap"] is None
    assert by_symbol["ETH/USDT"]["chosen"]["avg_r"] is None
    assert by_symbol["BTC/USDT"]["chosen"] == chosen


def test_the_gap_skips_a_window_whose_test_resolved_nothing() -> None:
    results = [
        WindowResult("BTC/USDT", train_avg_r=1.0, test=[_signal(1, 0.5)], baseline=[]),
        WindowResult("BTC/USDT", train_avg_r=3.0, test=[], baseline=[]),
    ]
    overall = study.aggregate(results)
    assert overall["mean_train_avg_r"] == pytest.approx(1.0)
    assert overall["mean_test_avg_r"] == pytest.approx(0.5)
    assert overall["overfitting_gap"] == pytest.approx(0.5)


def test_the_warning_is_the_specs_text() -> None:
    assert study.WARNING.startswith("Train results overstate performance: among many")
    assert study.WARNING.endswith("and the past does not guarantee the future.")
    assert "fewer than 100 resolved test signals or a few windows are weak evidence" in (
        study.WARNING
    )
