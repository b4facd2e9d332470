"""The daily candle health check, as a job (docs/operations.md, "Background jobs"): sanity and
aggregation against 1m for every followed symbol. Thin: the checks and repairs live in the market
service."""

from __future__ import annotations

from cryptolens.db import to_ms, unit_of_work
from cryptolens.job_context import JobContext, JobCounters
from cryptolens.market import service as market


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
