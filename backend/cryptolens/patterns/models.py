"""The patterns table: formation fields (decided once, never changed) and the lifecycle."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Double, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cryptolens.db import Base, utcnow


class Pattern(Base):
    """Market times are ms since the epoch (UTC), like candles; bookkeeping times are datetimes.

    No per-pattern "checked until" column: each cycle evaluates exactly the 1m candle(s) it
    closes, and re-applying a candle already seen changes nothing (events are set once, fill
    only grows), so the lifecycle needs no position of its own."""

    __tablename__ = "patterns"
    __table_args__ = (
        # Also serves per-symbol reads (matrix, scanner) through its leading columns.
        UniqueConstraint("symbol_id", "timeframe", "type", "direction", "formed_at"),
        # Each cycle's lifecycle step reads the symbol's active patterns.
        Index("ix_patterns_symbol_id_status", "symbol_id", "status"),
        # Each cycle reads the patterns of a symbol not yet expired (suppression, confluence).
        Index("ix_patterns_symbol_id_expires_at", "symbol_id", "expires_at"),
        Index("ix_patterns_confirmed_at", "confirmed_at"),
        Index("ix_patterns_status_expires_at", "status", "expires_at"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    symbol_id: Mapped[int] = mapped_column(ForeignKey("symbols.id", ondelete="CASCADE"))
    timeframe: Mapped[str] = mapped_column(String(4))
    type: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(8))
    zone_low: Mapped[float] = mapped_column(Double)
    zone_high: Mapped[float] = mapped_column(Double)
    formed_at: Mapped[int] = mapped_column(BigInteger)
    confirmed_at: Mapped[int] = mapped_column(BigInteger)
    expires_at: Mapped[int] = mapped_column(BigInteger)
    strength: Mapped[float] = mapped_column(Double)
    status: Mapped[str] = mapped_column(String(12), default="active")
    touched_at: Mapped[int | None] = mapped_column(BigInteger)
    fill_pct: Mapped[float] = mapped_column(Double, default=0.0)
    filled_at: Mapped[int | None] = mapped_column(BigInteger)
    invalidated_at: Mapped[int | None] = mapped_column(BigInteger)
    expired_at: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
