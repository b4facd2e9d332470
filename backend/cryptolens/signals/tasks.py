"""The signals domain's jobs and what the minute's pipeline (jobs/minute.py) reports after a
cycle: the statistics cache refresh, the live stream events and the signal metrics. Thin: the
rules live in the services these bodies call."""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.events import EventBus
from cryptolens.core.metrics import SIGNAL_OUTCOMES_TOTAL, SIGNALS_TOTAL
from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext, JobCounters
from cryptolens.market import service as market
from cryptolens.signals.cycle import CycleResult
from cryptolens.signals.reads import live_objects, refresh_global_stats

log = logging.getLogger("cryptolens.signals.tasks")


async def refresh_stats(ctx: JobContext) -> JobCounters:
    """The global statistics, recomputed into the cache ahead of readers, and each symbol's
    candle coverage per detection timeframe (the admin's symbol list)."""
    async with unit_of_work(ctx.session_factory) as session:
        await refresh_global_stats(
            session, ctx.cache, ctx.settings.signals.stats_windows_days, ctx.clock.now()
        )
    async with unit_of_work(ctx.session_factory) as session:
        rows = await market.refresh_coverage(session, ctx.settings.scan.timeframes, ctx.clock.now())
    return JobCounters(details={"coverage_rows": rows})


def count_signal_metrics(cycles: list[CycleResult]) -> None:
    for cycle in cycles:
        for direction in cycle.directions_created:
            SIGNALS_TOTAL.labels(direction=direction).inc()
        for outcome in cycle.outcomes:
            SIGNAL_OUTCOMES_TOTAL.labels(outcome=outcome).inc()


# Event type by the cycle result's list of ids.
_EVENT_KINDS = (
    ("pattern.created", "patterns_created"),
    ("pattern.updated", "patterns_updated"),
    ("signal.created", "signals_created"),
    ("signal.updated", "signals_changed"),
)


async def publish_cycle_events(
    events: EventBus,
    symbol: str,
    cycles: list[CycleResult],
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """The live stream: what the cycles created or changed, in order."""
    changes = [
        (event_type, item_id)
        for cycle in cycles
        for event_type, attribute in _EVENT_KINDS
        for item_id in getattr(cycle, attribute)
    ]
    await publish_changes(events, session_factory, symbol, changes)


async def publish_changes(
    events: EventBus,
    session_factory: async_sessionmaker[AsyncSession],
    symbol: str,
    changes: list[tuple[str, int]],
) -> None:
    """One event per change, carrying the object as GET /patterns/{id} or /signals/{id} shows
    it now (after the cycles' commit). Built here, once per event: the same for every tier
    (the reads hide objects, never fields), so each viewer only decides from the object
    whether its lists show it (signals/stream_viewer.py), without a query. One that vanished
    meanwhile goes out by id, which a viewer then looks up (and finds hidden)."""
    if not changes:
        return
    pattern_ids = sorted({item for kind, item in changes if kind.startswith("pattern.")})
    signal_ids = sorted({item for kind, item in changes if kind.startswith("signal.")})
    try:
        async with unit_of_work(session_factory) as session:
            patterns, signals = await live_objects(session, pattern_ids, signal_ids)
    except (SQLAlchemyError, OSError, TimeoutError) as failure:
        # The cycles are committed: their events still go out, by id.
        log.warning("stream.objects_unavailable", extra={"error": repr(failure)})
        patterns, signals = {}, {}
    for event_type, item_id in changes:
        found = patterns if event_type.startswith("pattern.") else signals
        await events.publish(event_type, found.get(item_id) or {"id": item_id, "symbol": symbol})
