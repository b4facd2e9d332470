"""`SELECT ... FOR UPDATE` holds the row until the commit on both databases: two transactions
that each lock a row, read a counter and write it back one higher never lose an update.

MariaDB locks the row; SQLite has no row locks, so there a locking read takes the database's
write lock first (db.py), and the second transaction waits for the first to commit."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.market.models import Symbol

ADDED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


async def _add_symbol(factory: async_sessionmaker[AsyncSession]) -> int:
    async with unit_of_work(factory) as db:
        symbol = Symbol(
            symbol="LOCK/USDT",
            exchange="binance",
            base="LOCK",
            quote="USDT",
            is_active=True,
            tick_size=1.0,
            added_at=ADDED,
        )
        db.add(symbol)
        await db.flush()
        return symbol.id


async def _increment(factory: async_sessionmaker[AsyncSession], symbol_id: int) -> None:
    async with unit_of_work(factory) as db:
        row = await db.scalar(
            select(Symbol)
            .where(Symbol.id == symbol_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        assert row is not None
        seen = row.tick_size
        await asyncio.sleep(0.05)  # the other transaction runs meanwhile
        row.tick_size = seen + 1


async def test_locking_reads_never_lose_an_update(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    symbol_id = await _add_symbol(session_factory)
    await asyncio.gather(*(_increment(session_factory, symbol_id) for _ in range(5)))
    async with unit_of_work(session_factory) as db:
        stored = await db.get(Symbol, symbol_id)
    assert stored is not None and stored.tick_size == 6.0


async def test_a_plain_read_takes_no_lock(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Readers stay concurrent: a plain read beside a held locking read is answered at once."""
    symbol_id = await _add_symbol(session_factory)
    async with unit_of_work(session_factory) as holder:
        await holder.scalar(select(Symbol).where(Symbol.id == symbol_id).with_for_update())
        async with unit_of_work(session_factory) as reader:
            seen = await asyncio.wait_for(reader.get(Symbol, symbol_id), timeout=1.0)
    assert seen is not None
