"""Response models of the tiers and what each allows."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from cryptolens.access.tiers import HistoryLimit, TierLimits


class HistoryLimitOut(BaseModel):
    max_age_hours: float | None = Field(description="Reaches back this many hours; null: any")
    max_items: int | None = Field(description="At most this many items; null: no count limit")

    @classmethod
    def of(cls, limit: HistoryLimit) -> HistoryLimitOut:
        hours = None if limit.max_age is None else limit.max_age.total_seconds() / 3600
        return cls(max_age_hours=hours, max_items=limit.max_items)


class LimitsOut(BaseModel):
    """What a tier allows; null means unlimited."""

    symbol_scope: Literal["fixed", "watchlist", "all"]
    fixed_symbols: list[str]
    max_watchlist: int | None
    pattern_types: list[str]
    pattern_history: HistoryLimitOut
    signal_history: HistoryLimitOut
    pushes_per_day: int | None
    push_delay_minutes: int
    portfolios: int | None
    trades_per_day: int | None
    statistics: Literal["summary", "full"]
    api_keys: bool
    webhooks: bool

    @classmethod
    def of(cls, limits: TierLimits) -> LimitsOut:
        return cls(
            symbol_scope=limits.symbol_scope,
            fixed_symbols=list(limits.fixed_symbols),
            max_watchlist=limits.max_watchlist,
            pattern_types=sorted(limits.pattern_types),
            pattern_history=HistoryLimitOut.of(limits.pattern_history),
            signal_history=HistoryLimitOut.of(limits.signal_history),
            pushes_per_day=limits.pushes_per_day,
            push_delay_minutes=int(limits.push_delay.total_seconds() // 60),
            portfolios=limits.portfolios,
            trades_per_day=limits.trades_per_day,
            statistics=limits.statistics,
            api_keys=limits.api_keys,
            webhooks=limits.webhooks,
        )
