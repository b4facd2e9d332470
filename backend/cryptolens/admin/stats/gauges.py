"""The business gauges of the API's /metrics, counted on scrape:

- `cryptolens_users_active`: active users with a verified email;
- `cryptolens_subscriptions_active{plan}`: subscriptions conferring their plan's tier now
  (pro, premium);
- `cryptolens_symbols_by_freshness{freshness}`: active symbols by the age of their newest 1m
  candle (live, recent, stale, old, none as /api/health counts them): the stale-data alert.

Three counts, kept 60 s in the shared cache (Redis when configured) so every API process
reports the same numbers. When they cannot be counted (the database is down or slow) the
samples are omitted, never reported as 0."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.auth import reads as accounts
from cryptolens.billing import reads as billing
from cryptolens.core.cache import Cache, get_or_compute
from cryptolens.core.clock import Clock
from cryptolens.core.metrics import GaugeReading, ScrapeHook
from cryptolens.market import service as market
from cryptolens.market.schemas import FreshnessCounts

log = logging.getLogger("cryptolens.metrics")

GAUGES_KEY = "metrics:business_gauges"
GAUGES_TTL_SECONDS = 60
USERS_ACTIVE = "cryptolens_users_active"
SUBSCRIPTIONS_ACTIVE = "cryptolens_subscriptions_active"
SYMBOLS_BY_FRESHNESS = "cryptolens_symbols_by_freshness"
PLANS = ("pro", "premium")


def business_gauges(
    session_factory: async_sessionmaker[AsyncSession],
    cache: Cache,
    clock: Clock,
    timeout_seconds: float,
) -> ScrapeHook:
    """The scrape hook the composition root registers (core.metrics.install_metrics)."""

    async def count() -> dict[str, Any]:
        async with session_factory() as db:
            users = await accounts.active_verified_users(db)
            subscriptions = await billing.conferring_by_plan(db, clock.now())
            freshness = await market.freshness_counts(db, now=clock.now())
        return {
            "users_active": users,
            "subscriptions_active": subscriptions,
            "symbols_by_freshness": freshness.model_dump(),
        }

    async def read() -> Sequence[GaugeReading]:
        try:
            counts: dict[str, Any] | None = await asyncio.wait_for(
                get_or_compute(cache, GAUGES_KEY, GAUGES_TTL_SECONDS, count),
                timeout=timeout_seconds,
            )
        except Exception as exc:  # whatever kept us from counting: no sample, not a 0
            log.warning("metrics.gauges_unavailable", extra={"error": repr(exc)})
            counts = None
        return readings(counts)

    return read


def readings(counts: dict[str, Any] | None) -> list[GaugeReading]:
    users = GaugeReading(USERS_ACTIVE, "Active users with a verified email")
    subscriptions = GaugeReading(
        SUBSCRIPTIONS_ACTIVE,
        "Subscriptions conferring their plan's tier now, by plan",
        label_names=("plan",),
    )
    symbols = GaugeReading(
        SYMBOLS_BY_FRESHNESS,
        "Active symbols by the age of their newest 1m candle",
        label_names=("freshness",),
    )
    if counts is None:
        return [users, subscriptions, symbols]
    by_plan = counts["subscriptions_active"]
    by_freshness = counts["symbols_by_freshness"]
    return [
        GaugeReading(users.name, users.documentation, samples=(((), counts["users_active"]),)),
        GaugeReading(
            subscriptions.name,
            subscriptions.documentation,
            subscriptions.label_names,
            samples=tuple(((plan,), by_plan.get(plan, 0)) for plan in PLANS),
        ),
        GaugeReading(
            symbols.name,
            symbols.documentation,
            symbols.label_names,
            samples=tuple(
                ((state,), by_freshness.get(state, 0)) for state in FreshnessCounts.model_fields
            ),
        ),
    ]
