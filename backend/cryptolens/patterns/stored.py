"""A stored pattern as the scanner and the signal step see it: plain values, no ORM object
(a cycle reads a few hundred of them every minute, so rows stay cheap tuples)."""

from __future__ import annotations

from dataclasses import dataclass

from cryptolens.core.timeframes import MINUTE_MS

# Type order of the rules: ties between patterns are broken fvg, order_block, liquidity_sweep.
TYPE_ORDER = {"fvg": 0, "order_block": 1, "liquidity_sweep": 2}


@dataclass(frozen=True, slots=True)
class StoredPattern:
    id: int
    timeframe: str
    type: str
    direction: str
    zone_low: float
    zone_high: float
    formed_at: int
    confirmed_at: int
    expires_at: int
    strength: float
    status: str
    touched_at: int | None
    fill_pct: float
    filled_at: int | None
    invalidated_at: int | None
    expired_at: int | None

    @property
    def final_event_at(self) -> int | None:
        """Open time of the 1m candle that filled or invalidated it, if any."""
        return self.filled_at if self.filled_at is not None else self.invalidated_at

    @property
    def active_until(self) -> int:
        """First instant it no longer counts as active: its expiry, or the close of the 1m
        candle carrying its filled or invalidated event."""
        event = self.final_event_at
        return self.expires_at if event is None else min(self.expires_at, event + MINUTE_MS)

    def is_active_at(self, instant: int) -> bool:
        """docs/rules/signals.md "Active patterns at T"; decided by times, not by the status column,
        so a re-run of an old cycle sees what that cycle saw."""
        return self.confirmed_at <= instant < self.active_until


# Column order of the repository's reads, matching the dataclass fields.
STORED_COLUMNS = tuple(StoredPattern.__dataclass_fields__)
