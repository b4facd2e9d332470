"""One serving process at a time through the start-up work that writes (loading the replay
market, creating the demo accounts).

`serve --workers N` (and several API containers) start together on one database: without this,
two processes both found it empty and loaded the demo market at once (one failed on a lock or a
duplicate row, so uvicorn stopped them all), or one started on a half-loaded market. The lock
lives where the database is, so it holds across every process using it: a file lock beside a
SQLite file (released by the kernel if its holder dies), a named lock on MariaDB (released
with its connection).
"""

from __future__ import annotations

import asyncio
import fcntl
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger("cryptolens.startup")

LOCK_PREFIX = "cryptolens.startup."
# A start that loads the demo market on a slow disk takes seconds; a minute waiting for
# another process means something is wrong, and failing start-up says so.
WAIT_SECONDS = 120.0
POLL_SECONDS = 0.1


class StartupLockTimeoutError(RuntimeError):
    pass


def sqlite_lock_path(url: str) -> Path | None:
    """The lock file beside a SQLite database file; None for an in-memory one (one process)."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        return None
    return Path(database).with_name(Path(database).name + ".startup.lock")


@asynccontextmanager
async def one_process_at_a_time(
    engine: AsyncEngine, *, wait_seconds: float = WAIT_SECONDS
) -> AsyncIterator[None]:
    if engine.dialect.name == "sqlite":
        path = sqlite_lock_path(engine.url.render_as_string(hide_password=False))
        if path is None:
            yield
            return
        async with _file_lock(path, wait_seconds):
            yield
        return
    async with _named_lock(engine, wait_seconds):
        yield


TryOnce = Callable[[], Awaitable[bool]]


async def _take_turn(try_once: TryOnce, what: str, wait_seconds: float) -> None:
    deadline = time.monotonic() + wait_seconds
    if await try_once():
        return
    log.info("startup.waiting_for_another_process")
    while not await try_once():
        if time.monotonic() >= deadline:
            raise StartupLockTimeoutError(f"another process held {what} for {wait_seconds:.0f} s")
        await asyncio.sleep(POLL_SECONDS)


@asynccontextmanager
async def _file_lock(path: Path, wait_seconds: float) -> AsyncIterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:

        async def try_once() -> bool:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            return True

        await _take_turn(try_once, str(path), wait_seconds)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@asynccontextmanager
async def _named_lock(engine: AsyncEngine, wait_seconds: float) -> AsyncIterator[None]:
    # Named locks are server-wide: the name carries the database (tests share one server).
    name = (LOCK_PREFIX + (engine.url.database or ""))[:64]
    async with engine.connect() as connection:

        async def try_once() -> bool:
            # A short wait per try: one long GET_LOCK would outlast the statement timeout.
            granted = await connection.scalar(text("SELECT GET_LOCK(:name, 1)"), {"name": name})
            return bool(granted == 1)

        await _take_turn(try_once, name, wait_seconds)
        try:
            yield
        finally:
            await connection.execute(text("SELECT RELEASE_LOCK(:name)"), {"name": name})
            await connection.commit()
