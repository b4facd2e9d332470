"""Request and response bodies of the write API (POST /scan, POST /fetch, GET /jobs/{id})."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from cryptolens.core.iso_times import IsoInstant
from cryptolens.core.params import parse_path_symbol

JobKind = Literal["scan", "fetch"]
RequestStatus = Literal["queued", "running", "succeeded", "failed"]
# One symbol's job: `skipped` when the same work was already running (the scheduled scan of
# that symbol, say) and covered it.
SymbolJobStatus = Literal["queued", "running", "succeeded", "failed", "skipped"]

# BTC/USDT or BTC-USDT, any case; anything else is a 422 naming the field.
SymbolIn = Annotated[
    str,
    BeforeValidator(parse_path_symbol),
    Field(description="BASE/QUOTE or BASE-QUOTE, any case", examples=["BTC/USDT"]),
]

MAX_SCAN_SYMBOLS = 100


class ScanIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    symbols: list[SymbolIn] | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_SCAN_SYMBOLS,
        description="The symbols to scan; left out or null: every active symbol your tier shows",
        examples=[["BTC/USDT", "ETH/USDT"]],
    )


class FetchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    symbol: SymbolIn
    timeframe: str | None = Field(
        default=None,
        max_length=10,
        description=(
            "Only this detection timeframe, fetched from its newest stored candle on; left "
            "out: every timeframe, as the minute's fetch does"
        ),
        examples=["1h"],
    )


class JobCountersOut(BaseModel):
    candles_fetched: int = Field(description="Candles stored by the request's jobs")
    patterns_found: int = Field(description="Patterns the scans found")
    signals_created: int = Field(description="Signals the scans created")


class SymbolJobOut(BaseModel):
    symbol: str = Field(examples=["BTC/USDT"])
    status: SymbolJobStatus
    error: str | None = Field(default=None, description="Why it failed or was skipped")


class JobRequestOut(BaseModel):
    id: str = Field(description="Pass to GET /api/v1/jobs/{id}", examples=["job_3f9c2a71d04b8e65"])
    kind: JobKind
    status: RequestStatus = Field(
        description=(
            "queued: no job started yet; running: some started, not all ended; succeeded: "
            "every job ended without failing; failed: at least one failed"
        )
    )
    symbols: list[str] = Field(description="The symbols its jobs cover", examples=[["BTC/USDT"]])
    timeframe: str | None = Field(description="A fetch's one timeframe (null: all of them)")
    created_at: IsoInstant
    finished_at: IsoInstant | None = Field(description="When its last job ended")
    error: str | None = Field(description="A short summary of what failed")
    counters: JobCountersOut
    jobs: list[SymbolJobOut] = Field(description="One job per symbol, in `symbols` order")
