"""Notification tests: the fake NTFY server, settings pointing at it, the embedded job
runner with deferred jobs held until the test moves the clock, and the app with the
notifications router for API tests (signed-in clients from tests/auth)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.core.cache import MemoryCache
from cryptolens.core.clock import FrozenClock
from cryptolens.core.ratelimit import reset_rate_limits
from cryptolens.job_context import JobContext
from cryptolens.jobs.inline import InlineRunner
from cryptolens.jobs.runtime import create_jobs_runtime
from cryptolens.settings import MailSettings, Settings
from tests.auth.conftest import create_mailing_app, mail_settings, smtp_server, smtp_sink
from tests.fakes.ntfy import FakeNtfy
from tests.notifications.factories import PUBLIC_URL

__all__ = ["mail_settings", "smtp_server", "smtp_sink"]


@pytest.fixture
async def ntfy() -> AsyncIterator[FakeNtfy]:
    fake = FakeNtfy()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
def test_settings(test_settings: Settings, ntfy: FakeNtfy) -> Settings:
    """The shared test settings, with NTFY at the fake and links on a known public URL."""
    pushes = test_settings.notifications.model_copy(
        update={
            "ntfy_url": ntfy.base_url,
            "concurrency": 32,
            # Generous: a loaded CI machine must not turn a push into a timeout retry;
            # the slow-server test shortens it for itself.
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


@dataclass(frozen=True)
class HeldJob:
    name: str
    due_at: float  # seconds on the test's clock
    kwargs: dict[str, Any]


@dataclass
class HeldQueue:
    """The queue jobs see: immediate jobs run on the embedded runner; deferred ones wait
    here until the test moves the clock past them (no test sleeps through a retry delay)."""

    runner: InlineRunner
    clock: FrozenClock
    held: list[HeldJob] = field(default_factory=list)
    started: list[str] = field(default_factory=list)
    # The sweeps each lease queues for when it would run out (notifications/lease.py), kept
    # apart: a test that wants them runs them (`run_watchdogs`).
    watchdogs: list[HeldJob] = field(default_factory=list)

    async def enqueue(
        self,
        name: str,
        *,
        job_id: str | None = None,
        defer_seconds: float | None = None,
        **kwargs: Any,
    ) -> str | None:
        if defer_seconds:
            due = self.clock.now().timestamp() + defer_seconds
            held = self.watchdogs if name == "resume_deliveries" else self.held
            held.append(HeldJob(name, due, kwargs))
            return job_id
        started = await self.runner.enqueue(name, job_id=job_id, **kwargs)
        if started is not None:
            self.started.append(started)
        return started

    async def queue_sizes(self) -> dict[str, int]:
        return await self.runner.queue_sizes()

    def delays(self, name: str = "deliver_notification") -> list[float]:
        now = self.clock.now().timestamp()
        return sorted(round(job.due_at - now, 3) for job in self.held if job.name == name)

    async def run(self, name: str, **kwargs: Any) -> Any:
        job_id = await self.enqueue(name, **kwargs)
        assert job_id is not None
        outcome = await self.runner.wait_for(job_id)
        assert outcome is not None and outcome.status == "ok", outcome
        return outcome

    async def run_watchdogs(self) -> list[Any]:
        """Runs the lease watchdogs now due (moving no clock); returns their outcomes."""
        now = self.clock.now().timestamp()
        due = [job for job in self.watchdogs if job.due_at <= now]
        self.watchdogs = [job for job in self.watchdogs if job.due_at > now]
        return [await self.run(job.name, **job.kwargs) for job in due]

    async def advance(self, delta: timedelta) -> int:
        """Moves the clock, runs every held job now due (and what they schedule at once)."""
        self.clock.advance(delta)
        now = self.clock.now().timestamp()
        due = [job for job in self.held if job.due_at <= now]
        self.held = [job for job in self.held if job.due_at > now]
        for job in due:
            await self.run(job.name, **job.kwargs)
        return len(due)

    async def drain(self, step: timedelta = timedelta(seconds=1), limit: int = 2000) -> None:
        """Runs held jobs in time order until none is left."""
        for _ in range(limit):
            if not self.held:
                return
            next_due = min(job.due_at for job in self.held)
            wait = max(0.0, next_due - self.clock.now().timestamp())
            await self.advance(timedelta(seconds=wait))
        raise AssertionError("held jobs never ran out")


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


@pytest.fixture
def job_context(jobs: HeldQueue) -> JobContext:
    assert jobs.runner.ctx is not None
    return jobs.runner.ctx


@pytest.fixture
async def app(
    test_settings: Settings,
    db_engine: AsyncEngine,
    session_factory: object,
    clock: FrozenClock,
    mail_settings: MailSettings,
) -> AsyncIterator[FastAPI]:
    application = create_mailing_app(test_settings, db_engine, clock, mail_settings)
    reset_rate_limits(application)
    async with application.router.lifespan_context(application):
        yield application
    reset_rate_limits(application)
