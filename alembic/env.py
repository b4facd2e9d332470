"""Async alembic environment: SQLite (batch mode) and MySQL/MariaDB alike.

Called from code with a ready connection in `config.attributes["connection"]`, or from the
alembic CLI, in which case it connects with the URL from CryptoLens settings.
"""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from cryptolens.db import Base, create_engine
from cryptolens.models_registry import load_all_models
from cryptolens.settings import get_settings

load_all_models()
target_metadata = Base.metadata


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_with_own_engine() -> None:
    settings = get_settings()
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_configure_and_run)
    finally:
        await engine.dispose()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
    else:
        asyncio.run(_run_with_own_engine())


if context.is_offline_mode():
    context.configure(url=get_settings().resolved_database_url, target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
