"""Out-models of the signals, matrix and statistics API."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from cryptolens.market.schemas import SYMBOL_FROM_ID, SymbolName
from cryptolens.patterns.schemas import PatternOut

SignalDirection = Literal["long", "short"]
SignalStatus = Literal[
    "pending", "triggered", "tp1", "tp2", "tp3", "stopped", "closed", "expired", "cancelled"
]


def _split_commas(value: object) -> object:
    return value.split(",") if isinstance(value, str) else value


# The signals table keeps a list of timeframes as one comma-separated column.
CommaSeparated = Annotated[list[str], BeforeValidator(_split_commas)]


class SetupStatsOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)  # also built from SetupStats

    window_days: int = Field(examples=[30])
    count: int
    triggered: int
    wins: int = Field(description="triggered signals that reached tp1")
    decided: int = Field(description="triggered signals that reached tp1 or have an outcome")
    win_rate: float | None = Field(description="wins / decided; null when nothing is decided")
    resolved: int = Field(description="signals with an outcome in R")
    avg_r: float | None = Field(description="mean outcome in R of the resolved (expectancy)")


def _hit(what: str) -> str:
    return f"open time (ms UTC) of the 1m candle in which {what}; null until then"


class StatusEvent(BaseModel):
    status: SignalStatus
    at: int = Field(description="open time (ms UTC) of the 1m candle of the event")


# Built from a `Signal` row, with the symbol names in the context (symbol_names_context).
class SignalOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    symbol: SymbolName = Field(validation_alias=SYMBOL_FROM_ID, examples=["BTC/USDT"])
    direction: SignalDirection
    entry: float
    stop_loss: float
    take_profit_1: float
    take_profit_2: float
    take_profit_3: float
    risk_reward: float
    move_stop_to_entry_after_tp1: bool = Field(
        description="the stop rule the signal follows: stop at the entry from the candle after tp1"
    )
    confluence: int = Field(description="timeframes agreeing on the direction")
    timeframes: CommaSeparated = Field(description="the agreeing timeframes, highest first")
    anchor_pattern_id: int
    anchor_type: str
    anchor_timeframe: str
    strength: float
    status: SignalStatus
    outcome_r: float | None = Field(description="result in R once final; null otherwise")
    created_at: int = Field(description="ms UTC: the close of the cycle that created it")
    # The hit times are 1m candle open times: a chart marks the candle of its own timeframe
    # that contains one (the bucket holding that minute).
    triggered_at: int | None = Field(description=_hit("the entry was reached"))
    tp1_at: int | None = Field(description=_hit("take_profit_1 was reached"))
    tp2_at: int | None = Field(description=_hit("take_profit_2 was reached"))
    tp3_at: int | None = Field(description=_hit("take_profit_3 was reached"))
    stopped_at: int | None = Field(description=_hit("the stop was hit"))
    closed_at: int | None = Field(
        description="ms UTC: the end of the holding time, when it closed at the price then"
    )
    expired_at: int | None = Field(description="ms UTC: when the pending signal expired")
    cancelled_at: int | None = Field(
        description=_hit("the anchor pattern was filled or invalidated before the entry")
    )
    setup_stats: list[SetupStatsOut] = Field(
        description="this setup's record (anchor type x timeframe x symbol) at creation"
    )


class SignalDetailOut(SignalOut):
    contributing_patterns: list[PatternOut]
    status_history: list[StatusEvent]


class MatrixCell(BaseModel):
    timeframe: str
    pattern_id: int | None = Field(description="the newest active pattern, if any")
    type: str | None
    direction: Literal["bullish", "bearish"] | None
    strength: float | None
    zone_low: float | None
    zone_high: float | None
    bullish: int = Field(description="active bullish patterns")
    bearish: int = Field(description="active bearish patterns")


class MatrixRow(BaseModel):
    symbol: str
    cells: list[MatrixCell]
    open_signal: SignalOut | None


# Built from a `SetupStatistics` line, with the symbol names in the context.
class SetupLineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    symbol: SymbolName | None = Field(
        validation_alias=SYMBOL_FROM_ID, description="null: every symbol"
    )
    anchor_type: str | None = Field(description="null with anchor_timeframe null: overall")
    anchor_timeframe: str | None
    windows: list[SetupStatsOut]
    cumulative_r: list[tuple[int, float]] = Field(
        description="[outcome time ms UTC, running sum of outcome_r] over the last 100 signals "
        "resolved in the widest window, oldest first",
        examples=[[[1717200000000, -1.0], [1717286400000, 2.0]]],
    )


class StatsScopeOut(BaseModel):
    symbols: list[str] | None = Field(description="the symbols counted; null: every symbol")
    pattern_types: list[str] = Field(description="the pattern types counted")
    pattern_history_hours: int | None = Field(
        description="active patterns counted when confirmed in the last n hours; null: any age"
    )


class GlobalStatsOut(BaseModel):
    scope: StatsScopeOut = Field(description="what the caller's tier shows: every count covers it")
    symbols: int
    active_patterns: dict[str, dict[str, int]] = Field(
        description="active patterns by type, then direction"
    )
    signals_today: int = Field(description="signals created since 00:00 UTC")
    overall: list[SetupStatsOut] = Field(description="every signal, per window")
