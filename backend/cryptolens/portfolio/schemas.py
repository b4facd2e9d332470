"""Request and response bodies of the portfolio routes. Prices, quantities and money are
decimal strings in JSON (`"101.25"`), at most 12 decimals, read and computed as Decimal."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
)

from cryptolens.core.iso_times import IsoInstant
from cryptolens.portfolio.journal_schemas import JournalEntryOut

Direction = Literal["long", "short"]
TradeStatus = Literal["pending", "open", "closed", "cancelled"]
CreatedStatus = Literal["pending", "open"]
Timeframe = Literal["1m", "5m", "15m", "1h", "4h", "1d"]
PatternType = Literal["fvg", "order_block", "liquidity_sweep"]

MAX_PRICE = Decimal(1_000_000_000)
MAX_QUANTITY = Decimal(10) ** 15


def plain_decimal(value: Decimal) -> str:
    """`Decimal("101.250000000000")` as "101.25": no exponent, no trailing zeros."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# A decimal in an answer: always a string.
DecimalOut = Annotated[
    Decimal,
    PlainSerializer(plain_decimal, return_type=str, when_used="json"),
    WithJsonSchema(
        {"type": "string", "pattern": r"^-?\d+(\.\d+)?$", "examples": ["101.25"]},
        mode="serialization",
    ),
]


def _decimal_in(*, gt: Decimal | None = None, ge: Decimal | None = None, le: Decimal) -> object:
    return Field(gt=gt, ge=ge, le=le, decimal_places=12, allow_inf_nan=False)


Price = Annotated[Decimal, _decimal_in(gt=Decimal(0), le=MAX_PRICE), Field(examples=["101.25"])]
Quantity = Annotated[Decimal, _decimal_in(gt=Decimal(0), le=MAX_QUANTITY), Field(examples=["2"])]
Fees = Annotated[Decimal, _decimal_in(ge=Decimal(0), le=MAX_QUANTITY), Field(examples=["1.5"])]
Balance = Annotated[
    Decimal,
    _decimal_in(ge=Decimal("0.01"), le=MAX_PRICE),
    Field(examples=["10000"]),
]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{2,10}$")]
Notes = Annotated[str, StringConstraints(max_length=5000)]
SymbolName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=3, max_length=41, to_upper=True)
]
When = Annotated[AwareDatetime, Field(examples=["2026-01-02T03:04:05Z"])]
EntityIdIn = Annotated[int, Field(ge=1, le=2**63 - 1)]

MAX_TAGS_PER_TRADE = 10
TAG_NAME_MAX = 50
DEFAULT_TAG_COLOR = "#6366f1"


def tag_name_key(name: str) -> str:
    """What makes two tag names the same one: the name case-folded (`Scalp` = `SCALP`)."""
    return name.casefold()


def _tag_name(name: str) -> str:
    # `;` joins tag names in the CSV export; control characters would break a line of it.
    if ";" in name:
        raise ValueError("may not contain ;")
    if any(unicodedata.category(char) == "Cc" for char in name):
        raise ValueError("may not contain control characters")
    # The stored key is the case-folded name, which can be longer (`ß` folds to `ss`).
    if len(tag_name_key(name)) > TAG_NAME_MAX:
        raise ValueError(f"at most {TAG_NAME_MAX} characters once case is ignored")
    return name


TagName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=TAG_NAME_MAX),
    AfterValidator(_tag_name),
    Field(examples=["breakout"]),
]
TagColor = Annotated[
    str,
    StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$", to_lower=True),
    Field(examples=[DEFAULT_TAG_COLOR]),
]
TagDescription = Annotated[str, StringConstraints(max_length=200)]
TagIds = Annotated[
    list[EntityIdIn],
    Field(max_length=MAX_TAGS_PER_TRADE, description="Up to 10 of the caller's tag ids"),
]


# Portfolios


class PortfolioIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name = Field(examples=["Swing trades"])
    description: str = Field(default="", max_length=500)
    currency: Currency = Field(default="USDT", examples=["USDT"])
    initial_balance: Balance = Decimal(10_000)


class PortfolioPatch(BaseModel):
    """Only the fields sent change."""

    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    description: str | None = Field(default=None, max_length=500)
    currency: Currency | None = None
    initial_balance: Balance | None = None


class PortfolioOut(BaseModel):
    id: int
    name: str
    description: str
    currency: str
    initial_balance: DecimalOut
    balance: DecimalOut = Field(description="initial_balance + the closed trades' pnl")
    total_pnl: DecimalOut
    total_pnl_pct: DecimalOut = Field(description="total_pnl / initial_balance * 100")
    pending_trades: int
    open_trades: int
    created_at: IsoInstant


class DeletedOut(BaseModel):
    message: str


# Trades


class TradeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    symbol: SymbolName = Field(examples=["BTC/USDT"])
    direction: Direction
    status: CreatedStatus = Field(default="open", description="open (quantity required) or pending")
    entry_price: Price
    quantity: Quantity | None = None
    entry_time: When | None = Field(default=None, description="Default: when opened")
    stop_loss: Price | None = None
    take_profit: Price | None = None
    fees: Fees = Decimal(0)
    timeframe: Timeframe | None = None
    pattern_type: PatternType | None = None
    setup_notes: Notes | None = None
    lessons: Notes | None = None
    tags: TagIds = Field(default_factory=list)


class TradePatch(BaseModel):
    """Only the fields sent change; `null` clears an optional one. Status, signal and the
    derived figures are not editable; exit fields on closed trades only; on cancelled ones
    notes and tags only. `tags` replaces the trade's tags (`[]`: none)."""

    model_config = ConfigDict(extra="forbid")

    symbol: SymbolName | None = None
    direction: Direction | None = None
    entry_price: Price | None = None
    quantity: Quantity | None = None
    entry_time: When | None = None
    stop_loss: Price | None = None
    initial_stop_loss: Price | None = None
    take_profit: Price | None = None
    fees: Fees | None = None
    exit_price: Price | None = None
    exit_time: When | None = None
    timeframe: Timeframe | None = None
    pattern_type: PatternType | None = None
    setup_notes: Notes | None = None
    exit_notes: Notes | None = None
    lessons: Notes | None = None
    tags: TagIds | None = None


class OpenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entry_price: Price | None = None
    quantity: Quantity | None = None
    entry_time: When | None = None
    fees: Fees | None = None


class CloseIn(BaseModel):
    """Exactly one of exit_price and `at_market: true` (the newest stored 1m close)."""

    model_config = ConfigDict(extra="forbid")

    exit_price: Price | None = None
    at_market: bool = False
    exit_time: When | None = None
    fees: Fees | None = None
    exit_notes: Notes | None = None


class CancelIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    exit_notes: Notes | None = None


class TradeTagOut(BaseModel):
    """A tag on a trade, enough to draw it without reading the tags."""

    id: int
    name: str
    color: str


class TradeOut(BaseModel):
    id: int
    portfolio_id: int
    symbol: str
    direction: Direction
    status: TradeStatus
    entry_price: DecimalOut
    quantity: DecimalOut | None
    entry_time: IsoInstant | None
    stop_loss: DecimalOut | None
    initial_stop_loss: DecimalOut | None
    take_profit: DecimalOut | None
    fees: DecimalOut
    exit_price: DecimalOut | None
    exit_time: IsoInstant | None
    timeframe: str | None
    pattern_type: str | None
    signal_id: int | None
    setup_notes: str | None
    exit_notes: str | None
    lessons: str | None
    pnl: DecimalOut | None = Field(description="Closed trades: rounded half-even to 8 decimals")
    pnl_pct: DecimalOut | None
    r_multiple: DecimalOut | None = Field(description="pnl / (|entry - initial stop| * quantity)")
    tags: list[TradeTagOut] = Field(description="The trade's tags, by name")
    created_at: IsoInstant


# A trade from a signal


class JournalSignalIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    portfolio_id: int | None = Field(
        default=None, ge=1, le=2**63 - 1, description="Default: the oldest, else a new one"
    )
    quantity: Quantity | None = None


class JournalSignalOut(BaseModel):
    portfolio_id: int
    trade: TradeOut = Field(description="pending, with the signal's entry, stop and take_profit_2")
    entry: JournalEntryOut = Field(description="The trade's pre_trade entry: the signal in words")


# Tags


class TagIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: TagName = Field(description="1-50 characters, no `;`; unique per user ignoring case")
    color: TagColor = DEFAULT_TAG_COLOR
    description: TagDescription = ""


class TagPatch(BaseModel):
    """Only the fields sent change."""

    model_config = ConfigDict(extra="forbid")

    name: TagName | None = None
    color: TagColor | None = None
    description: TagDescription | None = None


class TagOut(BaseModel):
    id: int
    name: str
    color: str
    description: str
    created_at: IsoInstant
