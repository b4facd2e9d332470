"""Entry, stop loss and targets from the anchor (docs/rules/signals.md "Anchor and levels"). Plain
binary64 arithmetic in the order docs/rules/signals.md writes it, so implementations agree to
1e-9."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from cryptolens.signals.confluence import LONG

# How close to a whole number of ticks a price must be to count as on the tick: absorbs the
# binary64 error of price / tick without moving a price that is really between ticks.
_ON_TICK = 1e-9


@dataclass(frozen=True)
class Levels:
    entry: float
    stop_loss: float
    take_profit_1: float
    take_profit_2: float
    take_profit_3: float
    risk: float  # R = |entry - stop_loss|
    buffer: float
    risk_reward: float


def signal_levels(
    *,
    direction: str,
    anchor_type: str,
    zone_low: float,
    zone_high: float,
    atr: float | None,
    tick_size: float | None,
    min_risk_pct: float,
    default_rr: float,
) -> Levels:
    mid = (zone_high + zone_low) / 2
    floor_buffer = mid * min_risk_pct / 100
    buffer = floor_buffer if atr is None or math.isnan(atr) else max(0.5 * atr, floor_buffer)
    long = direction == LONG
    if long:
        entry = mid if anchor_type == "order_block" else zone_high
        stop_loss = zone_low - buffer
    else:
        entry = mid if anchor_type == "order_block" else zone_low
        stop_loss = zone_high + buffer
    if tick_size:
        entry = _to_tick(entry, tick_size, "nearest")
        # The stop goes away from the entry, the targets towards it: never a tighter risk.
        stop_loss = _to_tick(stop_loss, tick_size, "down" if long else "up")
    risk = abs(entry - stop_loss)
    side = 1.0 if long else -1.0
    first, second, third = (entry + side * multiple * risk for multiple in (1.0, 2.0, default_rr))
    if tick_size:
        towards_entry = "down" if long else "up"
        first, second, third = (
            _to_tick(t, tick_size, towards_entry) for t in (first, second, third)
        )
    return Levels(entry, stop_loss, first, second, third, risk, buffer, default_rr)


def _to_tick(price: float, tick: float, way: str) -> float:
    ticks = price / tick
    nearest = round(ticks)
    if way == "nearest" or abs(ticks - nearest) <= _ON_TICK * max(1.0, abs(ticks)):
        count = nearest
    elif way == "down":
        count = math.floor(ticks)
    else:
        count = math.ceil(ticks)
    # Through Decimal so the price is the tick's multiple as written (0.1 * 3 is 0.3, not
    # 0.30000000000000004).
    return float(Decimal(count) * Decimal(repr(tick)))
