"""Fixtures of the broadcast tests (imported by their modules): the fake NTFY with the
settings pointing at it, and the jobs runtime whose deferred jobs wait for the test's clock
(tests/notifications/conftest.py's HeldQueue)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.admin.router import ADMIN_PREFIX
from cryptolens.core.cache import MemoryCache
from cryptolens.core.clock import FrozenClock
from cryptolens.jobs.runtime import create_jobs_runtime
from cryptolens.notifications.models import UserNotification
from cryptolens.settings import Settings
from tests.fakes.ntfy import FakeNtfy
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import PUBLIC_URL

BROADCASTS = f"{ADMIN_PREFIX}/broadcasts"
TEMPLATES = f"{ADMIN_PREFIX}/broadcast-templates"


@pytest.fixture
async def ntfy() -> AsyncIterator[FakeNtfy]:
    fake = FakeNtfy()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
def test_settings(test_settings: Settings, ntfy: FakeNtfy) -> Settings:
    pushes = test_settings.notifications.model_copy(
        update={
            "ntfy_url": ntfy.base_url,
            "concurrency": 32,
            "timeout_seconds": 10.0,
            "batch_size": 200,
        }
    )
    return test_settings.model_copy(
        update={
            "notifications": pushes,
            "public_url": PUBLIC_URL,
            "jobs": test_settings.jobs.model_copy(update={"timeout_high_seconds": 30.0}),
        }
    )


@pytest.fixture
async def jobs(
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> AsyncIterator[HeldQueue]:
    runtime = create_jobs_runtime(test_settings, session_factory, MemoryCache(), clock, None)
    assert runtime.runner is not None
    queue = HeldQueue(runtime.runner, clock)
    runtime.ctx.enqueuer = queue
    yield queue
    await runtime.stop()


async def run_started(jobs: HeldQueue) -> list[Any]:
    """Waits for the jobs started at once so far (e.g. the fan-outs a minute's job queued)."""
    outcomes = []
    while jobs.started:
        job_id = jobs.started.pop(0)
        outcome = await jobs.runner.wait_for(job_id)
        assert outcome is not None and outcome.status == "ok", outcome
        outcomes.append(outcome)
    return outcomes


async def broadcast_rows(
    factory: async_sessionmaker[AsyncSession], broadcast_id: int
) -> dict[int, UserNotification]:
    async with factory() as db:
        rows = await db.scalars(
            select(UserNotification).where(UserNotification.broadcast_id == broadcast_id)
        )
        return {row.user_id: row for row in rows}
