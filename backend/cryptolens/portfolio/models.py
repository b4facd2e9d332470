"""Tables of the portfolio domain.

- portfolios: a user's named account with its starting balance; the balance itself is never
  stored (derived on read from the closed trades, so it cannot drift).
- trades: one planned, open, closed or cancelled trade of a portfolio. `user_id` is repeated
  from the portfolio so owner-scoped reads and the daily creation count need no join.
Both are soft-deleted (`deleted_at`): deleted trades still count toward the day's limit.
- portfolio_tags, trade_tags: a user's own tags and which trades carry them.
- journal_entries: notes on a trade, kept with it (hard-deleted with the trade).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine

from cryptolens.db import Base, utcnow

IdType = BigInteger().with_variant(Integer, "sqlite")
SCALE = 12
_QUANTUM = Decimal(1).scaleb(-SCALE)
WIDE = 40


class Amount(TypeDecorator[Decimal]):
    """A price, quantity or money amount with 12 decimals, exact on both backends: DECIMAL on
    MariaDB, text on SQLite (whose NUMERIC would pass through a binary float)."""

    impl = Numeric(30, SCALE)
    cache_ok = True

    def __init__(self, precision: int = 30) -> None:
        # Derived figures (pnl: a price difference times a quantity) need wider columns.
        super().__init__()
        self.precision = precision

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(self.precision + 2))
        return dialect.type_descriptor(Numeric(self.precision, SCALE, asdecimal=True))

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        exact = Decimal(value).quantize(_QUANTUM)
        return format(exact, "f") if dialect.name == "sqlite" else exact

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(str(value)).quantize(_QUANTUM)


class Portfolio(Base):
    __tablename__ = "portfolios"
    __table_args__ = (Index("ix_portfolios_user_id", "user_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    user_id: Mapped[int] = mapped_column(IdType, ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(String(500), default="")
    currency: Mapped[str] = mapped_column(String(10), default="USDT")
    initial_balance: Mapped[Decimal] = mapped_column(Amount())
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class Trade(Base):
    __tablename__ = "trades"
    __table_args__ = (
        Index("ix_trades_portfolio_id", "portfolio_id"),
        # The day's creation count per user (deleted trades included).
        Index("ix_trades_user_id_created_at", "user_id", "created_at"),
        Index("ix_trades_signal_id", "signal_id"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    portfolio_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("portfolios.id", ondelete="CASCADE")
    )
    user_id: Mapped[int] = mapped_column(IdType, ForeignKey("users.id", ondelete="CASCADE"))
    symbol_id: Mapped[int] = mapped_column(Integer, ForeignKey("symbols.id"))
    direction: Mapped[str] = mapped_column(String(5))  # long, short
    status: Mapped[str] = mapped_column(String(9))  # pending, open, closed, cancelled
    entry_price: Mapped[Decimal] = mapped_column(Amount())
    quantity: Mapped[Decimal | None] = mapped_column(Amount(), default=None)
    entry_time: Mapped[datetime | None] = mapped_column(default=None)
    stop_loss: Mapped[Decimal | None] = mapped_column(Amount(), default=None)
    initial_stop_loss: Mapped[Decimal | None] = mapped_column(Amount(), default=None)
    take_profit: Mapped[Decimal | None] = mapped_column(Amount(), default=None)
    fees: Mapped[Decimal] = mapped_column(Amount())
    exit_price: Mapped[Decimal | None] = mapped_column(Amount(), default=None)
    exit_time: Mapped[datetime | None] = mapped_column(default=None)
    timeframe: Mapped[str | None] = mapped_column(String(4), default=None)
    pattern_type: Mapped[str | None] = mapped_column(String(20), default=None)
    signal_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("signals.id", ondelete="SET NULL"), default=None
    )
    setup_notes: Mapped[str | None] = mapped_column(Text, default=None)
    exit_notes: Mapped[str | None] = mapped_column(Text, default=None)
    lessons: Mapped[str | None] = mapped_column(Text, default=None)
    pnl: Mapped[Decimal | None] = mapped_column(Amount(WIDE), default=None)
    pnl_pct: Mapped[Decimal | None] = mapped_column(Amount(WIDE), default=None)
    r_multiple: Mapped[Decimal | None] = mapped_column(Amount(WIDE), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class Tag(Base):
    """A user's own label for trades (never shared). `name_key` is the name case-folded, so
    uniqueness ignores case on both backends whatever the column collation."""

    __tablename__ = "portfolio_tags"
    __table_args__ = (UniqueConstraint("user_id", "name_key"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    user_id: Mapped[int] = mapped_column(IdType, ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(50))
    name_key: Mapped[str] = mapped_column(String(50))
    color: Mapped[str] = mapped_column(String(7), default="#6366f1")
    description: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TradeTag(Base):
    """A tag on a trade; goes with either (deleting a tag removes it from the trades)."""

    __tablename__ = "trade_tags"
    __table_args__ = (Index("ix_trade_tags_tag_id", "tag_id"),)

    trade_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("trades.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("portfolio_tags.id", ondelete="CASCADE"), primary_key=True
    )


class JournalEntry(Base):
    """A note on a trade: pre_trade, during, post_trade or lesson, with an optional mood.
    Plain text, never rendered as HTML. `user_id` repeated for owner-scoped reads."""

    __tablename__ = "journal_entries"
    __table_args__ = (Index("ix_journal_entries_trade_id", "trade_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    trade_id: Mapped[int] = mapped_column(IdType, ForeignKey("trades.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(IdType, ForeignKey("users.id", ondelete="CASCADE"))
    entry_type: Mapped[str] = mapped_column(String(10), default="during")
    mood: Mapped[str | None] = mapped_column(String(10), default=None)
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
