"""Confluence and the anchor (docs/rules/signals.md "Confluence", "Anchor and levels"): which
direction the active patterns agree on across timeframes, and which pattern anchors the signal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cryptolens.core.timeframes import timeframe_ms
from cryptolens.patterns import service as patterns

LONG, SHORT = "long", "short"
PATTERN_DIRECTION = {LONG: "bullish", SHORT: "bearish"}
HIGHER_TIMEFRAMES = ("4h", "1d")


@dataclass(frozen=True)
class Confluence:
    direction: str  # long | short
    timeframes: tuple[str, ...]  # the counted timeframes, highest first
    contributing: tuple[patterns.StoredPattern, ...]  # highest timeframe first, then oldest first
    anchor: patterns.StoredPattern

    @property
    def confluence(self) -> int:
        return len(self.timeframes)

    @property
    def strength(self) -> float:
        total = 0.0
        for pattern in self.contributing:
            total += pattern.strength
        return total / len(self.contributing)


def _highest_first(timeframes: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted(timeframes, key=timeframe_ms, reverse=True))


def find_confluence(
    active: Sequence[patterns.StoredPattern],
    *,
    timeframes: Sequence[str],
    min_confluence: int,
    require_htf: bool,
) -> Confluence | None:
    """The winning direction of the patterns active at T, or None: neither qualifies, both
    qualify with equal counts, or `require_htf` and the winner has neither 4h nor 1d."""
    counted = {
        direction: {
            p.timeframe
            for p in active
            if p.direction == pattern_direction and p.timeframe in timeframes
        }
        for direction, pattern_direction in PATTERN_DIRECTION.items()
    }
    qualified = [d for d in (LONG, SHORT) if len(counted[d]) >= min_confluence]
    if not qualified:
        return None
    if len(qualified) == 2:
        if len(counted[LONG]) == len(counted[SHORT]):
            return None
        qualified.sort(key=lambda d: len(counted[d]), reverse=True)
    direction = qualified[0]
    winning_timeframes = counted[direction]
    if require_htf and not winning_timeframes.intersection(HIGHER_TIMEFRAMES):
        return None
    contributing = sorted(
        (
            p
            for p in active
            if p.direction == PATTERN_DIRECTION[direction] and p.timeframe in winning_timeframes
        ),
        key=lambda p: (-timeframe_ms(p.timeframe), p.formed_at, patterns.TYPE_ORDER[p.type], p.id),
    )
    return Confluence(
        direction=direction,
        timeframes=_highest_first(list(winning_timeframes)),
        contributing=tuple(contributing),
        anchor=choose_anchor(contributing),
    )


def choose_anchor(contributing: Sequence[patterns.StoredPattern]) -> patterns.StoredPattern:
    """The pattern on the highest timeframe; ties by the newest formed_at, then type order."""
    return min(
        contributing,
        key=lambda p: (-timeframe_ms(p.timeframe), -p.formed_at, patterns.TYPE_ORDER[p.type]),
    )
