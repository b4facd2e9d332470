"""Tables of the market domain: symbols, candles, known gaps and coverage per timeframe."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Double,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from cryptolens.db import Base, utcnow


class Symbol(Base):
    """A market we follow, in ccxt form (`BTC/USDT`) on one exchange (or `replay`)."""

    __tablename__ = "symbols"
    __table_args__ = (UniqueConstraint("exchange", "symbol"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    symbol: Mapped[str] = mapped_column(String(40))
    exchange: Mapped[str] = mapped_column(String(40))
    base: Mapped[str] = mapped_column(String(20))
    quote: Mapped[str] = mapped_column(String(20))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # From the exchange's market info: the price step and its number of decimals.
    tick_size: Mapped[float | None] = mapped_column(Double)
    price_precision: Mapped[int | None] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(default=None)
    # Set once every timeframe was fetched back to its depth; until then fetches backfill.
    backfilled_at: Mapped[datetime | None] = mapped_column(default=None)
    last_fetch_at: Mapped[datetime | None] = mapped_column(default=None)
    # The last fetch's failure, cleared by the next success; shown to admins.
    last_fetch_error: Mapped[str | None] = mapped_column(String(1000), default=None)


class Candle(Base):
    """One closed candle. The primary key is the unique key and serves every read
    (symbol, timeframe, time range), so the table carries no other index."""

    __tablename__ = "candles"
    __table_args__ = {"sqlite_with_rowid": False}

    symbol_id: Mapped[int] = mapped_column(
        ForeignKey("symbols.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    timeframe: Mapped[str] = mapped_column(String(4), primary_key=True)
    open_time: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    open: Mapped[float] = mapped_column(Double)
    high: Mapped[float] = mapped_column(Double)
    low: Mapped[float] = mapped_column(Double)
    close: Mapped[float] = mapped_column(Double)
    volume: Mapped[float] = mapped_column(Double)


class CandleGap(Base):
    """Minutes the exchange reported as empty: it returned candles after them but none inside
    although they were closed. A higher-timeframe bucket spanning them is built anyway."""

    __tablename__ = "candle_gaps"

    symbol_id: Mapped[int] = mapped_column(
        ForeignKey("symbols.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    timeframe: Mapped[str] = mapped_column(String(4), primary_key=True)
    # Open time of the first missing candle; end is the open time of the next candle present.
    start_time: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    end_time: Mapped[int] = mapped_column(BigInteger)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class SymbolCoverage(Base):
    """How much of a symbol's history one timeframe holds, as refresh_stats last counted it:
    coverage = candles / buckets from the first to the last open time (admin.md, Symbols)."""

    __tablename__ = "symbol_coverage"

    symbol_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("symbols.id", ondelete="CASCADE"), primary_key=True
    )
    timeframe: Mapped[str] = mapped_column(String(4), primary_key=True)
    first_open_time: Mapped[int | None] = mapped_column(BigInteger, default=None)
    last_open_time: Mapped[int | None] = mapped_column(BigInteger, default=None)
    candle_count: Mapped[int] = mapped_column(Integer, default=0)
    coverage: Mapped[float | None] = mapped_column(Double, default=None)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
