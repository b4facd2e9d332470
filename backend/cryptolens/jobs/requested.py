"""Jobs the write API queues that the schedule has no use for (a scan is the schedule's own
`scan_symbol`): a fetch of one symbol's candles, without the signal cycle after it."""

from __future__ import annotations

from cryptolens.job_context import JobContext, JobCounters, TransientJobError
from cryptolens.jobs.minute import candle_source
from cryptolens.market.workflows import FetchRequest, fetch_market_data


async def fetch_symbol(ctx: JobContext, symbol: str, timeframe: str | None = None) -> JobCounters:
    """Brings one symbol's candles up to date: all of its timeframes the way the minute's
    fetch does (a backfill first if it never had one), or only `timeframe`, fetched from its
    newest stored candle on."""
    settings = ctx.settings
    report = await fetch_market_data(
        ctx.session_factory,
        candle_source(ctx),
        FetchRequest(
            symbols=[symbol],
            timeframes=None if timeframe is None else [timeframe],
            backfill_depth_days=settings.market.backfill_depth_days,
        ),
        timeframes=settings.scan.timeframes,
    )
    [fetched] = report.symbols
    if fetched.error is not None:
        # The market domain already retried the exchange; the job retries the whole fetch.
        raise TransientJobError(fetched.error)
    return JobCounters(candles_fetched=fetched.candles_stored)
