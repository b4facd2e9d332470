"""A signal's life on 1m candles (docs/rules/signals.md "Lifecycle"): pending -> triggered -> tp1 ->
tp2 -> tp3, or stopped / closed / expired / cancelled. Pure: the service feeds it candles.

Each candle's events are decided at once (stop first, then every target it reaches), so the
state only changes at events. A candle seen again after the last event therefore changes
nothing, and a re-run needs no stored position: it starts after the last event."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from cryptolens.core.timeframes import MINUTE_MS
from cryptolens.signals.confluence import LONG

PENDING, TRIGGERED, TP1, TP2, TP3 = "pending", "triggered", "tp1", "tp2", "tp3"
STOPPED, CLOSED, EXPIRED, CANCELLED = "stopped", "closed", "expired", "cancelled"
OPEN_STATUSES = (PENDING, TRIGGERED, TP1, TP2)
FINAL_STATUSES = (STOPPED, TP3, CLOSED, EXPIRED, CANCELLED)
# A triggered signal is closed after this many anchor expiries.
HOLD_EXPIRIES = 3

TimeArray = npt.NDArray[np.int64]
PriceArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class SignalPlan:
    """What is fixed at creation."""

    direction: str
    entry: float
    stop_loss: float
    take_profit_1: float
    take_profit_2: float
    take_profit_3: float
    risk_reward: float
    created_at: int
    anchor_expires_at: int  # a pending signal expires then
    anchor_expiry_ms: int  # expiry(anchor timeframe): a triggered one is held 3 times that
    move_stop_to_entry_after_tp1: bool = True


@dataclass(frozen=True)
class SignalProgress:
    """Status, status times (open times of the deciding candles) and the outcome."""

    status: str = PENDING
    triggered_at: int | None = None
    tp1_at: int | None = None
    tp2_at: int | None = None
    tp3_at: int | None = None
    stopped_at: int | None = None
    closed_at: int | None = None
    expired_at: int | None = None
    cancelled_at: int | None = None
    outcome_r: float | None = None
    exit_price: float | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def last_event_at(self) -> int | None:
        times = [self.triggered_at, self.tp1_at, self.tp2_at]
        known = [t for t in times if t is not None]
        return max(known) if known else None


@dataclass(frozen=True)
class MinuteCandles:
    """1m candles, ascending: open times and prices."""

    time: TimeArray
    high: PriceArray
    low: PriceArray
    close: PriceArray


def advance_signal(
    plan: SignalPlan,
    progress: SignalProgress,
    minutes: MinuteCandles,
    now: int,
    anchor_final_at: int | None = None,
    *,
    seen_before: int | None = None,
) -> SignalProgress:
    """The state after the candles of `minutes` not yet seen, and the time-based endings due
    at `now` (the close of the newest candle). `anchor_final_at` is the open time of the 1m
    candle that filled or invalidated the anchor, if any. `seen_before`: candles opening
    before it were already applied (a cycle passes its previous close, so each candle is
    walked once; without it the walk starts at the last event, with the same result)."""
    if not progress.is_open:
        return progress
    long = plan.direction == LONG
    start = plan.created_at
    if progress.last_event_at is not None:
        start = max(start, progress.last_event_at + 1)
    if seen_before is not None:
        start = max(start, seen_before)
    first = int(np.searchsorted(minutes.time, start, side="left"))
    state = progress
    for index in range(first, len(minutes.time)):
        moment = int(minutes.time[index])
        high, low = float(minutes.high[index]), float(minutes.low[index])
        if state.status == PENDING:
            if moment >= plan.anchor_expires_at:
                break
            if not (low <= plan.entry if long else high >= plan.entry):
                if anchor_final_at == moment:
                    return replace(state, status=CANCELLED, cancelled_at=moment)
                continue
            state = replace(state, status=TRIGGERED, triggered_at=moment)
        elif moment >= _hold_until(plan, state):
            break
        state = _stop_then_targets(plan, state, moment, high, low, long)
        if not state.is_open:
            return state
    return _endings_due(plan, state, minutes, now, long)


def _hold_until(plan: SignalPlan, state: SignalProgress) -> int:
    assert state.triggered_at is not None
    return state.triggered_at + HOLD_EXPIRIES * plan.anchor_expiry_ms


def _stop_then_targets(
    plan: SignalPlan, state: SignalProgress, moment: int, high: float, low: float, long: bool
) -> SignalProgress:
    moved = plan.move_stop_to_entry_after_tp1 and state.tp1_at is not None and state.tp1_at < moment
    stop = plan.entry if moved else plan.stop_loss
    if low <= stop if long else high >= stop:
        return replace(
            state,
            status=STOPPED,
            stopped_at=moment,
            outcome_r=0.0 if moved else -1.0,
            exit_price=stop,
        )
    targets = (
        ("tp1_at", TP1, plan.take_profit_1),
        ("tp2_at", TP2, plan.take_profit_2),
        ("tp3_at", TP3, plan.take_profit_3),
    )
    for field_name, status, level in targets:
        if getattr(state, field_name) is not None:
            continue
        if not (high >= level if long else low <= level):
            break
        state = replace(state, status=status, **{field_name: moment})
        if status == TP3:
            return replace(state, outcome_r=plan.risk_reward, exit_price=level)
    return state


def _endings_due(
    plan: SignalPlan, state: SignalProgress, minutes: MinuteCandles, now: int, long: bool
) -> SignalProgress:
    if state.status == PENDING:
        if now >= plan.anchor_expires_at:
            return replace(state, status=EXPIRED, expired_at=plan.anchor_expires_at)
        return state
    hold_until = _hold_until(plan, state)
    if now < hold_until:
        return state
    # The close of the last 1m candle that ends by the holding limit.
    last = int(np.searchsorted(minutes.time, hold_until - MINUTE_MS, side="right")) - 1
    if last < 0:
        return state  # that candle is not among those given: decided by a later call
    exit_price = float(minutes.close[last])
    risk = abs(plan.entry - plan.stop_loss)
    moved = exit_price - plan.entry if long else plan.entry - exit_price
    return replace(
        state, status=CLOSED, closed_at=hold_until, outcome_r=moved / risk, exit_price=exit_price
    )
