"""The figures of a replay's result signals (docs/rules/backtest.md "Results"). Pure: computed
from the signals' statuses, times and outcomes, with the definitions of the setup statistics
(docs/rules/signals.md "Setup statistics"). A replay reads nothing after its end, so every
event on a result signal is known: no `now` cut-off as in signals/statistics.py."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from cryptolens.core.timeframes import timeframe_ms

# The statuses of a signal still open at the end of the replayed range (signals/lifecycle.py).
OPEN_STATUSES = frozenset({"pending", "triggered", "tp1", "tp2"})


class ResultSignal(Protocol):
    """What the figures need of one result signal (a Signal row or a stored backtest signal)."""

    @property
    def id(self) -> int: ...
    @property
    def anchor_type(self) -> str: ...
    @property
    def anchor_timeframe(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def outcome_r(self) -> float | None: ...
    @property
    def created_at(self) -> int: ...
    @property
    def triggered_at(self) -> int | None: ...
    @property
    def tp1_at(self) -> int | None: ...
    @property
    def stopped_at(self) -> int | None: ...
    @property
    def tp3_at(self) -> int | None: ...
    @property
    def closed_at(self) -> int | None: ...


@dataclass(frozen=True)
class Figures:
    count: int
    triggered: int
    wins: int
    decided: int
    win_rate: float | None
    resolved: int
    avg_r: float | None
    sum_r: float
    profit_factor: float | None
    max_drawdown_r: float
    open: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class EquityPoint:
    time: int  # ms: the start of the range, then each resolved signal's final status time
    cumulative_r: float
    signal_id: int | None  # None for the starting point


def ended_at(signal: ResultSignal) -> int | None:
    """When the outcome became final: stopped, tp3 or closed (signals/repository.py record_of)."""
    for moment in (signal.stopped_at, signal.tp3_at, signal.closed_at):
        if moment is not None:
            return moment
    return None


def is_resolved(signal: ResultSignal) -> bool:
    """Ended (stopped, tp3 or closed) with an outcome_r."""
    return ended_at(signal) is not None and signal.outcome_r is not None


def _resolved_in_order(signals: Iterable[ResultSignal]) -> list[tuple[int, int, float]]:
    """(final status time, id, outcome_r) of the resolved signals, by time then id."""
    rows = []
    for signal in signals:
        moment = ended_at(signal)
        if moment is not None and signal.outcome_r is not None:
            rows.append((moment, signal.id, signal.outcome_r))
    rows.sort(key=lambda row: (row[0], row[1]))
    return rows


def equity_curve(signals: Iterable[ResultSignal], start: int) -> list[EquityPoint]:
    """From (start, 0), one point per resolved signal at its final status time (ties by id):
    the running sum of outcome_r and the signal's id."""
    points = [EquityPoint(time=start, cumulative_r=0.0, signal_id=None)]
    total = 0.0
    for moment, signal_id, outcome_r in _resolved_in_order(signals):
        total += outcome_r
        points.append(EquityPoint(time=moment, cumulative_r=total, signal_id=signal_id))
    return points


def max_drawdown(points: Sequence[EquityPoint]) -> float:
    """The largest fall from a running peak (from 0) to a later point; 0 when it never falls."""
    peak = 0.0
    worst = 0.0
    for point in points:
        peak = max(peak, point.cumulative_r)
        worst = max(worst, peak - point.cumulative_r)
    return worst


def summarize(signals: Iterable[ResultSignal]) -> Figures:
    """count, triggered, wins (triggered that reached TP1), decided (triggered that reached TP1
    or ended), win_rate = wins / decided, resolved, avg_r (mean outcome_r of the resolved),
    sum_r, profit_factor = gains / |losses|, max_drawdown_r and open; None where a denominator
    is 0."""
    items = list(signals)
    count = triggered = wins = decided = resolved = still_open = 0
    total_r = gains = losses = 0.0
    for signal in items:
        count += 1
        still_open += signal.status in OPEN_STATUSES
        won = signal.tp1_at is not None
        ended = is_resolved(signal)
        if signal.triggered_at is not None:
            triggered += 1
            wins += won
            decided += won or ended
        if ended:
            assert signal.outcome_r is not None
            resolved += 1
            total_r += signal.outcome_r
            if signal.outcome_r > 0:
                gains += signal.outcome_r
            elif signal.outcome_r < 0:
                losses += signal.outcome_r
    return Figures(
        count=count,
        triggered=triggered,
        wins=wins,
        decided=decided,
        win_rate=wins / decided if decided else None,
        resolved=resolved,
        avg_r=total_r / resolved if resolved else None,
        sum_r=total_r,
        profit_factor=gains / -losses if losses else None,
        max_drawdown_r=max_drawdown(equity_curve(items, 0)),
        open=still_open,
    )


def by_setup(signals: Iterable[ResultSignal]) -> list[tuple[str, str, Figures]]:
    """The figures per setup (anchor type, anchor timeframe), by type then shortest timeframe."""
    groups: dict[tuple[str, str], list[ResultSignal]] = {}
    for signal in signals:
        groups.setdefault((signal.anchor_type, signal.anchor_timeframe), []).append(signal)
    return [
        (anchor_type, anchor_timeframe, summarize(groups[(anchor_type, anchor_timeframe)]))
        for anchor_type, anchor_timeframe in sorted(
            groups, key=lambda setup: (setup[0], timeframe_ms(setup[1]))
        )
    ]
