"""The daily `portfolio_purge` (shared/spec/portfolio.md: a deleted portfolio is "purged after
30 days"): portfolios and trades soft-deleted more than 30 days ago go for good, with their
trades, tag links and journal entries (the foreign keys' cascade, on SQLite and MariaDB);
anything deleted 30 days ago or later stays. Batched and idempotent. Run the way an admin's
"run now" runs it, on the embedded runner."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from decimal import Decimal

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import InstrumentedAttribute

from cryptolens.admin.router import ADMIN_PREFIX
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.jobs.registry import get_job
from cryptolens.jobs.schedule import CRON_SCHEDULE
from cryptolens.portfolio import purge
from cryptolens.portfolio.models import JournalEntry, Portfolio, Tag, Trade, TradeTag
from cryptolens.resources import app_resources
from tests.clients import MakeUserClient
from tests.portfolio.conftest import data_of

DAY = timedelta(days=1)


class Seeder:
    """Portfolios and trades written directly, each trade with a tag link and a journal entry
    (what the cascade must take along)."""

    def __init__(self, session: AsyncSession, user_id: int, symbol_id: int, tag_id: int) -> None:
        self.session, self.user_id, self.symbol_id, self.tag_id = (
            session,
            user_id,
            symbol_id,
            tag_id,
        )

    async def portfolio(self, name: str, deleted_at: datetime | None) -> int:
        portfolio = Portfolio(
            user_id=self.user_id, name=name, initial_balance=Decimal(1000), deleted_at=deleted_at
        )
        self.session.add(portfolio)
        await self.session.flush()
        return portfolio.id

    async def trade(self, portfolio_id: int, deleted_at: datetime | None) -> int:
        trade = Trade(
            portfolio_id=portfolio_id,
            user_id=self.user_id,
            symbol_id=self.symbol_id,
            direction="long",
            status="pending",
            entry_price=Decimal(100),
            fees=Decimal(0),
            deleted_at=deleted_at,
        )
        self.session.add(trade)
        await self.session.flush()
        self.session.add(TradeTag(trade_id=trade.id, tag_id=self.tag_id))
        self.session.add(JournalEntry(trade_id=trade.id, user_id=self.user_id, content="note"))
        await self.session.flush()
        return trade.id


async def _ids(
    factory: async_sessionmaker[AsyncSession], column: InstrumentedAttribute[int]
) -> set[int]:
    async with factory() as session:
        return set(await session.scalars(select(column)))


async def _count(factory: async_sessionmaker[AsyncSession], model: type[object]) -> int:
    async with factory() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _run_now(app: FastAPI, admin_http: httpx.AsyncClient) -> dict[str, int]:
    clicked = await admin_http.post(f"{ADMIN_PREFIX}/jobs/portfolio_purge/run")
    job_id = data_of(clicked, 202)["job_id"]
    runner = app_resources(app).jobs.runner
    assert runner is not None
    outcome = await asyncio.wait_for(runner.wait_for(job_id), timeout=60)
    assert outcome is not None and outcome.status == "ok", outcome
    assert outcome.counters is not None
    return dict(outcome.counters.details)


async def test_deleted_over_30_days_ago_goes_with_its_children_the_rest_stays(
    app: FastAPI,
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    symbols: dict[str, int],
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(purge, "BATCH", 2)  # several batches per table
    trader = await make_user_client("premium")
    admin = await make_user_client(admin=True)
    now = clock.now()
    old = now - 30 * DAY - timedelta(seconds=1)
    async with unit_of_work(session_factory) as session:
        tag = Tag(user_id=trader.user_id, name="Kept", name_key="kept")
        session.add(tag)
        await session.flush()
        seed = Seeder(session, trader.user_id, symbols["BTC/USDT"], tag.id)
        # Deleted over 30 days ago: gone, with all three of its trades.
        gone = [await seed.portfolio(f"old {n}", now - (31 + n) * DAY) for n in range(3)]
        gone_trades = [await seed.trade(gone[0], old) for _ in range(3)]
        # Deleted exactly 30 days ago, and recently: kept, trades and all.
        at_cutoff = await seed.portfolio("cutoff", now - 30 * DAY)
        recent = await seed.portfolio("recent", now - 29 * DAY)
        kept_trades = [
            await seed.trade(at_cutoff, now - 30 * DAY),
            await seed.trade(recent, now - 29 * DAY),
        ]
        live = await seed.portfolio("live", None)
        # In a live portfolio: trades deleted on their own over 30 days ago go, others stay.
        old_trades = [await seed.trade(live, old - n * DAY) for n in range(5)]
        kept_trades += [
            await seed.trade(live, None),
            await seed.trade(live, now - 30 * DAY),
            await seed.trade(live, now - DAY),
        ]

    assert await _run_now(app, admin.http) == {"portfolios": 3, "trades": 5}

    assert await _ids(session_factory, Portfolio.id) == {at_cutoff, recent, live}
    assert await _ids(session_factory, Trade.id) == set(kept_trades)
    assert await _ids(session_factory, TradeTag.trade_id) == set(kept_trades)
    assert await _ids(session_factory, JournalEntry.trade_id) == set(kept_trades)
    assert set(gone_trades + old_trades).isdisjoint(await _ids(session_factory, Trade.id))
    assert await _count(session_factory, Tag) == 1  # the user's tag is theirs, not the trade's

    # Idempotent: nothing more to do; the kept rows go once they are old enough.
    assert await _run_now(app, admin.http) == {"portfolios": 0, "trades": 0}
    clock.set(now + 2 * DAY)
    assert await _run_now(app, admin.http) == {"portfolios": 2, "trades": 1}
    assert await _ids(session_factory, Portfolio.id) == {live}
    assert await _count(session_factory, Trade) == 2
    assert await _count(session_factory, JournalEntry) == 2


async def test_the_purge_is_a_daily_low_queue_cron_job() -> None:
    assert get_job("portfolio_purge").queue == "low"
    [entry] = [e for e in CRON_SCHEDULE if e.job_name == "portfolio_purge"]
    assert entry.cron_text == "30 3 * * *"
