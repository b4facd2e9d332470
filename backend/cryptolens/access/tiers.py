"""The tiers and what each allows (free < pro < premium; admins count as premium): ONE table.

Everything that limits a user by tier reads `TIER_LIMITS`; nothing else hard-codes a number.
It lives in the identity layer because every domain enforces it on the caller's principal;
billing only decides which tier a subscription grants.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Literal


class Tier(StrEnum):
    FREE = "free"
    PRO = "pro"
    PREMIUM = "premium"

    @property
    def rank(self) -> int:
        return TIER_ORDER.index(self)

    def at_least(self, other: Tier) -> bool:
        return self.rank >= other.rank


TIER_ORDER: tuple[Tier, ...] = (Tier.FREE, Tier.PRO, Tier.PREMIUM)

# Pattern types the detectors produce (patterns domain names).
ALL_PATTERN_TYPES: frozenset[str] = frozenset({"fvg", "order_block", "liquidity_sweep"})
FREE_SYMBOL = "BTC/USDT"


@dataclass(frozen=True)
class HistoryLimit:
    """How far back a list reaches: by age, by count, or without limit (both None)."""

    max_age: timedelta | None = None
    max_items: int | None = None

    @property
    def is_full(self) -> bool:
        return self.max_age is None and self.max_items is None


SymbolScope = Literal["fixed", "watchlist", "all"]
StatisticsDepth = Literal["summary", "full"]


@dataclass(frozen=True)
class TierLimits:
    # fixed: only fixed_symbols; watchlist: up to max_watchlist of the user's picks; all.
    symbol_scope: SymbolScope
    fixed_symbols: tuple[str, ...]
    max_watchlist: int | None
    pattern_types: frozenset[str]
    pattern_history: HistoryLimit
    signal_history: HistoryLimit
    pushes_per_day: int | None  # None: unlimited
    push_delay: timedelta
    portfolios: int | None
    trades_per_day: int | None
    statistics: StatisticsDepth
    api_keys: bool
    webhooks: bool


TIER_LIMITS: dict[Tier, TierLimits] = {
    Tier.FREE: TierLimits(
        symbol_scope="fixed",
        fixed_symbols=(FREE_SYMBOL,),
        max_watchlist=1,
        pattern_types=frozenset({"fvg"}),
        pattern_history=HistoryLimit(max_age=timedelta(hours=24)),
        signal_history=HistoryLimit(max_age=timedelta(hours=24)),
        pushes_per_day=1,
        push_delay=timedelta(minutes=10),
        portfolios=0,
        trades_per_day=0,
        statistics="summary",
        api_keys=False,
        webhooks=False,
    ),
    Tier.PRO: TierLimits(
        symbol_scope="watchlist",
        fixed_symbols=(FREE_SYMBOL,),  # what a pro user follows before picking any
        max_watchlist=5,
        pattern_types=ALL_PATTERN_TYPES,
        pattern_history=HistoryLimit(max_items=100),
        signal_history=HistoryLimit(max_items=50),
        pushes_per_day=20,
        push_delay=timedelta(0),
        portfolios=1,
        trades_per_day=5,
        statistics="full",
        api_keys=False,
        webhooks=False,
    ),
    Tier.PREMIUM: TierLimits(
        symbol_scope="all",
        fixed_symbols=(),
        max_watchlist=None,
        pattern_types=ALL_PATTERN_TYPES,
        pattern_history=HistoryLimit(),
        signal_history=HistoryLimit(),
        pushes_per_day=None,
        push_delay=timedelta(0),
        portfolios=None,
        trades_per_day=None,
        statistics="full",
        api_keys=True,
        webhooks=True,
    ),
}

# A premium user may still keep a list of favourites; this bounds its size.
MAX_FAVOURITES = 50


def limits_for(tier: Tier) -> TierLimits:
    return TIER_LIMITS[tier]


def lowest_tier_where(allowed: Callable[[TierLimits], bool]) -> Tier | None:
    """The cheapest tier whose limits satisfy `allowed` (None when no tier does)."""
    for tier in TIER_ORDER:
        if allowed(TIER_LIMITS[tier]):
            return tier
    return None


def within(limit: int | None, count: int) -> bool:
    """`count` items fit a limit where None means unlimited."""
    return limit is None or count <= limit
