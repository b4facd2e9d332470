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
    data_source: Literal["exchange", "replay"]
    version: str


class LivenessOut(BaseModel):
    status: Literal["alive"] = "alive"
