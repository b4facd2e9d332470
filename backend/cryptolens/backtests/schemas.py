"""What the backtest routes take and show."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from cryptolens.backtests.parameters import TunableParameters
from cryptolens.core.iso_times import IsoInstant

BacktestStatus = Literal["queued", "running", "completed", "failed", "cancelled"]
Direction = Literal["long", "short"]
SignalStatus = Literal[
    "pending", "triggered", "tp1", "tp2", "tp3", "stopped", "closed", "expired", "cancelled"
]
Millis = Annotated[int, Field(strict=True, ge=0, le=2**53)]


class BacktestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    symbol: str = Field(min_length=3, max_length=41, examples=["BTC/USDT"])
    start: Millis = Field(description="ms UTC, a whole minute: the first minute replayed")
    end: Millis = Field(
        description="ms UTC, a whole minute, 1 to 90 days after start, at most the last closed "
        "minute: the replay stops before it"
    )
    parameters: TunableParameters = Field(
        default_factory=TunableParameters,
        description="Tunable values in place of the live ones (each optional)",
    )


class FiguresOut(BaseModel):
    count: int
    triggered: int
    wins: int = Field(description="triggered signals that reached TP1")
    decided: int = Field(description="triggered signals that reached TP1 or ended")
    win_rate: float | None = Field(description="wins / decided; null when decided = 0")
    resolved: int = Field(description="signals ended (stopped, tp3, closed) with an outcome")
    avg_r: float | None = Field(description="mean outcome_r of the resolved (expectancy in R)")
    sum_r: float
    profit_factor: float | None = Field(
        description="sum of positive outcome_r / |sum of negative outcome_r|; null without losses"
    )
    max_drawdown_r: float = Field(description="largest fall of the equity curve from a peak")
    open: int = Field(description="signals still open at the end of the range")


class SetupFiguresOut(FiguresOut):
    anchor_type: str
    anchor_timeframe: str


class BacktestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    symbol: str = Field(examples=["BTC/USDT"])
    start: int
    end: int
    parameters: dict[str, Any] = Field(description="every value the replay uses")
    status: BacktestStatus
    error: str | None
    progress: int = Field(description="0-100: minutes replayed of those in [start - 14 d, end)")
    minutes_replayed: int | None
    minutes_missing: int | None
    replayed_until: int | None = Field(description="ms UTC: the close of the last minute run")
    summary: FiguresOut | None
    by_setup: list[SetupFiguresOut] | None
    job_id: str
    created_at: IsoInstant
    started_at: IsoInstant | None
    finished_at: IsoInstant | None


class BacktestSignalOut(BaseModel):
    """A result signal as GET /signals/{id} shows a live one, without setup_stats and the
    anchor pattern (a replay's patterns are not stored); `id` is its number in the backtest."""

    id: int
    symbol: str
    direction: Direction
    entry: float
    stop_loss: float
    take_profit_1: float
    take_profit_2: float
    take_profit_3: float
    risk_reward: float
    move_stop_to_entry_after_tp1: bool
    confluence: int
    timeframes: list[str]
    anchor_type: str
    anchor_timeframe: str
    strength: float
    status: SignalStatus
    outcome_r: float | None
    created_at: int
    triggered_at: int | None
    tp1_at: int | None
    tp2_at: int | None
    tp3_at: int | None
    stopped_at: int | None
    closed_at: int | None
    expired_at: int | None
    cancelled_at: int | None


class BacktestEquityPointOut(BaseModel):
    time: int = Field(description="ms UTC: the start, then each resolved signal's final time")
    cumulative_r: float
    signal_id: int | None = Field(description="the signal's number; null for the start")


class DeletedOut(BaseModel):
    message: str
