"""Health checks: real round trips to the database and the cache, each bounded in time."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens.core.cache import Cache

log = logging.getLogger("cryptolens.health")

CHECK_TIMEOUT_SECONDS = 3.0

PartStatus = Literal["ok", "down"]
OverallStatus = Literal["ok", "degraded", "down"]


@dataclass(frozen=True)
class HealthReport:
    status: OverallStatus
    database: PartStatus
    cache: PartStatus
    cache_backend: str


async def database_status(engine: AsyncEngine) -> PartStatus:
    async def probe() -> None:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    try:
        await asyncio.wait_for(probe(), timeout=CHECK_TIMEOUT_SECONDS)
    except Exception as exc:  # any failure to answer means down
        log.warning("health.database_down", extra={"error": repr(exc)})
        return "down"
    return "ok"


async def cache_status(cache: Cache) -> PartStatus:
    try:
        alive = await asyncio.wait_for(cache.ping(), timeout=CHECK_TIMEOUT_SECONDS)
    except Exception as exc:
        log.warning("health.cache_down", extra={"error": repr(exc)})
        return "down"
    return "ok" if alive else "down"


async def check_health(engine: AsyncEngine, cache: Cache) -> HealthReport:
    database, cache_part = await asyncio.gather(database_status(engine), cache_status(cache))
    overall: OverallStatus = "ok"
    if database == "down":
        overall = "down"
    elif cache_part == "down":
        overall = "degraded"
    return HealthReport(
        status=overall, database=database, cache=cache_part, cache_backend=cache.backend
    )
