"""What one user may see and do, from their tier's limits (and watchlist for pro users).

Every domain receives a `UserAccess` from the `CurrentAccess` dependency (the principal's
tier and watchlist, cryptolens.access.deps) and asks it:

    access.require_symbol("ETH/USDT")          # 403 "Requires pro tier" when not allowed
    access.visible_symbols(all_symbols)        # filters a list
    access.require_pattern_type("order_block")
    access.pattern_history.max_items, access.history_start("signals", now)
    access.require_feature("api_keys")
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from cryptolens.access.tiers import (
    FREE_SYMBOL,
    MAX_FAVOURITES,
    HistoryLimit,
    Tier,
    TierLimits,
    limits_for,
    lowest_tier_where,
    within,
)
from cryptolens.core.errors import TierRequiredError, ValidationFailedError

Feature = Literal["api_keys", "webhooks", "portfolios", "full_statistics"]
HistoryKind = Literal["patterns", "signals"]


def _feature_allowed(limits: TierLimits, feature: Feature) -> bool:
    if feature == "api_keys":
        return limits.api_keys
    if feature == "webhooks":
        return limits.webhooks
    if feature == "portfolios":
        return limits.portfolios is None or limits.portfolios > 0
    return limits.statistics == "full"


def tier_allows_symbols(limits: TierLimits, symbols: Sequence[str]) -> bool:
    """Whether a tier may follow exactly this list of symbols."""
    if limits.symbol_scope == "fixed":
        return set(symbols) <= set(limits.fixed_symbols)
    if limits.symbol_scope == "watchlist":
        return within(limits.max_watchlist, len(symbols))
    return True


def _denied(needed: Tier | None) -> TierRequiredError:
    return TierRequiredError((needed or Tier.PREMIUM).value)


@dataclass(frozen=True)
class UserAccess:
    user_id: int
    tier: Tier  # admins are premium
    is_admin: bool = False
    watchlist: tuple[str, ...] = ()

    @property
    def limits(self) -> TierLimits:
        return limits_for(self.tier)

    # Tiers

    def require_tier(self, tier: Tier) -> None:
        if not self.tier.at_least(tier):
            raise TierRequiredError(tier.value)

    def require_feature(self, feature: Feature) -> None:
        if not _feature_allowed(self.limits, feature):
            raise _denied(lowest_tier_where(lambda limits: _feature_allowed(limits, feature)))

    # Symbols

    @property
    def followed_symbols(self) -> tuple[str, ...] | None:
        """The symbols this user may see, or None for all of them."""
        limits = self.limits
        if limits.symbol_scope == "all":
            return None
        if limits.symbol_scope == "watchlist" and self.watchlist:
            return self.watchlist
        return limits.fixed_symbols

    def allows_symbol(self, symbol: str) -> bool:
        followed = self.followed_symbols
        return followed is None or symbol in followed

    def require_symbol(self, symbol: str) -> None:
        if self.allows_symbol(symbol):
            return
        # Free users reach any one symbol by upgrading to pro (it goes on the watchlist).
        needed = Tier.PRO if self.tier == Tier.FREE and symbol != FREE_SYMBOL else Tier.PREMIUM
        raise TierRequiredError(needed.value)

    def visible_symbols(self, symbols: Iterable[str]) -> list[str]:
        return [symbol for symbol in symbols if self.allows_symbol(symbol)]

    def require_watchlist(self, symbols: Sequence[str]) -> None:
        """Checks a watchlist the user wants to save against their tier."""
        if len(symbols) > MAX_FAVOURITES:
            raise ValidationFailedError(f"a watchlist holds at most {MAX_FAVOURITES} symbols")
        if tier_allows_symbols(self.limits, symbols):
            return
        raise _denied(lowest_tier_where(lambda limits: tier_allows_symbols(limits, symbols)))

    # Pattern types and history

    def allows_pattern_type(self, pattern_type: str) -> bool:
        return pattern_type in self.limits.pattern_types

    def require_pattern_type(self, pattern_type: str) -> None:
        if not self.allows_pattern_type(pattern_type):
            raise _denied(lowest_tier_where(lambda limits: pattern_type in limits.pattern_types))

    def visible_pattern_types(self, pattern_types: Iterable[str]) -> list[str]:
        return [kind for kind in pattern_types if self.allows_pattern_type(kind)]

    def history_limit(self, kind: HistoryKind) -> HistoryLimit:
        return _history(self.limits, kind)

    @property
    def pattern_history(self) -> HistoryLimit:
        return self.limits.pattern_history

    @property
    def signal_history(self) -> HistoryLimit:
        return self.limits.signal_history

    def history_start(self, kind: HistoryKind, now: datetime) -> datetime | None:
        """The oldest moment a list of `kind` may reach back to (None: no age limit)."""
        return _start(_history(self.limits, kind), now)

    def require_history_since(self, kind: HistoryKind, since: datetime, now: datetime) -> None:
        """403 when a caller explicitly asks for older history than the tier shows."""

        def reaches(limits: TierLimits) -> bool:
            start = _start(_history(limits, kind), now)
            return start is None or since >= start

        if not reaches(self.limits):
            raise _denied(lowest_tier_where(reaches))


def _history(limits: TierLimits, kind: HistoryKind) -> HistoryLimit:
    return limits.pattern_history if kind == "patterns" else limits.signal_history


def _start(limit: HistoryLimit, now: datetime) -> datetime | None:
    return None if limit.max_age is None else now - limit.max_age
