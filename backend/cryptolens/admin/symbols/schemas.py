"""The symbols as the admin API shows and changes them (admin.md, "Symbols")."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from cryptolens.core.iso_times import IsoInstant

# ccxt form in bodies (`BTC/USDT`, any case); stored and shown upper case.
SYMBOL_PATTERN = r"^[A-Za-z0-9]{1,20}/[A-Za-z0-9]{1,20}$"
QUOTE_PATTERN = r"^[A-Za-z0-9]{1,20}$"
# market-data.md: how old the newest 1m candle is.
FreshnessName = Literal["live", "recent", "stale", "old", "none"]


class TimeframeCoverageOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    timeframe: str = Field(examples=["1h"])
    first_open_time: int | None = Field(description="Oldest stored candle, ms UTC")
    last_open_time: int | None = Field(description="Newest stored candle, ms UTC")
    candle_count: int = Field(description="Stored candles between them")
    coverage: float | None = Field(
        description="candle_count / buckets from the first to the last open time (1.0: no hole);"
        " null without candles"
    )
    computed_at: IsoInstant | None = Field(description="When refresh_stats counted them")


class AdminSymbolOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    symbol: str = Field(examples=["BTC/USDT"])
    url_symbol: str = Field(examples=["BTC-USDT"], description="The form used in URLs")
    exchange: str = Field(examples=["binance"])
    base: str
    quote: str
    is_active: bool = Field(description="Fetched and scanned; false: soft-deleted, candles kept")
    is_mandatory: bool = Field(description="Cannot be disabled (setting mandatory_symbols)")
    tick_size: float | None
    price_precision: int | None
    added_at: IsoInstant
    removed_at: IsoInstant | None
    backfilled_at: IsoInstant | None = Field(
        description="When its history was last fetched back to the backfill depth"
    )
    last_fetch_at: IsoInstant | None
    last_fetch_error: str | None
    freshness: FreshnessName
    last_candle_time: int | None = Field(description="Newest 1m open time, ms UTC")
    coverage: list[TimeframeCoverageOut] = Field(
        description="Per detection timeframe, as refresh_stats last counted (empty before)"
    )


class SymbolAddIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    symbol: Annotated[str, Field(pattern=SYMBOL_PATTERN, examples=["ADA/USDT"])]


class SymbolPatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    is_active: StrictBool


class SymbolChangeOut(BaseModel):
    symbol: AdminSymbolOut
    job_id: str | None = Field(
        description="The backfill job queued after the change (null: none needed, or the queue "
        "could not take it; the next minute's fetch backfills an enabled symbol anyway)"
    )


class LoadMarketsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quote: Annotated[str, Field(pattern=QUOTE_PATTERN, examples=["USDT"])]


class LoadMarketsOut(BaseModel):
    job_id: str = Field(description="The load_markets job (its counters: added, existing)")
