"""A plain-loop reading of docs/rules/patterns.md, one rule at a time, for checking the vectorised
detectors (property tests) and measuring them (bench). Deliberately independent of
cryptolens.patterns: it shares no code with it, only the rules."""

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


@dataclass(frozen=True)
class Series:
    """The candles and the averages the rules read, computed once."""

    time: Sequence[int]
    open_: Sequence[float]
    high: Sequence[float]
    low: Sequence[float]
    close: Sequence[float]
    volume: Sequence[float]
    min_zone_pct: float
    body: list[float]
    atr: list[float | None]
    avg_body: list[float | None]
    avg_vol: list[float | None]

    @classmethod
    def of(
        cls,
        time: Sequence[int],
        open_: Sequence[float],
        high: Sequence[float],
        low: Sequence[float],
        close: Sequence[float],
        volume: Sequence[float],
        min_zone_pct: float,
    ) -> Series:
        n = len(time)
        body = [abs(close[i] - open_[i]) for i in range(n)]
        true_range = []
        for i in range(n):
            if i == 0:
                true_range.append(high[0] - low[0])
            else:
                true_range.append(
                    max(high[i] - low[i], abs(high[i] - close[i - 1]), abs(low[i] - close[i - 1]))
                )
        return cls(
            time,
            open_,
            high,
            low,
            close,
            volume,
            min_zone_pct,
            body,
            atr=[mean(true_range, i - 13, i) if i >= 13 else None for i in range(n)],
            avg_body=[mean(body, i - 20, i - 1) if i >= 20 else None for i in range(n)],
            avg_vol=[mean(volume, i - 20, i - 1) if i >= 20 else None for i in range(n)],
        )

    def zone_ok(self, zone_low: float, zone_high: float) -> bool:
        if not (zone_low > 0 and zone_high > zone_low):
            return False
        return zone_pct(zone_low, zone_high) >= self.min_zone_pct


def zone_pct(zone_low: float, zone_high: float) -> float:
    return (zone_high - zone_low) / zone_low * 100


def fair_value_gaps(s: Series) -> list[Candidate]:
    """Fair value gaps, completed at i."""
    found = []
    for i in range(2, len(s.time)):
        if s.high[i - 2] < s.low[i] and s.zone_ok(s.high[i - 2], s.low[i]):
            found.append(Candidate("fvg", "bullish", i, i - 1, s.high[i - 2], s.low[i]))
        if s.low[i - 2] > s.high[i] and s.zone_ok(s.high[i], s.low[i - 2]):
            found.append(Candidate("fvg", "bearish", i, i - 1, s.high[i], s.low[i - 2]))
    return found


def impulse_direction(s: Series, i: int, ob_impulse_multiplier: float) -> str | None:
    """The direction of an order block's impulse candle i, or None when i is no impulse."""
    average = s.avg_body[i]
    assert average is not None
    if not (s.body[i] > ob_impulse_multiplier * average and average > 0):
        return None
    if s.close[i] > s.open_[i]:
        return "bullish" if s.close[i] > max(s.high[i - 10 : i]) else None
    if s.close[i] < s.open_[i]:
        return "bearish" if s.close[i] < min(s.low[i - 10 : i]) else None
    return None


def order_blocks(s: Series, ob_impulse_multiplier: float) -> list[Candidate]:
    """Order blocks, completed at the impulse candle i."""
    found = []
    for i in range(20, len(s.time)):
        direction = impulse_direction(s, i, ob_impulse_multiplier)
        if direction is None:
            continue
        for j in (i - 1, i - 2, i - 3):
            # A bullish OB's block is a bearish candle and the other way round; dojis never.
            bullish_ob = direction == "bullish"
            opposite = s.close[j] < s.open_[j] if bullish_ob else s.close[j] > s.open_[j]
            body_low, body_high = min(s.open_[j], s.close[j]), max(s.open_[j], s.close[j])
            if opposite and s.zone_ok(body_low, body_high):
                found.append(Candidate("order_block", direction, i, i, body_low, body_high))
                break
    return found


def swept_levels(s: Series, side: str) -> dict[int, float]:
    """For each sweeping candle, the outermost swing level it took (lows: lowest; highs:
    highest). The first candle within s+4..s+50 that breaks a level decides it."""
    n = len(s.time)
    lows = side == "low"
    prices = s.low if lows else s.high
    swept: dict[int, float] = {}
    for k in range(3, n - 3):
        window = prices[k - 3 : k + 4]
        if not (prices[k] <= min(window) if lows else prices[k] >= max(window)):
            continue
        level = prices[k]
        for j in range(k + 4, min(k + 50, n - 1) + 1):
            if (prices[j] < level) if lows else (prices[j] > level):
                if (s.close[j] > level) if lows else (s.close[j] < level):
                    keep = min if lows else max
                    swept[j] = keep(swept.get(j, level), level)
                break
    return swept


def liquidity_sweeps(s: Series) -> list[Candidate]:
    """Find which candle takes each swing level, then one sweep per candle and side."""
    found = []
    for j, level in swept_levels(s, "low").items():
        if s.zone_ok(s.low[j], level):
            found.append(Candidate("liquidity_sweep", "bullish", j, j, s.low[j], level))
    for j, level in swept_levels(s, "high").items():
        if s.zone_ok(level, s.high[j]):
            found.append(Candidate("liquidity_sweep", "bearish", j, j, level, s.high[j]))
    return found


def strength(s: Series, c: Candidate) -> float:
    average_range = s.atr[c.k]
    if average_range is None or average_range == 0:
        size = zone_pct(c.zone_low, c.zone_high) / 1.0
    else:
        size = (c.zone_high - c.zone_low) / average_range
    if c.type == "liquidity_sweep":
        j = c.k
        if s.high[j] == s.low[j]:
            impulse = 0.0
        elif c.direction == "bullish":
            impulse = (s.close[j] - s.low[j]) / (s.high[j] - s.low[j])
        else:
            impulse = (s.high[j] - s.close[j]) / (s.high[j] - s.low[j])
    else:
        average = s.avg_body[c.d]
        impulse = 0.5 if not average else s.body[c.d] / (2 * average)
    average = s.avg_vol[c.d]
    vol = 0.5 if not average else s.volume[c.d] / (2 * average)
    size, impulse, vol = (min(max(x, 0.0), 1.0) for x in (size, impulse, vol))
    return round((0.4 * size + 0.4 * impulse) + 0.2 * vol, 4)


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
    series = Series.of(time, open_, high, low, close, volume, min_zone_pct)
    found = (
        fair_value_gaps(series)
        + order_blocks(series, ob_impulse_multiplier)
        + liquidity_sweeps(series)
    )
    found.sort(key=lambda c: (c.k, TYPE_ORDER[c.type], DIRECTION_ORDER[c.direction]))
    for c in found:
        c.strength = strength(series, c)
        # The lifecycle depends only on the prices after the pattern.
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


@dataclass
class LifecycleWalk:
    """The state of one pattern while the candles after it are walked."""

    status: str = "active"
    touched_at: int | None = None
    filled_at: int | None = None
    invalidated_at: int | None = None
    fill_pct: float = 0.0
    extreme: float | None = None  # lowest low (bullish) or highest high (bearish) so far


def sweep_step(c: Candidate, walk: LifecycleWalk, at: int, high: float, low: float) -> None:
    size = c.zone_high - c.zone_low
    if c.direction == "bullish":
        adverse = low < c.zone_low - size
        target = high > c.zone_high + 2 * size
    else:
        adverse = high > c.zone_high + size
        target = low < c.zone_low - 2 * size
    if adverse:
        walk.status, walk.invalidated_at = "invalidated", at
    elif target:
        walk.status, walk.filled_at, walk.fill_pct = "filled", at, 100.0


def zone_step(c: Candidate, walk: LifecycleWalk, at: int, high: float, low: float) -> None:
    size = c.zone_high - c.zone_low
    if c.direction == "bullish":
        walk.extreme = low if walk.extreme is None else min(walk.extreme, low)
        walk.fill_pct = min(max((c.zone_high - walk.extreme) / size * 100, 0.0), 100.0)
        if walk.touched_at is None and low <= c.zone_high:
            walk.touched_at = at
        if low <= c.zone_low:
            walk.status, walk.filled_at = "filled", at
    else:
        walk.extreme = high if walk.extreme is None else max(walk.extreme, high)
        walk.fill_pct = min(max((walk.extreme - c.zone_low) / size * 100, 0.0), 100.0)
        if walk.touched_at is None and high >= c.zone_low:
            walk.touched_at = at
        if high >= c.zone_high:
            walk.status, walk.filled_at = "filled", at


def run_lifecycle(
    c: Candidate,
    time: Sequence[int],
    high: Sequence[float],
    low: Sequence[float],
    expires_at: int,
    now_ms: int | None,
) -> None:
    """Walk the candles after c.k; adverse event first within a candle."""
    walk = LifecycleWalk()
    step = sweep_step if c.type == "liquidity_sweep" else zone_step
    reached_expiry = False
    for m in range(c.k + 1, len(time)):
        if time[m] >= expires_at:
            reached_expiry = True  # this candle and later ones are not evaluated
            break
        step(c, walk, time[m], high[m], low[m])
        if walk.status != "active":
            c.final_event_index = m
            break
    expired_at = None
    expired = reached_expiry or (now_ms is not None and now_ms >= expires_at)
    if walk.status == "active" and expired:
        walk.status, expired_at = "expired", expires_at
    c.lifecycle = {
        "status": walk.status,
        "touched_at": walk.touched_at,
        "fill_pct": walk.fill_pct,
        "filled_at": walk.filled_at,
        "invalidated_at": walk.invalidated_at,
        "expired_at": expired_at,
    }
