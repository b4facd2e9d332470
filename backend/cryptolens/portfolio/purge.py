"""The daily purge (shared/spec/portfolio.md: deleting is soft, "purged after 30 days"):
portfolios and trades soft-deleted more than 30 days ago are deleted for good.

A trade's tag links and journal entries, and a portfolio's trades, go with it through the
foreign keys' ON DELETE CASCADE (MariaDB's InnoDB; SQLite with `PRAGMA foreign_keys=ON`, set
on every connection by db.py). Each batch is its own transaction, so a long purge never holds
locks for long and a run cut short is simply finished by the next one (idempotent)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import InstrumentedAttribute

from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext, JobCounters
from cryptolens.portfolio.models import Portfolio, Trade

log = logging.getLogger("cryptolens.portfolio.purge")

RETENTION = timedelta(days=30)
# Rows deleted per transaction (with their cascaded children).
BATCH = 500


async def _purge_table(
    session_factory: async_sessionmaker[AsyncSession],
    model: type[Portfolio] | type[Trade],
    deleted_at: InstrumentedAttribute[datetime | None],
    cutoff: datetime,
) -> int:
    """Deletes the rows soft-deleted before `cutoff`, BATCH at a time; returns how many."""
    purged = 0
    while True:
        async with unit_of_work(session_factory) as session:
            ids = list(
                await session.scalars(
                    select(model.id).where(deleted_at < cutoff).order_by(model.id).limit(BATCH)
                )
            )
            if ids:
                await session.execute(delete(model).where(model.id.in_(ids)))
        purged += len(ids)
        if len(ids) < BATCH:
            return purged


async def purge_deleted(
    session_factory: async_sessionmaker[AsyncSession], now: datetime
) -> dict[str, int]:
    """Portfolios first (their trades go with them), then the trades deleted on their own."""
    cutoff = now - RETENTION
    portfolios = await _purge_table(session_factory, Portfolio, Portfolio.deleted_at, cutoff)
    trades = await _purge_table(session_factory, Trade, Trade.deleted_at, cutoff)
    counts = {"portfolios": portfolios, "trades": trades}
    log.info("portfolio.purge", extra={**counts, "cutoff": cutoff.isoformat()})
    return counts


async def portfolio_purge(ctx: JobContext) -> JobCounters:
    """The daily job: what purge_deleted removed, in the run history."""
    counts = await purge_deleted(ctx.session_factory, ctx.clock.now())
    return JobCounters(details=counts)
