"""Every migration upgrades, downgrades to base and upgrades again, on each backend."""

from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens.db import Base
from cryptolens.system import migrations


async def _table_names(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        names = await connection.run_sync(lambda sync: set(inspect(sync).get_table_names()))
    return names - {"alembic_version"}


async def test_upgrade_downgrade_upgrade(db_engine: AsyncEngine) -> None:
    expected = set(Base.metadata.tables)
    assert await _table_names(db_engine) == expected
    try:
        await migrations.downgrade(db_engine, "base")
        assert await _table_names(db_engine) == set()
    finally:
        await migrations.upgrade(db_engine, "head")
    assert await _table_names(db_engine) == expected
