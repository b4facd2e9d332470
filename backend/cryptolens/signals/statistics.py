"""Setup statistics (docs/rules/signals.md "Setup statistics"): per setup and window, how its
signals fared. Pure: computed from the signals' times and outcomes, each event counted only once it
is known (its candle opened before `now`), so the statistics frozen into a new signal are those
known at its creation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from cryptolens.core.timeframes import DAY_MS


@dataclass(frozen=True)
class SignalRecord:
    """What the statistics need of one signal."""

    created_at: int
    triggered_at: int | None
    tp1_at: int | None
    ended_at: int | None  # stopped, tp3 or closed: when the outcome became final
    outcome_r: float | None


@dataclass(frozen=True)
class SetupStats:
    window_days: int
    count: int
    triggered: int
    wins: int
    decided: int
    win_rate: float | None
    resolved: int
    avg_r: float | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _known(moment: int | None, now: int) -> bool:
    return moment is not None and moment < now


def setup_stats(records: Iterable[SignalRecord], now: int, window_days: int) -> SetupStats:
    """Signals created in (now - window, now]; events known at `now`."""
    start = now - window_days * DAY_MS
    count = triggered = wins = decided = resolved = 0
    total_r = 0.0
    for record in sorted(records, key=lambda r: r.created_at):
        if not start < record.created_at <= now:
            continue
        count += 1
        won = _known(record.tp1_at, now)
        ended = _known(record.ended_at, now) and record.outcome_r is not None
        if _known(record.triggered_at, now):
            triggered += 1
            wins += won
            decided += won or ended
        if ended:
            assert record.outcome_r is not None
            resolved += 1
            total_r += record.outcome_r
    return SetupStats(
        window_days=window_days,
        count=count,
        triggered=triggered,
        wins=wins,
        decided=decided,
        win_rate=wins / decided if decided else None,
        resolved=resolved,
        avg_r=total_r / resolved if resolved else None,
    )


def stats_for_windows(
    records: Sequence[SignalRecord], now: int, windows_days: Sequence[int]
) -> list[SetupStats]:
    return [setup_stats(records, now, days) for days in windows_days]


# The sparkline of a setup: bounded so a busy setup's line stays small on the wire.
CUMULATIVE_R_POINTS = 100


def cumulative_r(
    records: Iterable[SignalRecord], now: int, window_days: int, limit: int = CUMULATIVE_R_POINTS
) -> list[tuple[int, float]]:
    """(time the outcome became known, running sum of outcome_r) over the last `limit` signals
    resolved by `now` among those created in (now - window, now], oldest first."""
    start = now - window_days * DAY_MS
    resolved = sorted(
        (record.ended_at, record.outcome_r)
        for record in records
        if start < record.created_at <= now
        and record.outcome_r is not None
        and record.ended_at is not None
        and _known(record.ended_at, now)
    )[-limit:]
    points: list[tuple[int, float]] = []
    total = 0.0
    for ended_at, outcome_r in resolved:
        total += outcome_r
        points.append((ended_at, total))
    return points
