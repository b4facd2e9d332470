"""update_rows_by_id: many rows, each with its own values, in a few statements, on both
databases; rows not named keep theirs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens import db as db_module
from cryptolens.db import unit_of_work, update_rows_by_id
from cryptolens.market.models import Symbol

ADDED = datetime(2026, 1, 2, 3, 4, 5, 678_000, tzinfo=UTC)


async def test_each_row_gets_its_own_values(
    session_factory: async_sessionmaker[AsyncSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    async with unit_of_work(session_factory) as session:
        symbols = [
            Symbol(
                symbol=f"S{index}/USDT",
                exchange="binance",
                base=f"S{index}",
                quote="USDT",
                is_active=True,
                tick_size=0.01,
                added_at=ADDED,
            )
            for index in range(7)
        ]
        session.add_all(symbols)
        await session.flush()
        ids = [symbol.id for symbol in symbols]

    later = datetime(2026, 5, 6, 7, 8, 9, 123_000, tzinfo=UTC)
    changes = [
        # Distinct values per row, one value shared by all, and a NULL.
        *({"id": ids[i], "tick_size": 0.5 * (i + 1), "is_active": False} for i in range(5)),
        # Another set of columns (its own statement), with a datetime and a NULL.
        {"id": ids[5], "added_at": later, "tick_size": None},
    ]
    # Small chunks, so the test also crosses a chunk boundary.
    monkeypatch.setattr(db_module, "UPDATE_CHUNK_ROWS", 2)
    async with unit_of_work(session_factory) as session:
        await update_rows_by_id(session, Symbol.__table__, changes)

    async with session_factory() as session:
        stored = {
            row.id: (row.tick_size, row.is_active, row.added_at)
            for row in await session.scalars(select(Symbol))
        }
    expected = {ids[i]: (0.5 * (i + 1), False, ADDED) for i in range(5)}
    expected[ids[5]] = (None, True, later)
    expected[ids[6]] = (0.01, True, ADDED)
    assert stored == expected
