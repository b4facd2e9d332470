"""Deadlocks are retried transparently (issue 13, failure 2's rule), on MariaDB with a real
deadlock: the test's own transaction holds row B (and many others, so InnoDB picks the other
side as the victim), the work under test takes row A and then asks for B while the test's
transaction asks for A. The victim's transaction is rolled back with error 1213; it must be run
again, not answered 500.

- `db.in_unit_of_work`: the work function runs again in a fresh transaction.
- a request (the route's session dependency, `SessionDep`): the whole request runs again
  (core/conflicts.py) and answers 200.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.app import create_app
from cryptolens.auth.accounts import create_user
from cryptolens.auth.models import User
from cryptolens.core.clock import FrozenClock
from cryptolens.core.deps import SessionDep
from cryptolens.core.security import PasswordHasher
from cryptolens.db import in_unit_of_work, unit_of_work
from cryptolens.settings import Settings
from tests.conftest import MYSQL_URL

pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)

OTHER_ROWS = 20
STEP_SECONDS = 10.0


@dataclass
class Rows:
    a: int
    b: int
    others: list[int] = field(default_factory=list)


@pytest.fixture
async def rows(session_factory: async_sessionmaker[AsyncSession], clock: FrozenClock) -> Rows:
    hasher = PasswordHasher(cheap=True)
    ids = []
    async with unit_of_work(session_factory) as db:
        for index in range(OTHER_ROWS + 2):
            user = await create_user(
                db, hasher, clock.now(), email=f"row-{index}@example.com", password="Tr4der-x1y2z3"
            )
            ids.append(user.id)
    return Rows(a=ids[0], b=ids[1], others=ids[2:])


@dataclass
class Deadlocker:
    """The other side of the deadlock: a heavy transaction on its own connection."""

    engine: AsyncEngine
    rows: Rows
    holding_a: asyncio.Event = field(default_factory=asyncio.Event)
    task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Locks B and the other rows now; asks for A once the work holds it."""
        ready = asyncio.Event()
        self.task = asyncio.create_task(self._run(ready))
        await asyncio.wait_for(ready.wait(), STEP_SECONDS)

    async def _run(self, ready: asyncio.Event) -> None:
        async with self.engine.connect() as connection:
            transaction = await connection.begin()
            await connection.execute(text("SET SESSION innodb_lock_wait_timeout = 20"))
            # One row at a time: a scan (an IN over most of a small table) would lock A too.
            for user_id in (self.rows.b, *self.rows.others):
                await connection.execute(
                    update(User).where(User.id == user_id).values(display_name="heavy")
                )
            ready.set()
            await asyncio.wait_for(self.holding_a.wait(), STEP_SECONDS)
            # Waits for the work's lock on A; the work then waits for B: a deadlock, and the
            # work, lighter, is the victim. Once it rolls back this gets A and commits.
            await connection.execute(
                update(User).where(User.id == self.rows.a).values(display_name="heavy")
            )
            await transaction.commit()

    async def finish(self) -> None:
        assert self.task is not None
        await asyncio.wait_for(self.task, STEP_SECONDS)


async def _take_a_then_b(
    db: AsyncSession, rows: Rows, deadlocker: Deadlocker, tries: list[int]
) -> None:
    tries.append(len(tries) + 1)
    await db.execute(update(User).where(User.id == rows.a).values(timezone="Europe/Paris"))
    if len(tries) == 1:
        deadlocker.holding_a.set()
        await asyncio.sleep(0.5)  # the other side is now waiting for A
    await db.execute(update(User).where(User.id == rows.b).values(timezone="Europe/Paris"))


@pytest.fixture
async def deadlocker(db_engine: AsyncEngine, rows: Rows) -> AsyncIterator[Deadlocker]:
    other = Deadlocker(db_engine, rows)
    yield other
    if other.task is not None and not other.task.done():
        other.task.cancel()


async def _timezones(session_factory: async_sessionmaker[AsyncSession], rows: Rows) -> list[str]:
    async with unit_of_work(session_factory) as db:
        users = [await db.get(User, user_id) for user_id in (rows.a, rows.b)]
    return [user.timezone for user in users if user is not None]


async def test_a_unit_of_work_that_loses_a_deadlock_is_run_again(
    session_factory: async_sessionmaker[AsyncSession], rows: Rows, deadlocker: Deadlocker
) -> None:
    tries: list[int] = []
    await deadlocker.start()

    async def work(db: AsyncSession) -> None:
        await _take_a_then_b(db, rows, deadlocker, tries)

    await in_unit_of_work(session_factory, work)
    await deadlocker.finish()
    assert tries == [1, 2]
    assert await _timezones(session_factory, rows) == ["Europe/Paris", "Europe/Paris"]


async def test_a_request_that_loses_a_deadlock_is_run_again_and_answers_200(
    test_settings: Settings,
    db_engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    rows: Rows,
    deadlocker: Deadlocker,
) -> None:
    app: FastAPI = create_app(test_settings, engine=db_engine, clock=clock)
    tries: list[int] = []

    async def take_a_then_b(db: SessionDep) -> dict[str, int]:
        await _take_a_then_b(db, rows, deadlocker, tries)
        return {"tries": len(tries)}

    app.router.add_api_route("/test/deadlock", take_a_then_b, methods=["POST"])
    await deadlocker.start()
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            response = await http.post(
                "/test/deadlock", json={}, headers={"content-type": "application/json"}
            )
    await deadlocker.finish()
    assert response.status_code == 200, response.text
    assert response.json() == {"tries": 2}
    assert await _timezones(session_factory, rows) == ["Europe/Paris", "Europe/Paris"]
