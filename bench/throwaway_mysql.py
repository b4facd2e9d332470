"""A MariaDB database that lives for one benchmark: created empty, dropped afterwards."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.engine import make_url

from cryptolens.db import create_engine
from cryptolens.settings import Settings

DEFAULT_SERVER_URL = "mysql+asyncmy://root@127.0.0.1:3306/"


@asynccontextmanager
async def throwaway_database(server_url: str, name: str) -> AsyncIterator[str]:
    """Yields the URL of a fresh `name` database on the server at `server_url`."""
    # MariaDB notes (e.g. "DROP DATABASE IF EXISTS" of a missing one) are not news here.
    logging.getLogger("asyncmy").setLevel(logging.ERROR)
    server = make_url(server_url)
    admin = create_engine(server.render_as_string(hide_password=False), Settings(_env_file=None))  # type: ignore[call-arg]
    drop = text(f"DROP DATABASE IF EXISTS {name}")
    async with admin.connect() as connection:
        await connection.execute(drop)
        await connection.execute(
            text(f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
        )
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        async with admin.connect() as connection:
            await connection.execute(drop)
        await admin.dispose()
