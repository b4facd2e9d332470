"""Every migration upgrades, downgrades to base and upgrades again, on each backend; and the
migrated schema is the models' schema (a column added to a model without its migration, or the
other way round, fails here rather than in production)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
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


async def test_the_migrated_schema_matches_the_models(db_engine: AsyncEngine) -> None:
    async with db_engine.connect() as connection:
        differences = await connection.run_sync(
            lambda sync: compare_metadata(
                MigrationContext.configure(sync, opts={"compare_type": True}), Base.metadata
            )
        )
    assert differences == []
