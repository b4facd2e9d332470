"""Out-models of the market API (routes wrap them in the envelope)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AliasChoices, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo

from cryptolens.core.iso_times import IsoInstant
from cryptolens.market.freshness import Freshness

# Rows of other domains name their symbol by id; an out-model reads the name from the mapping
# passed in the validation context, e.g. `PatternOut.model_validate(row, context=...)`.
SYMBOL_NAMES = "symbol_names"


def symbol_names_context(names: Mapping[int, str]) -> dict[str, Any]:
    return {SYMBOL_NAMES: names}


def _name_of_symbol_id(value: object, info: ValidationInfo) -> object:
    if type(value) is not int:
        return value  # already a name (or None: every symbol)
    names: Mapping[int, str] = (info.context or {}).get(SYMBOL_NAMES, {})
    return names.get(value, "?")


# `symbol: SymbolName = Field(validation_alias=SYMBOL_FROM_ID)`: the symbol's name, given
# either the name itself or (from a row) its `symbol_id`.
SymbolName = Annotated[str, BeforeValidator(_name_of_symbol_id)]
SYMBOL_FROM_ID = AliasChoices("symbol", "symbol_id")


class SymbolOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "symbol": "BTC/USDT",
                    "url_symbol": "BTC-USDT",
                    "exchange": "binance",
                    "base": "BTC",
                    "quote": "USDT",
                    "is_active": True,
                    "tick_size": 0.01,
                    "price_precision": 2,
                    "added_at": "2024-03-01T12:00:00.000Z",
                    "freshness": "live",
                    "last_candle_time": 1710000000000,
                    "last_price": 68123.45,
                    "change_24h_pct": -1.84,
                    "last_fetch_error": None,
                }
            ]
        }
    )

    symbol: str = Field(description="ccxt form, BASE/QUOTE")
    url_symbol: str = Field(description="BASE-QUOTE, as used in URLs")
    exchange: str = Field(description="ccxt exchange id, or `replay` for the demo market")
    base: str
    quote: str
    is_active: bool
    tick_size: float | None = Field(description="smallest price step on the exchange")
    price_precision: int | None = Field(description="decimals of the price step")
    added_at: IsoInstant
    freshness: Freshness
    last_candle_time: int | None = Field(description="open time (ms UTC) of the newest 1m candle")
    last_price: float | None = Field(description="close of the newest 1m candle")
    change_24h_pct: float | None = Field(description="change of the last price over 24 hours, %")
    last_fetch_error: str | None = Field(description="why the last fetch failed, if it did")


class CandleOut(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,  # built from Candle rows
        json_schema_extra={
            "examples": [
                {
                    "time": 1710000000000,
                    "open": 68100.0,
                    "high": 68150.5,
                    "low": 68090.1,
                    "close": 68123.45,
                    "volume": 12.3456,
                }
            ]
        },
    )

    time: int = Field(
        validation_alias=AliasChoices("time", "open_time"),
        description="open time, ms since the epoch, UTC",
    )
    open: float
    high: float
    low: float
    close: float
    volume: float
    forming: bool = Field(
        default=False,
        description="true for the forming candle (`include_forming=true`): its bucket is still "
        "open and it changes with every new minute",
    )


COMPACT_CANDLE_COLUMNS = ["time", "open", "high", "low", "close", "volume"]


class CompactCandles(BaseModel):
    """`?format=compact`: the same candles as rows of numbers, a third of the bytes."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "columns": ["time", "open", "high", "low", "close", "volume"],
                    "rows": [[1710000000000, 68100.0, 68150.5, 68090.1, 68123.45, 12.3456]],
                }
            ]
        }
    )

    columns: list[str] = Field(description="the meaning of each row's values, in order")
    rows: list[list[int | float]] = Field(
        description="one row per closed candle, ascending by time"
    )
    # A field of its own, not a row, so `rows` stays the closed candles for every client.
    forming: list[int | float] | None = Field(
        default=None,
        description="the forming candle as a row of `columns` (`include_forming=true`), or null",
    )

    @classmethod
    def of(cls, candles: list[CandleOut], forming: CandleOut | None = None) -> CompactCandles:
        return cls(
            columns=COMPACT_CANDLE_COLUMNS,
            rows=[_row(c) for c in candles],
            forming=None if forming is None else _row(forming),
        )


def _row(candle: CandleOut) -> list[int | float]:
    return [candle.time, candle.open, candle.high, candle.low, candle.close, candle.volume]


class CandlePage(BaseModel):
    candles: list[CandleOut] = Field(description="closed candles, ascending by time")
    next_cursor: int | None = Field(
        description="with `start`: the next page's `start`; without: the next older page's "
        "`end` (ms); null when this page reached the end"
    )
    forming: CandleOut | None = Field(default=None, description="the forming candle, if asked")


class FreshnessCounts(BaseModel):
    """Active symbols by the age of their newest 1m candle."""

    live: int = 0
    recent: int = 0
    stale: int = 0
    old: int = 0
    none: int = 0
