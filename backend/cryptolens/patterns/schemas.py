"""Out-models of the patterns API."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from cryptolens.market.schemas import SYMBOL_FROM_ID, SymbolName

PatternType = Literal["fvg", "order_block", "liquidity_sweep"]
Direction = Literal["bullish", "bearish"]
PatternStatus = Literal["active", "filled", "invalidated", "expired"]


# Built from a `Pattern` row, with the symbol names in the context (symbol_names_context).
class PatternOut(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": 812,
                    "symbol": "BTC/USDT",
                    "timeframe": "1h",
                    "type": "fvg",
                    "direction": "bullish",
                    "zone_low": 67850.0,
                    "zone_high": 68020.5,
                    "formed_at": 1710000000000,
                    "confirmed_at": 1710003600000,
                    "expires_at": 1710259200000,
                    "strength": 0.6425,
                    "status": "active",
                    "touched_at": None,
                    "fill_pct": 0.0,
                    "filled_at": None,
                    "invalidated_at": None,
                    "expired_at": None,
                }
            ]
        },
    )

    id: int
    symbol: SymbolName = Field(validation_alias=SYMBOL_FROM_ID)
    timeframe: str
    type: PatternType
    direction: Direction
    zone_low: float
    zone_high: float
    formed_at: int = Field(description="open time (ms UTC) of the candle that completed it")
    confirmed_at: int = Field(description="close of that candle: when it became knowable")
    expires_at: int = Field(description="formed_at + the timeframe's expiry")
    strength: float = Field(ge=0, le=1)
    status: PatternStatus
    touched_at: int | None
    fill_pct: float = Field(ge=0, le=100)
    filled_at: int | None
    invalidated_at: int | None
    expired_at: int | None
