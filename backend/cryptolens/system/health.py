"""Health checks: real round trips to the database and the cache, each bounded in time."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.core.cache import Cache
from cryptolens.market import service as market

log = logging.getLogger("cryptolens.health")

CHECK_TIMEOUT_SECONDS = 3.0
# The cache's own calls give up within settings.http.redis_timeout_seconds; this is the
# backstop that keeps /api/health answering within a second whatever Redis does.
CACHE_CHECK_TIMEOUT_SECONDS = 0.5

PartStatus = Literal["ok", "down"]
OverallStatus = Literal["ok", "degraded", "down"]


@dataclass(frozen=True)
class HealthReport:
    status: OverallStatus
    database: PartStatus
    cache: PartStatus
    cache_backend: str
    freshness: dict[str, int] | None


# Data counts as stale when a followed symbol has had no 1m candle for this long or more.
STALE_STATES = ("stale", "old", "none")


async def freshness_status(
    session_factory: async_sessionmaker[AsyncSession], now: datetime
) -> dict[str, int] | None:
    try:
        async with session_factory() as session:
            counts = await asyncio.wait_for(
                market.freshness_counts(session, now=now), timeout=CHECK_TIMEOUT_SECONDS
            )
    except Exception as exc:
        log.warning("health.freshness_failed", extra={"error": repr(exc)})
        return None
    return counts.model_dump()


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
        alive = await asyncio.wait_for(cache.ping(), timeout=CACHE_CHECK_TIMEOUT_SECONDS)
    except Exception as exc:
        log.warning("health.cache_down", extra={"error": repr(exc)})
        return "down"
    return "ok" if alive else "down"


async def check_health(
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    cache: Cache,
    now: datetime,
) -> HealthReport:
    database, cache_part = await asyncio.gather(database_status(engine), cache_status(cache))
    freshness = await freshness_status(session_factory, now) if database == "ok" else None
    stale = freshness is not None and any(freshness[state] for state in STALE_STATES)
    overall: OverallStatus = "ok"
    if database == "down":
        overall = "down"
    elif cache_part == "down" or stale:
        overall = "degraded"
    return HealthReport(
        status=overall,
        database=database,
        cache=cache_part,
        cache_backend=cache.backend,
        freshness=freshness,
    )
