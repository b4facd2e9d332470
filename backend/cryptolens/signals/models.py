"""Tables of the signals domain: signals, the patterns behind each one, and each symbol's
last cycle (where the live catch-up resumes)."""

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
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from cryptolens.db import Base, utcnow

_ID = BigInteger().with_variant(Integer, "sqlite")


class Signal(Base):
    """Market times (created_at and the status times) are ms since the epoch, like candles
    and patterns; `recorded_at`/`updated_at` are bookkeeping."""

    __tablename__ = "signals"
    __table_args__ = (
        # Cooldown: the newest signal of a symbol and direction.
        Index("ix_signals_symbol_id_direction_created_at", "symbol_id", "direction", "created_at"),
        # Each cycle advances the symbol's open signals.
        Index("ix_signals_symbol_id_status", "symbol_id", "status"),
        # Setup statistics of one setup, by creation time.
        Index(
            "ix_signals_symbol_id_anchor_type_anchor_timeframe_created_at",
            "symbol_id",
            "anchor_type",
            "anchor_timeframe",
            "created_at",
        ),
        Index("ix_signals_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    symbol_id: Mapped[int] = mapped_column(ForeignKey("symbols.id", ondelete="CASCADE"))
    direction: Mapped[str] = mapped_column(String(5))
    entry: Mapped[float] = mapped_column(Double)
    stop_loss: Mapped[float] = mapped_column(Double)
    take_profit_1: Mapped[float] = mapped_column(Double)
    take_profit_2: Mapped[float] = mapped_column(Double)
    take_profit_3: Mapped[float] = mapped_column(Double)
    risk_reward: Mapped[float] = mapped_column(Double)
    # The stop rule in force when the signal was created: an admin's later change of the
    # runtime setting never changes how an open signal is followed.
    move_stop_to_entry_after_tp1: Mapped[bool] = mapped_column(
        Boolean, default=True, server_default=true()
    )
    risk: Mapped[float] = mapped_column(Double)
    atr: Mapped[float | None] = mapped_column(Double)
    buffer: Mapped[float] = mapped_column(Double)
    confluence: Mapped[int] = mapped_column(Integer)
    # The counted timeframes, highest first, comma-separated ("4h,15m,1m").
    timeframes: Mapped[str] = mapped_column(String(40))
    # A pattern anchors at most one signal, ever: a re-run never re-creates (or re-notifies).
    anchor_pattern_id: Mapped[int] = mapped_column(
        ForeignKey("patterns.id", ondelete="CASCADE"), unique=True
    )
    anchor_type: Mapped[str] = mapped_column(String(20))
    anchor_timeframe: Mapped[str] = mapped_column(String(4))
    anchor_expires_at: Mapped[int] = mapped_column(BigInteger)
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
    # The setup's statistics as known at created_at (itself excluded), one entry per window.
    setup_stats: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class SignalPattern(Base):
    """The contributing patterns of a signal (the anchor among them)."""

    __tablename__ = "signal_patterns"
    __table_args__ = (Index("ix_signal_patterns_pattern_id", "pattern_id"),)

    signal_id: Mapped[int] = mapped_column(
        ForeignKey("signals.id", ondelete="CASCADE"), primary_key=True
    )
    pattern_id: Mapped[int] = mapped_column(
        ForeignKey("patterns.id", ondelete="CASCADE"), primary_key=True
    )
    # Listing order: highest timeframe first, then oldest first.
    position: Mapped[int] = mapped_column(Integer)


class SignalCycle(Base):
    """The close time of the last cycle run for a symbol."""

    __tablename__ = "signal_cycles"

    symbol_id: Mapped[int] = mapped_column(
        ForeignKey("symbols.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    last_cycle_at: Mapped[int] = mapped_column(BigInteger)
