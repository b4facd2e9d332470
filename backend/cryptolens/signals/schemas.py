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
    confluence: int = Field(description="timeframes agreeing on the direction")
    timeframes: CommaSeparated = Field(description="the agreeing timeframes, highest first")
    anchor_pattern_id: int
    anchor_type: str
    anchor_timeframe: str
    strength: float
    status: SignalStatus
    outcome_r: float | None = Field(description="result in R once final; null otherwise")
    created_at: int = Field(description="ms UTC: the close of the cycle that created it")
    triggered_at: int | None
    tp1_at: int | None
    tp2_at: int | None
    tp3_at: int | None
    stopped_at: int | None
    closed_at: int | None
    expired_at: int | None
    cancelled_at: int | None
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


class GlobalStatsOut(BaseModel):
    symbols: int
    active_patterns: dict[str, dict[str, int]] = Field(
        description="active patterns by type, then direction"
    )
    signals_today: int = Field(description="signals created since 00:00 UTC")
    overall: list[SetupStatsOut] = Field(description="every signal, per window")
