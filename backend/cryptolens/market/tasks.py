"""The market's jobs (docs/operations.md, "Background jobs"): the daily candle health check
(sanity and aggregation against 1m for every followed symbol) and loading an exchange's markets
of one quote as inactive symbols. Thin: the rules live in the market service."""

from __future__ import annotations

from cryptolens.db import to_ms, unit_of_work
from cryptolens.job_context import JobContext, JobCounters, TransientJobError
from cryptolens.market import service as market
from cryptolens.market.errors import ExchangeUnavailableError


class DatabaseHealthError(RuntimeError):
    """Reported as a failed run, with what is wrong, so an operator sees it in job history."""


async def db_health(ctx: JobContext) -> JobCounters:
    """Repairs what the minutes can rebuild; reports invalid candles in the run's error."""
    counters = JobCounters(details={"buckets_rebuilt": 0})
    problems = []
    now_ms = to_ms(ctx.clock.now())
    async with unit_of_work(ctx.session_factory) as session:
        for symbol in await market.active_symbols_all(session):
            health = await market.check_candle_health(session, symbol, now_ms)
            counters.details["buckets_rebuilt"] += sum(health.rebuilt.values())
            if health.invalid_candles:
                problems.append(f"{health.symbol}: {health.invalid_candles} invalid candles")
    counters.details["invalid_symbols"] = len(problems)
    if problems:
        raise DatabaseHealthError("; ".join(problems))
    return counters


async def load_markets(ctx: JobContext, quote: str) -> JobCounters:
    """Adds each active spot market quoted in `quote` as an inactive symbol (admins enable
    the ones they want); symbols already stored are left as they are."""
    try:
        listings = await market.listed_markets(ctx.data_source, ctx.settings.market)
    except ExchangeUnavailableError as failure:
        # The source already retried; the job tries the whole listing again later.
        raise TransientJobError(failure.message) from failure
    exchange = market.source_exchange(ctx.data_source, ctx.settings.market)
    async with unit_of_work(ctx.session_factory) as session:
        loaded = await market.load_quote_markets(
            session, listings, exchange=exchange, quote=quote.upper()
        )
    return JobCounters(details={"added": loaded.added, "existing": loaded.existing})
