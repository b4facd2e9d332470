"""A plain-loop reading of spec/patterns.md, one rule at a time, for checking the vectorised
detectors (property tests) and measuring them (bench). Deliberately independent of
cryptolens.patterns: it shares no code with it, only the spec."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

MINUTE = 60_000
HOUR = 60 * MINUTE
DAY = 24 * HOUR
TIMEFRAME_MS = {
    "1m": MINUTE,
    "5m": 5 * MINUTE,
    "15m": 15 * MINUTE,
    "30m": 30 * MINUTE,
    "1h": HOUR,
    "2h": 2 * HOUR,
    "4h": 4 * HOUR,
    "1d": DAY,
}
EXPIRY_MS = {
    "1m": 4 * HOUR,
    "5m": 12 * HOUR,
    "15m": DAY,
    "1h": 3 * DAY,
    "4h": 7 * DAY,
    "1d": 14 * DAY,
}
OVERLAP_THRESHOLD = {"1m": 0.50, "5m": 0.55, "15m": 0.60, "1h": 0.70, "4h": 0.80, "1d": 0.85}
TYPE_ORDER = {"fvg": 0, "order_block": 1, "liquidity_sweep": 2}
DIRECTION_ORDER = {"bullish": 0, "bearish": 1}


@dataclass
class Candidate:
    type: str
    direction: str
    k: int  # the completing candle
    d: int  # the displacement candle
    zone_low: float
    zone_high: float
    strength: float = 0.0
    lifecycle: dict[str, object] = field(default_factory=dict)
    final_event_index: int | None = None  # candle of the filled/invalidated event


def mean(values: Sequence[float], first: int, last: int) -> float:
    """Left-to-right sum of values[first..last] (both included), divided once."""
    total = values[first]
    for index in range(first + 1, last + 1):
        total = total + values[index]
    return total / (last - first + 1)


def candidates(
    time: Sequence[int],
    open_: Sequence[float],
    high: Sequence[float],
    low: Sequence[float],
    close: Sequence[float],
    volume: Sequence[float],
    timeframe: str,
    min_zone_pct: float = 0.15,
    ob_impulse_multiplier: float = 1.5,
    now_ms: int | None = None,
) -> list[Candidate]:
    """Every pattern the three detectors find, in output order, with strength and lifecycle,
    before overlap suppression."""
    n = len(time)
    tf_ms = TIMEFRAME_MS[timeframe]
    expiry = EXPIRY_MS.get(timeframe, 3 * DAY)
    if now_ms is None and n:
        now_ms = time[n - 1] + tf_ms

    body = [abs(close[i] - open_[i]) for i in range(n)]
    true_range = []
    for i in range(n):
        if i == 0:
            true_range.append(high[0] - low[0])
        else:
            true_range.append(
                max(high[i] - low[i], abs(high[i] - close[i - 1]), abs(low[i] - close[i - 1]))
            )
    atr = [mean(true_range, i - 13, i) if i >= 13 else None for i in range(n)]
    avg_body = [mean(body, i - 20, i - 1) if i >= 20 else None for i in range(n)]
    avg_vol = [mean(volume, i - 20, i - 1) if i >= 20 else None for i in range(n)]

    def zone_pct(zone_low: float, zone_high: float) -> float:
        return (zone_high - zone_low) / zone_low * 100

    def zone_ok(zone_low: float, zone_high: float) -> bool:
        if not (zone_low > 0 and zone_high > zone_low):
            return False
        return zone_pct(zone_low, zone_high) >= min_zone_pct

    found: list[Candidate] = []

    # Fair value gaps, completed at i.
    for i in range(2, n):
        if high[i - 2] < low[i] and zone_ok(high[i - 2], low[i]):
            found.append(Candidate("fvg", "bullish", i, i - 1, high[i - 2], low[i]))
        if low[i - 2] > high[i] and zone_ok(high[i], low[i - 2]):
            found.append(Candidate("fvg", "bearish", i, i - 1, high[i], low[i - 2]))

    # Order blocks, completed at the impulse candle i.
    for i in range(20, n):
        average = avg_body[i]
        assert average is not None
        if not (body[i] > ob_impulse_multiplier * average and average > 0):
            continue
        if close[i] > open_[i]:
            if not close[i] > max(high[i - 10 : i]):
                continue
            direction = "bullish"
        elif close[i] < open_[i]:
            if not close[i] < min(low[i - 10 : i]):
                continue
            direction = "bearish"
        else:
            continue
        for j in (i - 1, i - 2, i - 3):
            # A bullish OB's block is a bearish candle and the other way round; dojis never.
            opposite = close[j] < open_[j] if direction == "bullish" else close[j] > open_[j]
            body_low, body_high = min(open_[j], close[j]), max(open_[j], close[j])
            if opposite and zone_ok(body_low, body_high):
                found.append(Candidate("order_block", direction, i, i, body_low, body_high))
                break

    # Liquidity sweeps: find which candle takes each swing level, then one sweep per candle.
    lowest_swept: dict[int, float] = {}
    highest_swept: dict[int, float] = {}
    for s in range(3, n - 3):
        if low[s] <= min(low[s - 3 : s + 4]):
            level = low[s]
            for j in range(s + 4, min(s + 50, n - 1) + 1):
                if low[j] < level:
                    if close[j] > level:
                        lowest_swept[j] = min(lowest_swept.get(j, level), level)
                    break
        if high[s] >= max(high[s - 3 : s + 4]):
            level = high[s]
            for j in range(s + 4, min(s + 50, n - 1) + 1):
                if high[j] > level:
                    if close[j] < level:
                        highest_swept[j] = max(highest_swept.get(j, level), level)
                    break
    for j, level in lowest_swept.items():
        if zone_ok(low[j], level):
            found.append(Candidate("liquidity_sweep", "bullish", j, j, low[j], level))
    for j, level in highest_swept.items():
        if zone_ok(level, high[j]):
            found.append(Candidate("liquidity_sweep", "bearish", j, j, level, high[j]))

    found.sort(key=lambda c: (c.k, TYPE_ORDER[c.type], DIRECTION_ORDER[c.direction]))

    # Strength.
    for c in found:
        average_range = atr[c.k]
        if average_range is None or average_range == 0:
            size = zone_pct(c.zone_low, c.zone_high) / 1.0
        else:
            size = (c.zone_high - c.zone_low) / average_range
        if c.type == "liquidity_sweep":
            j = c.k
            if high[j] == low[j]:
                impulse = 0.0
            elif c.direction == "bullish":
                impulse = (close[j] - low[j]) / (high[j] - low[j])
            else:
                impulse = (high[j] - close[j]) / (high[j] - low[j])
        else:
            average = avg_body[c.d]
            impulse = 0.5 if not average else body[c.d] / (2 * average)
        average = avg_vol[c.d]
        vol = 0.5 if not average else volume[c.d] / (2 * average)
        size, impulse, vol = (min(max(x, 0.0), 1.0) for x in (size, impulse, vol))
        c.strength = round((0.4 * size + 0.4 * impulse) + 0.2 * vol, 4)

    # Lifecycle of every candidate (it depends only on the prices after it).
    for c in found:
        run_lifecycle(c, time, high, low, time[c.k] + expiry, now_ms)

    return found


def detect(
    time: Sequence[int],
    open_: Sequence[float],
    high: Sequence[float],
    low: Sequence[float],
    close: Sequence[float],
    volume: Sequence[float],
    timeframe: str,
    min_zone_pct: float = 0.15,
    ob_impulse_multiplier: float = 1.5,
    now_ms: int | None = None,
) -> list[dict[str, object]]:
    """Every pattern of the series in output order, as `cryptolens detect` writes them."""
    tf_ms = TIMEFRAME_MS[timeframe]
    expiry = EXPIRY_MS.get(timeframe, 3 * DAY)
    threshold = OVERLAP_THRESHOLD.get(timeframe, 0.70)
    found = candidates(
        time,
        open_,
        high,
        low,
        close,
        volume,
        timeframe,
        min_zone_pct,
        ob_impulse_multiplier,
        now_ms,
    )

    # Overlap suppression, in output order.
    kept: list[Candidate] = []
    for c in found:
        candle_close = time[c.k] + tf_ms
        suppressed = False
        for p in reversed(kept):
            if time[p.k] + expiry <= candle_close:
                break  # this one and every earlier kept pattern are expired by now
            if p.type != c.type or p.direction != c.direction or not time[p.k] < time[c.k]:
                continue
            if p.final_event_index is not None and p.final_event_index <= c.k:
                continue
            shared = max(0.0, min(p.zone_high, c.zone_high) - max(p.zone_low, c.zone_low))
            narrower = min(p.zone_high - p.zone_low, c.zone_high - c.zone_low)
            if shared / narrower >= threshold:
                suppressed = True
                break
        if not suppressed:
            kept.append(c)

    return [as_row(c, time, tf_ms) for c in kept]


def as_row(c: Candidate, time: Sequence[int], tf_ms: int) -> dict[str, object]:
    return {
        "type": c.type,
        "direction": c.direction,
        "formed_at": time[c.k],
        "confirmed_at": time[c.k] + tf_ms,
        "zone_low": c.zone_low,
        "zone_high": c.zone_high,
        "strength": c.strength,
        **c.lifecycle,
    }


def run_lifecycle(
    c: Candidate,
    time: Sequence[int],
    high: Sequence[float],
    low: Sequence[float],
    expires_at: int,
    now_ms: int | None,
) -> None:
    """Walk the candles after c.k; adverse event first within a candle."""
    status = "active"
    touched_at = filled_at = invalidated_at = expired_at = None
    fill_pct = 0.0
    lowest = highest = None
    size = c.zone_high - c.zone_low
    reached_expiry = False
    for m in range(c.k + 1, len(time)):
        if time[m] >= expires_at:
            reached_expiry = True  # this candle and later ones are not evaluated
            break
        if c.type == "liquidity_sweep":
            if c.direction == "bullish":
                adverse = low[m] < c.zone_low - size
                target = high[m] > c.zone_high + 2 * size
            else:
                adverse = high[m] > c.zone_high + size
                target = low[m] < c.zone_low - 2 * size
            if adverse:
                status, invalidated_at = "invalidated", time[m]
            elif target:
                status, filled_at, fill_pct = "filled", time[m], 100.0
        elif c.direction == "bullish":
            lowest = low[m] if lowest is None else min(lowest, low[m])
            fill_pct = min(max((c.zone_high - lowest) / size * 100, 0.0), 100.0)
            if touched_at is None and low[m] <= c.zone_high:
                touched_at = time[m]
            if low[m] <= c.zone_low:
                status, filled_at = "filled", time[m]
        else:
            highest = high[m] if highest is None else max(highest, high[m])
            fill_pct = min(max((highest - c.zone_low) / size * 100, 0.0), 100.0)
            if touched_at is None and high[m] >= c.zone_low:
                touched_at = time[m]
            if high[m] >= c.zone_high:
                status, filled_at = "filled", time[m]
        if status != "active":
            c.final_event_index = m
            break
    if status == "active" and (reached_expiry or (now_ms is not None and now_ms >= expires_at)):
        status, expired_at = "expired", expires_at
    c.lifecycle = {
        "status": status,
        "touched_at": touched_at,
        "fill_pct": fill_pct,
        "filled_at": filled_at,
        "invalidated_at": invalidated_at,
        "expired_at": expired_at,
    }
