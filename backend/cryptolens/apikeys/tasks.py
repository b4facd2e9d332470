"""Job bodies of the API keys domain."""

from __future__ import annotations

from cryptolens.apikeys import service
from cryptolens.apikeys.usage import UsageCounters
from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext, JobCounters


async def flush_api_key_usage(ctx: JobContext) -> JobCounters:
    """The usage counted in the cache since the last run, added to api_key_usage and to each
    key's totals. A failed write gives the counters back for the next run."""
    counters = UsageCounters(ctx.cache, ctx.settings.api_keys.usage_days_kept)
    taken = await counters.take(ctx.clock.now().date())
    if not taken.key_ids:
        return JobCounters(details={"keys": 0})
    try:
        async with unit_of_work(ctx.session_factory) as db:
            written = await service.write_usage(db, taken)
    except BaseException:
        await counters.give_back(taken)
        raise
    return JobCounters(details={"keys": written})
