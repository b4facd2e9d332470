"""The signals domain's jobs and what the minute's pipeline (jobs/minute.py) reports after a
cycle: the statistics cache refresh, the live stream events and the signal metrics. Thin: the
rules live in the services these bodies call."""

from __future__ import annotations

from cryptolens.core.events import EventBus
from cryptolens.core.metrics import SIGNAL_OUTCOMES_TOTAL, SIGNALS_TOTAL
from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext, JobCounters
from cryptolens.market import service as market
from cryptolens.signals.cycle import CycleResult
from cryptolens.signals.reads import refresh_global_stats


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


async def publish_cycle_events(events: EventBus, symbol: str, cycles: list[CycleResult]) -> None:
    """The live stream: what the cycles created or changed, by id (clients fetch details)."""
    kinds = (
        ("pattern.created", "patterns_created"),
        ("pattern.updated", "patterns_updated"),
        ("signal.created", "signals_created"),
        ("signal.updated", "signals_changed"),
    )
    for cycle in cycles:
        for event_type, attribute in kinds:
            for item_id in getattr(cycle, attribute):
                await events.publish(event_type, {"id": item_id, "symbol": symbol})
