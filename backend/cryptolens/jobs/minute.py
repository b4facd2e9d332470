"""The minute's pipeline, composed across domains (so it lives in the composition root): fan out
one scan per followed symbol; each scan fetches the symbol's new candles (market), then runs one
signal cycle per new closed minute (patterns and signals), then enqueues the pushes of the new
signals after the commit and reports events and metrics. Thin: the rules live in the services.
"""

from __future__ import annotations

from typing import cast

from cryptolens.core.metrics import PATTERNS_ACTIVE
from cryptolens.db import to_ms, unit_of_work
from cryptolens.job_context import JobContext, JobCounters, TransientJobError
from cryptolens.market import service as market
from cryptolens.market.sources.base import CandleSource
from cryptolens.market.sources.factory import open_candle_source
from cryptolens.market.workflows import FetchRequest, fetch_market_data
from cryptolens.patterns import reads as patterns
from cryptolens.signals.cycle import CycleResult
from cryptolens.signals.live_cycles import run_pending_cycles
from cryptolens.signals.reads import forget_matrix, renew_stats_generation
from cryptolens.signals.settings import CycleSettings
from cryptolens.signals.tasks import count_signal_metrics, publish_cycle_events
from cryptolens.webhooks.wanted import WantedEventTypes

CANDLE_SOURCE = "candle_source"
WANTED_EVENT_TYPES = "webhook_event_types"


def candle_source(ctx: JobContext) -> CandleSource:
    """One long-lived source per process (ccxt keeps its markets and rate limiter)."""
    source = ctx.resources.get(CANDLE_SOURCE)
    if source is None:
        source = open_candle_source(ctx.data_source, ctx.settings.market)
        ctx.resources[CANDLE_SOURCE] = source
    return cast(CandleSource, source)


def wanted_event_types(ctx: JobContext) -> WantedEventTypes:
    """One memo per process: a minute's scans share one read of the subscribed types."""
    wanted = ctx.resources.get(WANTED_EVENT_TYPES)
    if wanted is None:
        wanted = ctx.resources[WANTED_EVENT_TYPES] = WantedEventTypes()
    return cast(WantedEventTypes, wanted)


async def fetch_and_scan(ctx: JobContext) -> JobCounters:
    source = candle_source(ctx)
    minute = ctx.clock.now().strftime("%Y%m%dT%H%M")
    async with unit_of_work(ctx.session_factory) as session:
        symbols = await market.active_symbols(session, source.exchange_id)
    for symbol in symbols:
        # One job per symbol and minute: workers share the minute, a symbol's minute runs once.
        await ctx.enqueuer.enqueue(
            "scan_symbol", job_id=f"scan:{symbol.symbol}:{minute}", symbol=symbol.symbol
        )
    async with unit_of_work(ctx.session_factory) as session:
        for (pattern_type, timeframe), count in (await patterns.active_counts(session)).items():
            PATTERNS_ACTIVE.labels(type=pattern_type, timeframe=timeframe).set(count)
    return JobCounters(details={"symbols": len(symbols)})


async def scan_symbol(ctx: JobContext, symbol: str) -> JobCounters:
    """Fetch the symbol's new candles, then run one signal cycle per new closed minute."""
    settings = ctx.settings
    report = await fetch_market_data(
        ctx.session_factory,
        candle_source(ctx),
        FetchRequest(symbols=[symbol], backfill_depth_days=settings.market.backfill_depth_days),
        timeframes=settings.scan.timeframes,
    )
    [fetched] = report.symbols
    if fetched.error is not None:
        # The market domain already retried the exchange; the job retries the whole step.
        raise TransientJobError(fetched.error)
    async with unit_of_work(ctx.session_factory) as session:
        followed = await market.find_symbol(session, symbol)
        cycles = await run_pending_cycles(
            session, followed.id, to_ms(ctx.clock.now()), CycleSettings.of(settings)
        )
    # First after the commit: the SPA refetches the matrix and /stats on the events below.
    if any(cycle.changed_anything for cycle in cycles):
        await forget_matrix(ctx.cache, followed.id)
    if any(cycle.changed_counts for cycle in cycles):
        await renew_stats_generation(ctx.cache)
    # After the commit above, so the fan-out sees the signal (and a rollback enqueues nothing).
    for cycle in cycles:
        for signal_id in cycle.signals_created:
            await ctx.enqueuer.enqueue(
                "notify_signal", job_id=f"notify:{signal_id}", signal_id=signal_id
            )
    await queue_webhook_events(ctx, cycles)
    await publish_cycle_events(ctx.events, symbol, cycles, ctx.session_factory)
    count_signal_metrics(cycles)
    counters = JobCounters(candles_fetched=fetched.candles_stored)
    for cycle in cycles:
        counters.patterns_found += len(cycle.patterns_created)
        counters.signals_created += len(cycle.signals_created)
    counters.details["cycles"] = len(cycles)
    return counters


async def queue_webhook_events(ctx: JobContext, cycles: list[CycleResult]) -> None:
    """One fan-out job per event of the committed cycles (ids and names only); a catch-up's
    old events are dropped by the fan-out itself (webhooks.md, "Events")."""
    if not any(cycle.changed_anything for cycle in cycles):
        return
    wanted = await wanted_event_types(ctx).of_minute(ctx.session_factory, ctx.clock.now())
    for cycle in cycles:
        # (type, object id, previous status, status): the statuses for signal.updated only.
        events: list[tuple[str, int, str | None, str | None]] = [
            ("pattern.created", pattern_id, None, None) for pattern_id in cycle.patterns_created
        ]
        events += [("signal.created", signal_id, None, None) for signal_id in cycle.signals_created]
        events += [
            ("signal.updated", signal_id, before, after)
            for signal_id, (before, after) in cycle.status_changes.items()
            if before != after
        ]
        for event_type, object_id, previous_status, status in events:
            if event_type not in wanted:
                continue
            key = f"{event_type}:{object_id}" + (f":{status}" if status else "")
            await ctx.enqueuer.enqueue(
                "webhook_fanout",
                job_id=f"webhook-fanout:{key}",
                event_type=event_type,
                object_id=object_id,
                occurred_ms=cycle.close,
                previous_status=previous_status,
                status=status,
            )
