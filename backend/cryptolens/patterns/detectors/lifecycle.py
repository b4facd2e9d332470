"""Lifecycle of patterns after confirmation: touched, fill %, filled, invalidated, expired.

Works on any price path (time, high, low): the rest of the input series in `cryptolens detect`,
1m candles in the service. It continues from a given state, so stored patterns can be brought up
to date with the candles that arrived since the last update:

    first = first_candle_from(path, np.maximum(confirmed_at, last_update_open_time + 1))
    state = advance_lifecycles(zones, state, path, first, now_ms)"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cryptolens.patterns.detectors.candles import (
    BoolArray,
    CodeArray,
    FloatArray,
    IntArray,
)
from cryptolens.patterns.detectors.jit import compiled
from cryptolens.patterns.detectors.zones import BULLISH, LIQUIDITY_SWEEP

ACTIVE, FILLED, INVALIDATED, EXPIRED = 0, 1, 2, 3
STATUSES = ("active", "filled", "invalidated", "expired")
NO_TIME = np.iinfo(np.int64).min  # an event not reached (null in the output)
FULL_FILL = 100.0


@dataclass(frozen=True, slots=True)
class Lifecycles:
    """Lifecycle fields of patterns; times in ms, NO_TIME for an event not reached."""

    status: CodeArray
    touched_at: IntArray
    fill_pct: FloatArray
    filled_at: IntArray
    invalidated_at: IntArray
    expired_at: IntArray

    @classmethod
    def fresh(cls, count: int) -> Lifecycles:
        """Just confirmed: active, untouched, nothing filled."""
        return cls(
            np.full(count, ACTIVE, dtype=np.int8),
            np.full(count, NO_TIME, dtype=np.int64),
            np.zeros(count, dtype=np.float64),
            np.full(count, NO_TIME, dtype=np.int64),
            np.full(count, NO_TIME, dtype=np.int64),
            np.full(count, NO_TIME, dtype=np.int64),
        )

    def __len__(self) -> int:
        return len(self.status)

    def take(self, selection: IntArray | BoolArray) -> Lifecycles:
        return Lifecycles(
            self.status[selection],
            self.touched_at[selection],
            self.fill_pct[selection],
            self.filled_at[selection],
            self.invalidated_at[selection],
            self.expired_at[selection],
        )

    def copy(self) -> Lifecycles:
        return Lifecycles(
            self.status.copy(),
            self.touched_at.copy(),
            self.fill_pct.copy(),
            self.filled_at.copy(),
            self.invalidated_at.copy(),
            self.expired_at.copy(),
        )


@dataclass(frozen=True, slots=True)
class TrackedZones:
    """What the lifecycle needs to know of each pattern; `expires_at` = formed_at + expiry."""

    pattern_type: CodeArray
    direction: CodeArray
    zone_low: FloatArray
    zone_high: FloatArray
    expires_at: IntArray


@dataclass(frozen=True, slots=True)
class PricePath:
    """Candles after the patterns' confirmation, ascending by open time."""

    time: IntArray
    high: FloatArray
    low: FloatArray


def first_candle_from(path: PricePath, instants: IntArray) -> IntArray:
    """Index of the first path candle opening at or after each instant (len(path) if none)."""
    return np.searchsorted(path.time, instants, side="left").astype(np.int64)


def advance_lifecycles(
    zones: TrackedZones,
    state: Lifecycles,
    path: PricePath,
    first_candle: IntArray,
    now_ms: int,
) -> Lifecycles:
    """Walk each still-active pattern along path[first_candle[p]:] and return the new state.

    Candles are taken in order; the first final event (filled, invalidated, expired) freezes
    the pattern. Candles opening at or after the expiry instant are not evaluated, and a pattern
    still active then, or at `now_ms`, expires at that instant. The input state is not changed."""
    updated = state.copy()
    _advance(
        zones.pattern_type,
        zones.direction,
        zones.zone_low,
        zones.zone_high,
        zones.expires_at,
        np.ascontiguousarray(first_candle, dtype=np.int64),
        path.time,
        path.high,
        path.low,
        np.int64(now_ms),
        updated.status,
        updated.touched_at,
        updated.fill_pct,
        updated.filled_at,
        updated.invalidated_at,
        updated.expired_at,
    )
    return updated


@compiled
def _advance(
    pattern_type: CodeArray,
    direction: CodeArray,
    zone_low: FloatArray,
    zone_high: FloatArray,
    expires_at: IntArray,
    first_candle: IntArray,
    time: IntArray,
    high: FloatArray,
    low: FloatArray,
    now_ms: np.int64,
    status: CodeArray,
    touched_at: IntArray,
    fill_pct: FloatArray,
    filled_at: IntArray,
    invalidated_at: IntArray,
    expired_at: IntArray,
) -> None:
    candle_count = len(time)
    for pattern in range(len(status)):
        if status[pattern] != ACTIVE:
            continue
        # Bearish patterns are followed as bullish ones on negated prices (sign -1): negation
        # is exact in binary64, so every line and fill ratio is bit for bit the one written
        # for bearish patterns. In this view the adverse side is down.
        if direction[pattern] == BULLISH:
            sign, adverse, favourable = 1.0, low, high
            near_edge, far_edge = zone_high[pattern], zone_low[pattern]
        else:
            sign, adverse, favourable = -1.0, high, low
            near_edge, far_edge = -zone_low[pattern], -zone_high[pattern]
        expiry = expires_at[pattern]
        final_event = ACTIVE
        event_time = NO_TIME
        reached_expiry = False

        if pattern_type[pattern] == LIQUIDITY_SWEEP:
            size = near_edge - far_edge
            invalidation_line = far_edge - size
            target_line = near_edge + 2.0 * size
            for candle in range(first_candle[pattern], candle_count):
                if time[candle] >= expiry:
                    reached_expiry = True
                    break
                # Adverse first: a candle crossing both lines invalidates.
                if sign * adverse[candle] < invalidation_line:
                    final_event, event_time = INVALIDATED, time[candle]
                    break
                if sign * favourable[candle] > target_line:
                    final_event, event_time = FILLED, time[candle]
                    break
            if final_event == FILLED:
                fill_pct[pattern] = FULL_FILL
        else:
            deepest = np.inf
            for candle in range(first_candle[pattern], candle_count):
                if time[candle] >= expiry:
                    reached_expiry = True
                    break
                price = sign * adverse[candle]
                deepest = min(deepest, price)
                if touched_at[pattern] == NO_TIME and price <= near_edge:
                    touched_at[pattern] = time[candle]
                if price <= far_edge:
                    final_event, event_time = FILLED, time[candle]
                    break
            if deepest < np.inf:
                filled_share = (near_edge - deepest) / (near_edge - far_edge) * 100.0
                filled_share = min(max(filled_share, 0.0), FULL_FILL)
                # The fill of the deepest price so far is the larger of the two fills.
                fill_pct[pattern] = max(fill_pct[pattern], filled_share)

        if final_event == FILLED:
            status[pattern] = FILLED
            filled_at[pattern] = event_time
        elif final_event == INVALIDATED:
            status[pattern] = INVALIDATED
            invalidated_at[pattern] = event_time
        elif reached_expiry or now_ms >= expiry:
            status[pattern] = EXPIRED
            expired_at[pattern] = expiry
