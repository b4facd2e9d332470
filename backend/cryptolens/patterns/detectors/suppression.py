"""Overlap suppression: a new pattern is dropped while an earlier kept pattern of the same type
and direction is still active and covers enough of it (the timeframe's threshold).

Sequential by nature (whether a pattern is kept depends on what was kept before), so the loop
is compiled. Already stored patterns can be passed in as kept, as the service's scan does."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cryptolens.patterns.detectors.candles import BoolArray, CodeArray, FloatArray, IntArray
from cryptolens.patterns.detectors.jit import compiled
from cryptolens.patterns.detectors.lifecycle import FILLED, INVALIDATED, Lifecycles
from cryptolens.patterns.detectors.zones import DIRECTIONS

NO_END = np.iinfo(np.int64).max


@dataclass(frozen=True, slots=True)
class ActiveZones:
    """Patterns taking part in suppression.

    `active_until` is the first instant at which a pattern no longer counts as active: the
    earlier of its expiry instant (formed_at + expiry) and the close of the candle carrying its
    filled or invalidated event. A candidate closing at C sees it active iff active_until > C."""

    pattern_type: CodeArray
    direction: CodeArray
    formed_at: IntArray
    zone_low: FloatArray
    zone_high: FloatArray
    active_until: IntArray

    def __len__(self) -> int:
        return len(self.formed_at)


def active_until(lifecycles: Lifecycles, expires_at: IntArray, event_candle_ms: int) -> IntArray:
    """`ActiveZones.active_until` from lifecycles whose events sit on candles `event_candle_ms`
    long (the detected timeframe in `cryptolens detect`, one minute for 1m paths)."""
    final_at = np.where(lifecycles.status == FILLED, lifecycles.filled_at, NO_END)
    final_at = np.where(lifecycles.status == INVALIDATED, lifecycles.invalidated_at, final_at)
    ends_at = np.where(final_at == NO_END, NO_END, final_at + event_candle_ms)
    return np.minimum(ends_at, expires_at)


def keep_after_overlap(
    candidates: ActiveZones,
    closes_at: IntArray,
    threshold: float,
    already_kept: ActiveZones | None = None,
) -> BoolArray:
    """Which candidates survive, taken in the output order (`closes_at` = their confirmed_at,
    so ascending). `already_kept` patterns suppress candidates formed after them while active;
    dropped candidates suppress nothing."""
    if len(closes_at) > 1 and bool(np.any(np.diff(closes_at) < 0)):
        raise ValueError("candidates must be in output order (ascending close times)")
    kept_before = already_kept if already_kept is not None else _no_zones()
    return _keep(
        _group_of(candidates),
        candidates.formed_at,
        candidates.zone_low,
        candidates.zone_high,
        candidates.active_until,
        np.ascontiguousarray(closes_at, dtype=np.int64),
        _group_of(kept_before),
        kept_before.formed_at,
        kept_before.zone_low,
        kept_before.zone_high,
        kept_before.active_until,
        float(threshold),
    )


def _group_of(zones: ActiveZones) -> IntArray:
    return zones.pattern_type.astype(np.int64) * len(DIRECTIONS) + zones.direction


def _no_zones() -> ActiveZones:
    return ActiveZones(
        np.zeros(0, dtype=np.int8),
        np.zeros(0, dtype=np.int8),
        np.zeros(0, dtype=np.int64),
        np.zeros(0, dtype=np.float64),
        np.zeros(0, dtype=np.float64),
        np.zeros(0, dtype=np.int64),
    )


@compiled
def _keep(
    group: IntArray,
    formed_at: IntArray,
    zone_low: FloatArray,
    zone_high: FloatArray,
    until: IntArray,
    closes_at: IntArray,
    prior_group: IntArray,
    prior_formed_at: IntArray,
    prior_zone_low: FloatArray,
    prior_zone_high: FloatArray,
    prior_until: IntArray,
    threshold: float,
) -> BoolArray:
    candidate_count = len(group)
    # Kept patterns of both kinds in one set of arrays: candidates first, then prior ones.
    total = candidate_count + len(prior_group)
    all_formed_at = np.concatenate((formed_at, prior_formed_at))
    all_low = np.concatenate((zone_low, prior_zone_low))
    all_high = np.concatenate((zone_high, prior_zone_high))
    all_until = np.concatenate((until, prior_until))
    group_count = 1
    for g in group:
        group_count = max(group_count, g + 1)
    for g in prior_group:
        group_count = max(group_count, g + 1)
    # Per group, the kept patterns that may still be active; close times only grow, so a
    # pattern found inactive once is dropped from its list for good.
    live = np.empty((group_count, total), dtype=np.int64)
    live_count = np.zeros(group_count, dtype=np.int64)
    for prior in range(len(prior_group)):
        g = prior_group[prior]
        live[g, live_count[g]] = candidate_count + prior
        live_count[g] += 1

    keep = np.zeros(candidate_count, dtype=np.bool_)
    for candidate in range(candidate_count):
        g = group[candidate]
        close = closes_at[candidate]
        low, high = zone_low[candidate], zone_high[candidate]
        suppressed = False
        still_live = 0
        for slot in range(live_count[g]):
            kept = live[g, slot]
            if all_until[kept] <= close:
                continue
            live[g, still_live] = kept
            still_live += 1
            if suppressed or all_formed_at[kept] >= formed_at[candidate]:
                continue
            shared = max(0.0, min(all_high[kept], high) - max(all_low[kept], low))
            narrower = min(all_high[kept] - all_low[kept], high - low)
            if narrower > 0.0 and shared / narrower >= threshold:
                suppressed = True
        live_count[g] = still_live
        if not suppressed:
            keep[candidate] = True
            live[g, still_live] = candidate
            live_count[g] += 1
    return keep
