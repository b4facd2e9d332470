"""The minute's work: fan out one scan per active symbol; each scan fetches the symbol's new
candles and runs detection on them. Thin: the rules live in the market and patterns domains."""

from __future__ import annotations

from typing import cast

from cryptolens.core.events import EventBus
from cryptolens.core.metrics import PATTERNS_ACTIVE, SIGNAL_OUTCOMES_TOTAL, SIGNALS_TOTAL
from cryptolens.db import to_ms, unit_of_work
from cryptolens.jobs.context import JobContext
from cryptolens.jobs.errors import TransientJobError
from cryptolens.jobs.registry import job
from cryptolens.market import service as market
from cryptolens.market.fetch import FetchRequest, fetch_market_data
from cryptolens.market.sources.base import CandleSource
from cryptolens.market.sources.factory import open_candle_source
from cryptolens.patterns import service as patterns
from cryptolens.signals.cycle import CycleResult, run_pending_cycles
from cryptolens.signals.reads import forget_matrix
from cryptolens.signals.settings import SignalSettings
from cryptolens.system.job_runs import JobCounters

CANDLE_SOURCE = "candle_source"


def candle_source(ctx: JobContext) -> CandleSource:
    """One long-lived source per process (ccxt keeps its markets and rate limiter)."""
    source = ctx.resources.get(CANDLE_SOURCE)
    if source is None:
        source = open_candle_source(ctx.data_source, ctx.settings)
        ctx.resources[CANDLE_SOURCE] = source
    return cast(CandleSource, source)


@job("fetch_and_scan", queue="default")
async def fetch_and_scan(ctx: JobContext) -> JobCounters:
    source = candle_source(ctx)
    minute = ctx.clock.now().strftime("%Y%m%dT%H%M")
    async with unit_of_work(ctx.session_factory) as session:
        symbols = await market.active_symbols(session, source.exchange_id)
    counters = JobCounters()
    for symbol in symbols:
        # One job per symbol and minute: workers share the minute, a slot runs once.
        await ctx.enqueuer.enqueue(
            "scan_symbol", job_id=f"scan:{symbol.symbol}:{minute}", symbol=symbol.symbol
        )
    counters.details["symbols"] = len(symbols)
    async with unit_of_work(ctx.session_factory) as session:
        for (pattern_type, timeframe), count in (await patterns.active_counts(session)).items():
            PATTERNS_ACTIVE.labels(type=pattern_type, timeframe=timeframe).set(count)
    return counters


@job("scan_symbol", queue="default")
async def scan_symbol(ctx: JobContext, symbol: str) -> JobCounters:
    """Fetch the symbol's new candles, then run one signal cycle per new closed minute."""
    report = await fetch_market_data(
        ctx.session_factory,
        candle_source(ctx),
        FetchRequest(symbols=[symbol], backfill_depth_days=ctx.settings.backfill_depth_days),
        timeframes=ctx.settings.detection_timeframes,
    )
    [fetched] = report.symbols
    if fetched.error is not None:
        # The market domain already retried the exchange; the job retries the whole step.
        raise TransientJobError(fetched.error)
    async with unit_of_work(ctx.session_factory) as session:
        followed = await market.find_symbol(session, symbol)
        cycles = await run_pending_cycles(
            session,
            followed.id,
            to_ms(ctx.clock.now()),
            SignalSettings.from_settings(ctx.settings),
        )
    # After the commit above, so the fan-out sees the signal (and a rollback enqueues nothing).
    for cycle in cycles:
        for signal_id in cycle.signals_created:
            await ctx.enqueuer.enqueue(
                "notify_signal", job_id=f"notify:{signal_id}", signal_id=signal_id
            )
    await publish_cycle_events(ctx.events, symbol, cycles)
    count_signal_metrics(cycles)
    counters = JobCounters(candles_fetched=fetched.candles_stored)
    for cycle in cycles:
        counters.patterns_found += len(cycle.patterns_created)
        counters.signals_created += len(cycle.signals_created)
    counters.details["cycles"] = len(cycles)
    if any(
        cycle.patterns_created
        or cycle.patterns_updated
        or cycle.signals_created
        or cycle.signals_changed
        for cycle in cycles
    ):
        await forget_matrix(ctx.cache, followed.id)
    return counters


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
