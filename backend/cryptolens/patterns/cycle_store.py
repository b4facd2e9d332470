"""Where the scanner's part of a cycle keeps its patterns and finds its candidates: the live
tables (SqlPatternStore) or a replay's own memory (MemoryPatternStore with
PrecomputedCandidates). The scanner is the same code over either (docs/rules/backtest.md: backtest
and live are one code path); only storage and the way candidates are found differ, and the
replay's way gives the same candidates (tests/signals/test_replay_store.py)."""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Protocol

import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.timeframes import MINUTE_MS, timeframe_ms
from cryptolens.market import service as market
from cryptolens.patterns import repository
from cryptolens.patterns.detectors import CandleSeries, FormedPatterns, form_patterns
from cryptolens.patterns.stored import StoredPattern
from cryptolens.settings import ScanSettings

# A pattern is stored only when completed at window index >= 70: enough history for the
# 50-candle sweep reach and the 20-candle means, so its formation fields are those of
# whole-history detection. The detectors look back fewer than 70 candles, so detecting on
# the last 70 + new candles gives exactly what the configured window gives for the new ones,
# and detecting once on the whole series gives the same again (the replay's way).
FIRST_STORED_INDEX = 70


class PatternStore(Protocol):
    async def alive_between(self, start: int, end: int) -> list[StoredPattern]:
        """Patterns confirmed by `end` and not ended at `start`, by (formed_at, id)."""
        ...

    async def save_lifecycles(self, changes: Sequence[dict[str, Any]]) -> None:
        """Each change: `pattern_id` and the lifecycle columns."""
        ...

    async def insert_new(
        self, timeframe: str, rows: Sequence[dict[str, Any]]
    ) -> list[StoredPattern]:
        """Stores the rows (all of one timeframe, none stored yet); returns them as stored."""
        ...

    async def candidates(
        self,
        timeframe: str,
        minutes: market.CandleSeries,
        previous_close: int,
        close: int,
    ) -> FormedPatterns | None:
        """Patterns completed by the timeframe's candles closing in (previous_close, close],
        deep enough in their history to be stored; before suppression."""
        ...

    async def final_events(self, pattern_ids: Sequence[int]) -> dict[int, int | None]:
        """Pattern id -> open time of the 1m candle that filled or invalidated it."""
        ...


def candles_to_read(settings: ScanSettings, timeframe: str, new_candles: int) -> int:
    """The timeframe's window, or less when only a few candles are new: detection over the
    last FIRST_STORED_INDEX + new candles gives the same patterns for the new ones."""
    return min(settings.window(timeframe), FIRST_STORED_INDEX + new_candles)


def new_candle_count(timeframe: str, previous_close: int, close: int) -> int:
    """How many candles of `timeframe` close in (previous_close, close] (UTC-aligned buckets)."""
    step = timeframe_ms(timeframe)
    return close // step - previous_close // step


def detector_series(candles: market.CandleSeries) -> CandleSeries:
    return CandleSeries.from_arrays(
        candles.open_time, candles.open, candles.high, candles.low, candles.close, candles.volume
    )


def window_candidates(
    window: market.CandleSeries, timeframe: str, previous_close: int, settings: ScanSettings
) -> FormedPatterns | None:
    """Detection on a live window (its newest candle closing at T)."""
    if len(window) <= FIRST_STORED_INDEX:
        return None
    formed = form_patterns(
        detector_series(window), timeframe, settings.min_zone_pct, settings.ob_impulse_multiplier
    )
    return formed.take(
        (formed.candle_index >= FIRST_STORED_INDEX) & (formed.confirmed_at > previous_close)
    )


class SqlPatternStore:
    """The live tables, through the patterns repository, for one symbol."""

    def __init__(self, session: AsyncSession, symbol_id: int, settings: ScanSettings) -> None:
        self.session = session
        self.symbol_id = symbol_id
        self.settings = settings

    async def alive_between(self, start: int, end: int) -> list[StoredPattern]:
        return await repository.alive_between(self.session, self.symbol_id, start, end)

    async def save_lifecycles(self, changes: Sequence[dict[str, Any]]) -> None:
        await repository.save_lifecycles(self.session, changes)

    async def insert_new(
        self, timeframe: str, rows: Sequence[dict[str, Any]]
    ) -> list[StoredPattern]:
        await repository.insert_new(self.session, rows)
        formed = [int(str(row["formed_at"])) for row in rows]
        inserted = {(row["type"], row["direction"], row["formed_at"]) for row in rows}
        return [
            p
            for p in await repository.formed_between(
                self.session, self.symbol_id, timeframe, min(formed), max(formed)
            )
            if (p.type, p.direction, p.formed_at) in inserted
        ]

    async def candidates(
        self,
        timeframe: str,
        minutes: market.CandleSeries,
        previous_close: int,
        close: int,
    ) -> FormedPatterns | None:
        if timeframe == "1m":
            window = minutes
        else:
            window = await market.candles_until(
                self.session,
                self.symbol_id,
                timeframe,
                close - timeframe_ms(timeframe),
                candles_to_read(
                    self.settings, timeframe, new_candle_count(timeframe, previous_close, close)
                ),
            )
        return window_candidates(window, timeframe, previous_close, self.settings)

    async def final_events(self, pattern_ids: Sequence[int]) -> dict[int, int | None]:
        return await repository.final_events(self.session, pattern_ids)


class PrecomputedCandidates:
    """Every timeframe's patterns detected once over its whole series (a replay knows every
    candle up front); a cycle takes those confirmed in (previous_close, close]."""

    def __init__(self, series: Mapping[str, market.CandleSeries], settings: ScanSettings) -> None:
        self._formed: dict[str, FormedPatterns] = {}
        for timeframe, candles in series.items():
            formed = form_patterns(
                detector_series(candles),
                timeframe,
                settings.min_zone_pct,
                settings.ob_impulse_multiplier,
            )
            deep = formed.take(formed.candle_index >= FIRST_STORED_INDEX)
            # Ordered by confirmation for the range lookup; a stable sort keeps the
            # detector's order among those confirmed at the same time.
            order = np.argsort(deep.confirmed_at, kind="stable")
            self._formed[timeframe] = deep.take(order)

    def between(self, timeframe: str, previous_close: int, close: int) -> FormedPatterns | None:
        formed = self._formed.get(timeframe)
        if formed is None:
            return None
        lo = int(np.searchsorted(formed.confirmed_at, previous_close, side="right"))
        hi = int(np.searchsorted(formed.confirmed_at, close, side="right"))
        if lo == hi:
            return None
        return formed.take(np.arange(lo, hi))


class MemoryPatternStore:
    """A replay's patterns, in memory, for one symbol. Cycles run in time order, so a pattern
    ended before a cycle's start is never alive again and leaves the working set."""

    def __init__(self, candidates: PrecomputedCandidates) -> None:
        self._candidates = candidates
        self._next_id = 1
        self._by_id: dict[int, StoredPattern] = {}
        self._keys: set[tuple[str, str, str, int]] = set()
        # The working set, ordered by (formed_at, id).
        self._alive: list[tuple[int, int]] = []

    @property
    def patterns(self) -> list[StoredPattern]:
        return sorted(self._by_id.values(), key=lambda p: p.id)

    async def alive_between(self, start: int, end: int) -> list[StoredPattern]:
        not_ended = start - MINUTE_MS
        kept: list[tuple[int, int]] = []
        alive: list[StoredPattern] = []
        for key in self._alive:
            pattern = self._by_id[key[1]]
            if not _alive_after(pattern, start, not_ended):
                continue
            kept.append(key)
            if pattern.confirmed_at <= end:
                alive.append(pattern)
        self._alive = kept
        return alive

    async def save_lifecycles(self, changes: Sequence[dict[str, Any]]) -> None:
        for change in changes:
            pattern_id = int(change["pattern_id"])
            columns = {name: value for name, value in change.items() if name != "pattern_id"}
            self._by_id[pattern_id] = replace(self._by_id[pattern_id], **columns)

    async def insert_new(
        self, timeframe: str, rows: Sequence[dict[str, Any]]
    ) -> list[StoredPattern]:
        inserted: list[StoredPattern] = []
        for row in rows:
            key = (timeframe, str(row["type"]), str(row["direction"]), int(str(row["formed_at"])))
            if key in self._keys:
                continue
            self._keys.add(key)
            pattern = StoredPattern(
                id=self._next_id,
                **{name: row[name] for name in _STORED_FIELDS},
            )
            self._next_id += 1
            self._by_id[pattern.id] = pattern
            bisect.insort(self._alive, (pattern.formed_at, pattern.id))
            inserted.append(pattern)
        return sorted(inserted, key=lambda p: (p.formed_at, p.id))

    async def candidates(
        self,
        timeframe: str,
        minutes: market.CandleSeries,
        previous_close: int,
        close: int,
    ) -> FormedPatterns | None:
        return self._candidates.between(timeframe, previous_close, close)

    async def final_events(self, pattern_ids: Sequence[int]) -> dict[int, int | None]:
        return {
            pattern_id: self._by_id[pattern_id].final_event_at
            for pattern_id in pattern_ids
            if pattern_id in self._by_id
        }


_STORED_FIELDS = tuple(name for name in StoredPattern.__dataclass_fields__ if name != "id")


def _alive_after(pattern: StoredPattern, start: int, not_ended: int) -> bool:
    return (
        pattern.expires_at > start
        and (pattern.filled_at is None or pattern.filled_at > not_ended)
        and (pattern.invalidated_at is None or pattern.invalidated_at > not_ended)
    )
