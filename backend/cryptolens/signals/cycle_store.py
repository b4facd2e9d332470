"""What one symbol's cycle reads and writes (docs/rules/signals.md "The cycle"): the live tables
(SqlCycleStore, through each domain's service) or a replay's own memory (MemoryCycleStore,
docs/rules/backtest.md "One replay"). signals/cycle.py runs the same code over either; a replay
never touches the live tables and nothing it makes is pushed, streamed or delivered."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Protocol

import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.market import service as market
from cryptolens.patterns import service as patterns
from cryptolens.patterns.service import PatternStore
from cryptolens.settings import ScanSettings
from cryptolens.signals import repository
from cryptolens.signals.lifecycle import OPEN_STATUSES
from cryptolens.signals.models import Signal
from cryptolens.signals.statistics import SignalRecord

BASE_TIMEFRAME = "1m"


class MinuteHistory:
    """The symbol's 1m candles, read once by a replay: its cycles take their window from here
    instead of reading it again each minute (the same candles either way)."""

    def __init__(self, minutes: market.CandleSeries) -> None:
        self.minutes = minutes

    def window(self, last_open_time: int, count: int) -> market.CandleSeries:
        end = int(np.searchsorted(self.minutes.open_time, last_open_time, side="right"))
        return self.minutes[max(0, end - count) : end]


class CycleStore(Protocol):
    @property
    def symbol_id(self) -> int: ...

    @property
    def patterns(self) -> PatternStore: ...

    async def minute_window(self, last_open_time: int, count: int) -> market.CandleSeries: ...

    async def build_buckets(
        self, timeframes: Sequence[str], first_minute: int, last_minute: int, server_time: int
    ) -> None: ...

    async def candles_until(
        self, timeframe: str, last_open_time: int, count: int
    ) -> market.CandleSeries: ...

    async def tick_size(self) -> float | None: ...

    async def open_or_recent(self, created_after: int, created_until: int) -> list[Signal]:
        """Signals created by `created_until` that are open or created after `created_after`,
        by (created_at, id)."""
        ...

    async def anchor_used(self, pattern_id: int) -> bool: ...

    async def setup_records(
        self, created_after: int, created_until: int, anchor_type: str, anchor_timeframe: str
    ) -> list[SignalRecord]: ...

    async def add_signal(self, signal: Signal, pattern_ids: Sequence[int]) -> Signal: ...

    async def signals_changed(self, signals: Sequence[Signal]) -> None: ...


class SqlCycleStore:
    """The live tables of one symbol. `history`: the 1m candles when the caller holds them."""

    def __init__(
        self,
        session: AsyncSession,
        symbol_id: int,
        scan: ScanSettings,
        history: MinuteHistory | None = None,
    ) -> None:
        self.session = session
        self.symbol_id = symbol_id
        self.history = history
        self.patterns = patterns.SqlPatternStore(session, symbol_id, scan)

    async def minute_window(self, last_open_time: int, count: int) -> market.CandleSeries:
        if self.history is not None:
            return self.history.window(last_open_time, count)
        return await market.candles_until(
            self.session, self.symbol_id, BASE_TIMEFRAME, last_open_time, count
        )

    async def build_buckets(
        self, timeframes: Sequence[str], first_minute: int, last_minute: int, server_time: int
    ) -> None:
        await market.build_buckets(
            self.session,
            self.symbol_id,
            timeframes,
            first_minute=first_minute,
            last_minute=last_minute,
            server_time=server_time,
        )

    async def candles_until(
        self, timeframe: str, last_open_time: int, count: int
    ) -> market.CandleSeries:
        return await market.candles_until(
            self.session, self.symbol_id, timeframe, last_open_time, count
        )

    async def tick_size(self) -> float | None:
        symbol = await market.get_symbol(self.session, self.symbol_id)
        return None if symbol is None else symbol.tick_size

    async def open_or_recent(self, created_after: int, created_until: int) -> list[Signal]:
        return await repository.open_or_recent(
            self.session,
            self.symbol_id,
            created_after=created_after,
            created_until=created_until,
        )

    async def anchor_used(self, pattern_id: int) -> bool:
        return await repository.anchors_used(self.session, pattern_id)

    async def setup_records(
        self, created_after: int, created_until: int, anchor_type: str, anchor_timeframe: str
    ) -> list[SignalRecord]:
        return await repository.setup_records(
            self.session,
            created_after=created_after,
            created_until=created_until,
            symbol_id=self.symbol_id,
            anchor_type=anchor_type,
            anchor_timeframe=anchor_timeframe,
        )

    async def add_signal(self, signal: Signal, pattern_ids: Sequence[int]) -> Signal:
        return await repository.add(self.session, signal, pattern_ids)

    async def signals_changed(self, signals: Sequence[Signal]) -> None:
        # Through the loaded objects: the identity map keeps serving them to later cycles of
        # this session, so they carry the new state; the flush writes it.
        await self.session.flush()


class MemoryCycleStore:
    """A replay's own store: candles built up front (market.ReplayCandles), patterns in
    memory (patterns.MemoryPatternStore), signals as unattached rows numbered here. Cycles
    run in time order, which the lookups below rely on."""

    def __init__(
        self,
        symbol_id: int,
        candles: market.ReplayCandles,
        pattern_store: patterns.MemoryPatternStore,
        tick_size: float | None,
    ) -> None:
        self.symbol_id = symbol_id
        self.candles = candles
        self.patterns = pattern_store
        self._tick_size = tick_size
        self.signals: list[Signal] = []  # by (created_at, id): cycles create in time order
        self._created: list[int] = []
        self._open: dict[int, Signal] = {}
        self._anchors: set[int] = set()
        self.contributing: dict[int, list[int]] = {}

    async def minute_window(self, last_open_time: int, count: int) -> market.CandleSeries:
        return self.candles.until(BASE_TIMEFRAME, last_open_time, count)

    async def build_buckets(
        self, timeframes: Sequence[str], first_minute: int, last_minute: int, server_time: int
    ) -> None:
        """Built up front; nothing to do."""

    async def candles_until(
        self, timeframe: str, last_open_time: int, count: int
    ) -> market.CandleSeries:
        return self.candles.until(timeframe, last_open_time, count)

    async def tick_size(self) -> float | None:
        return self._tick_size

    async def open_or_recent(self, created_after: int, created_until: int) -> list[Signal]:
        first_recent = bisect.bisect_right(self._created, created_after)
        last = bisect.bisect_right(self._created, created_until)
        chosen = {id(s): s for s in self._open.values() if s.created_at <= created_until}
        for signal in self.signals[first_recent:last]:
            chosen.setdefault(id(signal), signal)
        return sorted(chosen.values(), key=lambda s: (s.created_at, s.id))

    async def anchor_used(self, pattern_id: int) -> bool:
        return pattern_id in self._anchors

    async def setup_records(
        self, created_after: int, created_until: int, anchor_type: str, anchor_timeframe: str
    ) -> list[SignalRecord]:
        first = bisect.bisect_right(self._created, created_after)
        last = bisect.bisect_right(self._created, created_until)
        return [
            repository.record_of(signal)
            for signal in self.signals[first:last]
            if signal.anchor_type == anchor_type and signal.anchor_timeframe == anchor_timeframe
        ]

    async def add_signal(self, signal: Signal, pattern_ids: Sequence[int]) -> Signal:
        signal.id = len(self.signals) + 1
        self.signals.append(signal)
        self._created.append(signal.created_at)
        self._anchors.add(signal.anchor_pattern_id)
        self.contributing[signal.id] = list(pattern_ids)
        if signal.status in OPEN_STATUSES:
            self._open[signal.id] = signal
        return signal

    async def signals_changed(self, signals: Sequence[Signal]) -> None:
        for signal in signals:
            if signal.status not in OPEN_STATUSES:
                self._open.pop(signal.id, None)
