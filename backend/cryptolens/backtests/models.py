"""Tables of the backtests domain (docs/rules/backtest.md "User backtests").

- backtests: one user's replay of a symbol over [start, end) (ms), the values it used, its
  progress and, once completed, its figures (summary and by_setup, as backtests/results.py
  computes them).
- backtest_signals: the result signals of a completed backtest, numbered 1.. in creation
  order (a replay's own ids name nothing stored, so the number is the signal's id here).
A deleted backtest keeps its row (without signals) until the day is over: it still counts
toward the 20 a day.
Neither table is read by the live service: a backtest never feeds the live statistics."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Double,
    ForeignKey,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from cryptolens.db import Base, utcnow

IdType = BigInteger().with_variant(Integer, "sqlite")

QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED = (
    "queued",
    "running",
    "completed",
    "failed",
    "cancelled",
)
ACTIVE_STATUSES = (QUEUED, RUNNING)
FINISHED_STATUSES = (COMPLETED, FAILED, CANCELLED)
ERROR_LENGTH = 2000


class Backtest(Base):
    __tablename__ = "backtests"
    __table_args__ = (
        # The owner's list (newest first), the day's count and the retention.
        Index("ix_backtests_user_id_created_at", "user_id", "created_at"),
        Index("ix_backtests_status", "status"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    user_id: Mapped[int] = mapped_column(IdType, ForeignKey("users.id", ondelete="CASCADE"))
    symbol_id: Mapped[int] = mapped_column(ForeignKey("symbols.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(BigInteger)
    end: Mapped[int] = mapped_column(BigInteger)
    # Every value the replay used (backtests/parameters.py values_used).
    parameters: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(9), default=QUEUED)
    error: Mapped[str | None] = mapped_column(String(ERROR_LENGTH), default=None)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    minutes_replayed: Mapped[int | None] = mapped_column(Integer, default=None)
    minutes_missing: Mapped[int | None] = mapped_column(Integer, default=None)
    replayed_until: Mapped[int | None] = mapped_column(BigInteger, default=None)
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    by_setup: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, default=None)
    job_id: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    # A deleted backtest is gone for its owner (its signals with it) but still counts toward
    # the day's 20 until the daily cleanup removes it.
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class BacktestSignal(Base):
    """A result signal with the columns the signal API shows (no setup_stats: a backtest's
    signals carry no live statistics; no anchor pattern id: the replay's patterns are not
    stored)."""

    __tablename__ = "backtest_signals"

    backtest_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("backtests.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    direction: Mapped[str] = mapped_column(String(5))
    entry: Mapped[float] = mapped_column(Double)
    stop_loss: Mapped[float] = mapped_column(Double)
    take_profit_1: Mapped[float] = mapped_column(Double)
    take_profit_2: Mapped[float] = mapped_column(Double)
    take_profit_3: Mapped[float] = mapped_column(Double)
    risk_reward: Mapped[float] = mapped_column(Double)
    move_stop_to_entry_after_tp1: Mapped[bool] = mapped_column(Boolean)
    confluence: Mapped[int] = mapped_column(Integer)
    timeframes: Mapped[str] = mapped_column(String(40))
    anchor_type: Mapped[str] = mapped_column(String(20))
    anchor_timeframe: Mapped[str] = mapped_column(String(4))
    strength: Mapped[float] = mapped_column(Double)
    status: Mapped[str] = mapped_column(String(10))
    outcome_r: Mapped[float | None] = mapped_column(Double)
    exit_price: Mapped[float | None] = mapped_column(Double)
    created_at: Mapped[int] = mapped_column(BigInteger)
    triggered_at: Mapped[int | None] = mapped_column(BigInteger)
    tp1_at: Mapped[int | None] = mapped_column(BigInteger)
    tp2_at: Mapped[int | None] = mapped_column(BigInteger)
    tp3_at: Mapped[int | None] = mapped_column(BigInteger)
    stopped_at: Mapped[int | None] = mapped_column(BigInteger)
    closed_at: Mapped[int | None] = mapped_column(BigInteger)
    expired_at: Mapped[int | None] = mapped_column(BigInteger)
    cancelled_at: Mapped[int | None] = mapped_column(BigInteger)

    @property
    def id(self) -> int:
        """The signal's id within its backtest (results.py reads `id`)."""
        return self.number
