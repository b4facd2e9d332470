"""Response models of the operational endpoints."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class HealthOut(BaseModel):
    status: Literal["ok", "degraded", "down"] = Field(
        description="ok; degraded when the cache is down or data is stale; down without database"
    )
    database: Literal["ok", "down"]
    cache: Literal["ok", "down"]
    cache_backend: str = Field(examples=["memory", "redis"])
    data_source: Literal["exchange", "replay"] = Field(
        description="replay: the offline synthetic market (make run without network)"
    )
    freshness: dict[str, int] | None = Field(
        description="active symbols by age of their newest 1m candle (live < 5 min, recent < "
        "60 min, stale < 1 day, old, none); null when the database is down"
    )
    version: str


class LivenessOut(BaseModel):
    status: Literal["alive"] = "alive"
