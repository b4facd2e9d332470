"""The figures of a backtest's result signals (docs/rules/backtest.md "Results")."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from cryptolens.backtests.results import (
    EquityPoint,
    by_setup,
    equity_curve,
    max_drawdown,
    summarize,
)

START = 1_000_000


@dataclass
class Row:
    id: int
    status: str
    outcome_r: float | None = None
    created_at: int = START
    triggered_at: int | None = None
    tp1_at: int | None = None
    stopped_at: int | None = None
    tp3_at: int | None = None
    closed_at: int | None = None
    anchor_type: str = "fvg"
    anchor_timeframe: str = "15m"


def stopped(signal_id: int, at: int, outcome_r: float = -1.0, tp1: bool = False) -> Row:
    return Row(
        signal_id,
        "stopped",
        outcome_r,
        triggered_at=START + 1,
        tp1_at=START + 2 if tp1 else None,
        stopped_at=at,
    )


def won(signal_id: int, at: int, outcome_r: float = 3.0) -> Row:
    return Row(signal_id, "tp3", outcome_r, triggered_at=START + 1, tp1_at=START + 2, tp3_at=at)


def spec_example() -> list[Row]:
    """+3, -1, -1, 0, -1, +3 (the 0 a stop moved to entry after TP1)."""
    return [
        won(1, START + 10),
        stopped(2, START + 20),
        stopped(3, START + 30),
        stopped(4, START + 40, outcome_r=0.0, tp1=True),
        stopped(5, START + 50),
        won(6, START + 60),
    ]


def test_the_spec_example_curve_and_drawdown() -> None:
    curve = equity_curve(spec_example(), START)
    assert [p.cumulative_r for p in curve] == [0, 3, 2, 1, 1, 0, 3]
    assert curve[0] == EquityPoint(START, 0.0, None)
    assert [p.signal_id for p in curve[1:]] == [1, 2, 3, 4, 5, 6]
    assert max_drawdown(curve) == 3


def test_the_spec_example_figures() -> None:
    figures = summarize(spec_example())
    assert figures.count == 6
    assert figures.triggered == 6
    assert figures.wins == 3  # the two tp3 and the one stopped at entry after TP1
    assert figures.decided == 6
    assert figures.win_rate == pytest.approx(0.5)
    assert figures.resolved == 6
    assert figures.sum_r == pytest.approx(3.0)
    assert figures.avg_r == pytest.approx(0.5)
    assert figures.profit_factor == pytest.approx(6 / 3)
    assert figures.max_drawdown_r == pytest.approx(3.0)
    assert figures.open == 0


def test_open_pending_and_expired_signals() -> None:
    rows = [
        Row(1, "pending"),
        Row(2, "expired"),
        Row(3, "triggered", triggered_at=START + 5),
        Row(4, "tp1", triggered_at=START + 5, tp1_at=START + 6),
        Row(5, "closed", 0.4, triggered_at=START + 5, closed_at=START + 90),
    ]
    figures = summarize(rows)
    assert figures.count == 5
    assert figures.open == 3
    assert figures.triggered == 3
    assert figures.wins == 1
    assert figures.decided == 2  # the tp1 one and the closed one
    assert figures.win_rate == pytest.approx(0.5)
    assert figures.resolved == 1
    assert figures.avg_r == pytest.approx(0.4)
    assert figures.profit_factor is None  # no loss: a zero denominator
    assert figures.max_drawdown_r == 0


def test_no_signals_gives_nulls_where_a_denominator_is_zero() -> None:
    figures = summarize([])
    assert figures.as_dict() == {
        "count": 0,
        "triggered": 0,
        "wins": 0,
        "decided": 0,
        "win_rate": None,
        "resolved": 0,
        "avg_r": None,
        "sum_r": 0.0,
        "profit_factor": None,
        "max_drawdown_r": 0.0,
        "open": 0,
    }
    assert equity_curve([], START) == [EquityPoint(START, 0.0, None)]


def test_the_curve_is_ordered_by_final_time_then_id_not_creation() -> None:
    rows = [
        stopped(9, START + 50, outcome_r=-1.0),
        won(7, START + 50, outcome_r=2.0),
        won(3, START + 80, outcome_r=1.5),
        Row(4, "closed", -0.5, triggered_at=START + 1, closed_at=START + 20),
    ]
    curve = equity_curve(rows, START)
    assert [(p.time, p.signal_id) for p in curve] == [
        (START, None),
        (START + 20, 4),
        (START + 50, 7),
        (START + 50, 9),
        (START + 80, 3),
    ]
    assert [p.cumulative_r for p in curve] == pytest.approx([0, -0.5, 1.5, 0.5, 2.0])
    # The fall from the start (0 to -0.5) is smaller than from the later peak (1.5 to 0.5).
    assert max_drawdown(curve) == pytest.approx(1.0)


def test_a_fall_below_zero_from_the_start_counts() -> None:
    rows = [stopped(1, START + 10), stopped(2, START + 20), won(3, START + 30, outcome_r=5.0)]
    assert summarize(rows).max_drawdown_r == pytest.approx(2.0)


def test_by_setup_groups_by_anchor_type_and_timeframe() -> None:
    rows = [
        won(1, START + 10),
        stopped(2, START + 20),
        Row(3, "pending", anchor_timeframe="1h"),
        Row(4, "tp3", 2.0, triggered_at=START, tp1_at=START, tp3_at=START + 5, anchor_type="ob"),
    ]
    groups = by_setup(rows)
    assert [(kind, tf) for kind, tf, _ in groups] == [("fvg", "15m"), ("fvg", "1h"), ("ob", "15m")]
    fvg_15m = groups[0][2]
    assert (fvg_15m.count, fvg_15m.resolved, fvg_15m.sum_r) == (2, 2, pytest.approx(2.0))
    assert fvg_15m.profit_factor == pytest.approx(3.0)
    assert groups[1][2].open == 1 and groups[1][2].avg_r is None
    assert groups[2][2].wins == 1 and groups[2][2].win_rate == 1.0
