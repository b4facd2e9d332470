"""Answers of the portfolio reports: statistics and the equity curve (the CSV export is a file).
Money and ratios are decimal strings, as everywhere in the portfolio API; a figure whose
denominator is zero is null (never 0 or infinite)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from cryptolens.core.iso_times import IsoInstant
from cryptolens.portfolio.figures import EquityPoint, GroupStats, PortfolioStats
from cryptolens.portfolio.schemas import DecimalOut


class GroupStatsOut(BaseModel):
    """One symbol, setup or direction."""

    trades: int = Field(description="Closed trades in the group")
    wins: int
    losses: int
    breakeven: int
    win_rate: DecimalOut | None = Field(description="wins / (wins + losses), 4 decimals")
    total_pnl: DecimalOut
    expectancy_r: DecimalOut | None = Field(description="Mean R of the trades having one")

    @classmethod
    def of(cls, group: GroupStats) -> GroupStatsOut:
        return cls.model_validate(group, from_attributes=True)


class PortfolioStatsOut(BaseModel):
    pending: int
    open: int
    closed: int
    cancelled: int
    wins: int = Field(description="Closed with pnl > 0")
    losses: int = Field(description="Closed with pnl < 0")
    breakeven: int = Field(description="Closed with pnl = 0: in no rate or average")
    win_rate: DecimalOut | None = Field(description="wins / (wins + losses)")
    gross_profit: DecimalOut = Field(description="Sum of the winning pnl")
    gross_loss: DecimalOut = Field(description="|sum of the losing pnl|")
    profit_factor: DecimalOut | None = Field(description="gross_profit / gross_loss")
    avg_win: DecimalOut | None = Field(description="gross_profit / wins")
    avg_loss: DecimalOut | None = Field(description="gross_loss / losses")
    total_pnl: DecimalOut
    expectancy: DecimalOut | None = Field(description="total_pnl / closed")
    expectancy_r: DecimalOut | None = Field(description="Mean R of the r_count trades having one")
    r_count: int
    max_drawdown: DecimalOut = Field(
        description="Largest fall from a running peak of the curve (from the initial balance)"
    )
    max_drawdown_pct: DecimalOut | None = Field(description="That fall in % of its peak")
    by_symbol: dict[str, GroupStatsOut]
    by_setup: dict[str, GroupStatsOut] = Field(
        description="Keyed `{pattern_type} {timeframe}`, or `manual` if either is empty"
    )
    by_direction: dict[str, GroupStatsOut]

    @classmethod
    def of(cls, stats: PortfolioStats) -> PortfolioStatsOut:
        def groups(table: dict[str, GroupStats]) -> dict[str, GroupStatsOut]:
            return {key: GroupStatsOut.of(group) for key, group in table.items()}

        plain = {
            name: getattr(stats, name)
            for name in cls.model_fields
            if name not in ("by_symbol", "by_setup", "by_direction")
        }
        return cls(
            **plain,
            by_symbol=groups(stats.by_symbol),
            by_setup=groups(stats.by_setup),
            by_direction=groups(stats.by_direction),
        )


class EquityPointOut(BaseModel):
    time: IsoInstant = Field(description="The first point's start, else the trade's exit_time")
    balance: DecimalOut = Field(description="initial_balance + every earlier closed trade's pnl")
    pnl: DecimalOut | None = Field(description="The trade's pnl; null on the first point")
    trade_id: int | None = Field(description="null on the first point")

    @classmethod
    def of(cls, point: EquityPoint) -> EquityPointOut:
        return cls(time=point.time, balance=point.balance, pnl=point.pnl, trade_id=point.trade_id)
