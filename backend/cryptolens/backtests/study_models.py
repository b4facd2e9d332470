"""Tables of the parameter study (docs/rules/backtest.md "Walk-forward parameter study").

- parameter_studies: one admin's study: its inputs, the combinations and the live values it
  used, status, how many of its replays are finished, and once completed the aggregates.
- parameter_study_windows: one row per symbol and window: the ranges, the chosen values and
  the train and test figures (filled as its replays finish).
- parameter_study_replays: every replay the study needs (per window: one train replay per
  combination, the chosen test replay and the baseline test replay), claimed one at a time
  by the study's jobs; a finished one keeps its figures and result signals (as StudySignal
  JSON) until the aggregates are made.
Ranges are ms, as the backtests'. Nothing here is read by the live service."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Double, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from cryptolens.db import Base, utcnow

IdType = BigInteger().with_variant(Integer, "sqlite")

# Study statuses (the backtests' names).
QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED = (
    "queued",
    "running",
    "completed",
    "failed",
    "cancelled",
)
ACTIVE_STATUSES = (QUEUED, RUNNING)
ERROR_LENGTH = 2000

# Window statuses.
WINDOW_PENDING, WINDOW_COMPLETED, INSUFFICIENT_SAMPLE = (
    "pending",
    "completed",
    "insufficient_sample",
)

# Replay kinds and statuses.
TRAIN, TEST, BASELINE = "train", "test", "baseline"
REPLAY_PENDING, REPLAY_RUNNING, REPLAY_DONE, REPLAY_SKIPPED = (
    "pending",
    "running",
    "done",
    "skipped",
)


class ParameterStudy(Base):
    __tablename__ = "parameter_studies"
    __table_args__ = (Index("ix_parameter_studies_status", "status"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    created_by: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    symbols: Mapped[list[str]] = mapped_column(JSON)
    start: Mapped[int] = mapped_column(BigInteger)
    end: Mapped[int] = mapped_column(BigInteger)
    grid: Mapped[dict[str, Any]] = mapped_column(JSON)
    train_days: Mapped[int] = mapped_column(Integer)
    test_days: Mapped[int] = mapped_column(Integer)
    min_sample: Mapped[int] = mapped_column(Integer)
    # Every value each combination used (parameters.values_used), in grid order, and the live
    # values at submission (the baseline's, and every other setting's).
    combinations: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    live_values: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(9), default=QUEUED)
    replays_total: Mapped[int] = mapped_column(Integer)
    replays_done: Mapped[int] = mapped_column(Integer, default=0)
    aggregates: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    warning: Mapped[str] = mapped_column(String(400))
    error: Mapped[str | None] = mapped_column(String(ERROR_LENGTH), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)


class ParameterStudyWindow(Base):
    __tablename__ = "parameter_study_windows"
    __table_args__ = (Index("ix_parameter_study_windows_study_id", "study_id", "symbol", "k"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    study_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("parameter_studies.id", ondelete="CASCADE")
    )
    symbol_id: Mapped[int] = mapped_column(ForeignKey("symbols.id", ondelete="CASCADE"))
    symbol: Mapped[str] = mapped_column(String(41))
    k: Mapped[int] = mapped_column(Integer)
    train_start: Mapped[int] = mapped_column(BigInteger)
    train_end: Mapped[int] = mapped_column(BigInteger)
    test_start: Mapped[int] = mapped_column(BigInteger)
    test_end: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(19), default=WINDOW_PENDING)
    chosen_index: Mapped[int | None] = mapped_column(Integer, default=None)
    chosen_values: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    train_resolved: Mapped[int | None] = mapped_column(Integer, default=None)
    train_avg_r: Mapped[float | None] = mapped_column(Double, default=None)
    test_count: Mapped[int | None] = mapped_column(Integer, default=None)
    test_resolved: Mapped[int | None] = mapped_column(Integer, default=None)
    test_win_rate: Mapped[float | None] = mapped_column(Double, default=None)
    test_avg_r: Mapped[float | None] = mapped_column(Double, default=None)
    test_profit_factor: Mapped[float | None] = mapped_column(Double, default=None)
    baseline_resolved: Mapped[int | None] = mapped_column(Integer, default=None)
    baseline_avg_r: Mapped[float | None] = mapped_column(Double, default=None)


class ParameterStudyReplay(Base):
    __tablename__ = "parameter_study_replays"
    __table_args__ = (Index("ix_parameter_study_replays_study_id", "study_id", "status"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    study_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("parameter_studies.id", ondelete="CASCADE")
    )
    window_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("parameter_study_windows.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(8))
    # The combination's index for a train replay, the chosen one's for the test replay (set
    # when it is claimed), None for the baseline.
    combination: Mapped[int | None] = mapped_column(Integer, default=None)
    status: Mapped[str] = mapped_column(String(7), default=REPLAY_PENDING)
    claimed_at: Mapped[datetime | None] = mapped_column(default=None)
    resolved: Mapped[int | None] = mapped_column(Integer, default=None)
    avg_r: Mapped[float | None] = mapped_column(Double, default=None)
    signals: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, default=None)
