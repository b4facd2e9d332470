"""The parameter study's API input and output (docs/rules/backtest.md "Walk-forward parameter
study")."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from cryptolens.backtests.study import WARNING
from cryptolens.backtests.study_models import ParameterStudy, ParameterStudyWindow
from cryptolens.core.iso_times import IsoInstant

Millis = Annotated[int, Field(strict=True, ge=0, le=2**53)]


class StudyIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    symbols: Annotated[
        list[Annotated[str, Field(min_length=3, max_length=41)]],
        Field(min_length=1, max_length=5, examples=[["BTC/USDT"]]),
    ]
    start: Millis = Field(description="ms UTC, a whole minute: the first train window's start")
    end: Millis = Field(description="ms UTC, a whole minute: no test window ends after it")
    grid: Annotated[
        dict[str, Annotated[list[Any], Field(min_length=1, max_length=10)]],
        Field(
            min_length=1,
            max_length=7,
            description="Tunable names to 1-10 valid values each; at most 100 combinations",
            examples=[{"min_confluence": [2, 3], "default_rr": [2.5, 3]}],
        ),
    ]
    train_days: Annotated[int, Field(ge=14, le=180)] = 60
    test_days: Annotated[int, Field(ge=7, le=60)] = 14
    min_sample: Annotated[int, Field(ge=10, le=1000)] = 30


class StudyOut(BaseModel):
    id: int
    symbols: list[str]
    start: int
    end: int
    grid: dict[str, list[Any]]
    train_days: int
    test_days: int
    min_sample: int
    combinations: list[dict[str, Any]] = Field(description="Every value each combination used")
    live_values: dict[str, Any] = Field(description="The live values at submission (baseline)")
    status: str
    progress: int = Field(description="0-100: replays finished / replays in all")
    replays_done: int
    replays_total: int
    aggregates: dict[str, Any] | None
    warning: str = Field(default=WARNING)
    error: str | None
    created_at: IsoInstant
    started_at: IsoInstant | None
    finished_at: IsoInstant | None

    @classmethod
    def of(cls, study: ParameterStudy) -> StudyOut:
        total = study.replays_total
        return cls(
            id=study.id,
            symbols=study.symbols,
            start=study.start,
            end=study.end,
            grid=study.grid,
            train_days=study.train_days,
            test_days=study.test_days,
            min_sample=study.min_sample,
            combinations=study.combinations,
            live_values=study.live_values,
            status=study.status,
            progress=100 * study.replays_done // total if total else 0,
            replays_done=study.replays_done,
            replays_total=total,
            aggregates=study.aggregates,
            warning=study.warning,
            error=study.error,
            created_at=study.created_at,
            started_at=study.started_at,
            finished_at=study.finished_at,
        )


class StudyWindowOut(BaseModel):
    symbol: str
    k: int
    train_start: int = Field(description="ms UTC")
    train_end: int
    test_start: int
    test_end: int
    status: str = Field(description="pending, completed or insufficient_sample")
    chosen_values: dict[str, Any] | None
    train_resolved: int | None
    train_avg_r: float | None
    test_count: int | None
    test_resolved: int | None
    test_win_rate: float | None
    test_avg_r: float | None
    test_profit_factor: float | None
    baseline_resolved: int | None
    baseline_avg_r: float | None

    @classmethod
    def of(cls, window: ParameterStudyWindow) -> StudyWindowOut:
        return cls(**{name: getattr(window, name) for name in cls.model_fields})
