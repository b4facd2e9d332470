"""The scanner's part of a cycle (docs/rules/signals.md "The cycle", docs/rules/patterns.md "In the
service"): for one symbol at T, bring the stored patterns' lifecycles up to T with the 1m candle(s)
the cycle closes, detect on every timeframe that got a candle closing in the cycle, store the new
patterns and report what is active at T. Never commits.

A cycle covers the 1m candle closing at T and everything that closed since the previous
stored 1m candle closed (`previous_close`): re-running it re-reads the same state and writes
through unique keys, so it inserts and changes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from cryptolens.core.timeframes import MINUTE_MS, overlap_threshold
from cryptolens.market import service as market
from cryptolens.patterns.cycle_store import PatternStore, new_candle_count
from cryptolens.patterns.detectors import (
    DIRECTIONS,
    PATTERN_TYPES,
    ActiveZones,
    FormedPatterns,
    Lifecycles,
    PricePath,
    active_until,
    advance_lifecycles,
    first_candle_from,
    keep_after_overlap,
)
from cryptolens.patterns.lifecycle_rows import (
    DIRECTION_CODE,
    TYPE_CODE,
    lifecycle_columns,
    lifecycles_differ,
    lifecycles_of,
    zones_of,
)
from cryptolens.patterns.stored import StoredPattern
from cryptolens.settings import ScanSettings


@dataclass
class ScanResult:
    """What the scan changed (for the stream) and what is active at T (for the signal step)."""

    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    # Of `updated`, those no longer active (filled, invalidated, expired): the rest only moved
    # their fill or touch, which no count depends on.
    ended: list[int] = field(default_factory=list)
    active: list[StoredPattern] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def cycle_minutes(minutes: market.CandleSeries, previous_close: int) -> market.CandleSeries:
    """The 1m candles a cycle closes: those closing after `previous_close`."""
    return minutes.between(previous_close, int(minutes.open_time[-1]))


async def scan_cycle(
    store: PatternStore,
    symbol_id: int,
    minutes: market.CandleSeries,
    previous_close: int,
    settings: ScanSettings,
) -> ScanResult:
    """`minutes`: the newest 1m candles up to the one closing at T (at least 71 when stored),
    ascending; `previous_close`: the close of the stored 1m candle before it."""
    close = int(minutes.open_time[-1]) + MINUTE_MS
    path = _price_path(minutes)
    # One read serves the whole scan: every pattern the cycle's candles may move, and every
    # one active at some instant the scan asks about (candidate closes and T, all after
    # previous_close). An active pattern expiring by previous_close was expired by the cycle
    # at that time, so none is missed.
    alive = await store.alive_between(previous_close, close)
    alive, updated = await _advance_stored(
        store, alive, cycle_minutes(minutes, previous_close), close
    )
    moved = set(updated)
    ended = [p.id for p in alive if p.id in moved and p.status != "active"]
    result = ScanResult(updated=updated, ended=ended)

    new_patterns: list[StoredPattern] = []
    for timeframe in settings.timeframes:
        if new_candle_count(timeframe, previous_close, close) <= 0:
            continue
        candidates = await store.candidates(timeframe, minutes, previous_close, close)
        if candidates is None or not len(candidates):
            continue
        stored = [p for p in alive if p.timeframe == timeframe]
        new_patterns += await _store_kept(
            store, symbol_id, timeframe, candidates, stored, path, close
        )
    result.created = [p.id for p in new_patterns]
    result.active = [p for p in (*alive, *new_patterns) if p.is_active_at(close)]
    return result


def _price_path(minutes: market.CandleSeries) -> PricePath:
    return PricePath(minutes.open_time, minutes.high, minutes.low)


async def _advance_stored(
    store: PatternStore,
    alive: list[StoredPattern],
    closing: market.CandleSeries,
    close: int,
) -> tuple[list[StoredPattern], list[int]]:
    """Runs the lifecycle of the still-active patterns over the candles this cycle closes;
    returns the patterns as they are now and the ids of those that moved."""
    moving = [index for index, p in enumerate(alive) if p.status == "active"]
    if not len(closing) or not moving:
        return alive, []
    active = [alive[index] for index in moving]
    path = _price_path(closing)
    confirmed_at = np.array([p.confirmed_at for p in active], dtype=np.int64)
    before = lifecycles_of(active)
    after = advance_lifecycles(
        zones_of(active), before, path, first_candle_from(path, confirmed_at), close
    )
    moved = np.flatnonzero(lifecycles_differ(before, after)).tolist()
    if not moved:
        return alive, []
    changes = [{"pattern_id": active[i].id, **lifecycle_columns(after, i)} for i in moved]
    await store.save_lifecycles(changes)
    now_alive = list(alive)
    for i, change in zip(moved, changes, strict=True):
        columns = {name: value for name, value in change.items() if name != "pattern_id"}
        now_alive[moving[i]] = replace(active[i], **columns)
    return now_alive, [active[i].id for i in moved]


async def _store_kept(
    store: PatternStore,
    symbol_id: int,
    timeframe: str,
    candidates: FormedPatterns,
    stored: Sequence[StoredPattern],
    path: PricePath,
    close: int,
) -> list[StoredPattern]:
    """Suppresses the candidates against the stored patterns of the timeframe (and each
    other), stores the kept ones not stored yet and returns those it stored."""
    tracked = candidates.tracked(timeframe)
    # A candidate closing before T (its last minute was a known gap) already has a price path.
    lifecycle = advance_lifecycles(
        tracked,
        Lifecycles.fresh(len(candidates)),
        path,
        first_candle_from(path, candidates.confirmed_at),
        close,
    )
    keep = keep_after_overlap(
        ActiveZones(
            candidates.pattern_type,
            candidates.direction,
            candidates.formed_at,
            candidates.zone_low,
            candidates.zone_high,
            active_until(lifecycle, tracked.expires_at, MINUTE_MS),
        ),
        candidates.confirmed_at,
        overlap_threshold(timeframe),
        already_kept=_as_zones(stored),
    )
    known = {(p.type, p.direction, p.formed_at) for p in stored}
    rows = [
        row
        for index in np.flatnonzero(keep).tolist()
        if (row := _row(symbol_id, timeframe, candidates, lifecycle, index))
        and (row["type"], row["direction"], row["formed_at"]) not in known
    ]
    if not rows:
        return []
    return await store.insert_new(timeframe, rows)


def _as_zones(stored: Sequence[StoredPattern]) -> ActiveZones:
    return ActiveZones(
        np.array([TYPE_CODE[p.type] for p in stored], dtype=np.int8),
        np.array([DIRECTION_CODE[p.direction] for p in stored], dtype=np.int8),
        np.array([p.formed_at for p in stored], dtype=np.int64),
        np.array([p.zone_low for p in stored], dtype=np.float64),
        np.array([p.zone_high for p in stored], dtype=np.float64),
        np.array([p.active_until for p in stored], dtype=np.int64),
    )


def _row(
    symbol_id: int, timeframe: str, formed: FormedPatterns, lifecycle: Lifecycles, index: int
) -> dict[str, object]:
    return {
        "symbol_id": symbol_id,
        "timeframe": timeframe,
        "type": PATTERN_TYPES[int(formed.pattern_type[index])],
        "direction": DIRECTIONS[int(formed.direction[index])],
        "zone_low": float(formed.zone_low[index]),
        "zone_high": float(formed.zone_high[index]),
        "formed_at": int(formed.formed_at[index]),
        "confirmed_at": int(formed.confirmed_at[index]),
        "expires_at": int(formed.expires_at(timeframe)[index]),
        "strength": float(formed.strength[index]),
        **lifecycle_columns(lifecycle, index),
    }
