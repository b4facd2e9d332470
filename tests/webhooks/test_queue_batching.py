"""The minute's scans share one read of the subscribed event types: every followed symbol's
scan queues its fan-outs, but the endpoints are asked once per minute and process (and again
at once after this process writes an endpoint), with the same fan-outs queued as before."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import to_ms
from cryptolens.job_context import JobContext
from cryptolens.jobs.minute import queue_webhook_events
from cryptolens.settings import Settings
from cryptolens.signals.cycle import CycleResult
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import UserSpec, add_users
from tests.webhooks.conftest import add_endpoint

SCANS = 6


@pytest.fixture
def endpoint_reads(db_engine: AsyncEngine) -> Iterator[list[str]]:
    """Every statement that reads the endpoints table, as sent to the database."""
    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "webhook_endpoints" in statement:
            seen.append(statement)

    event.listen(db_engine.sync_engine, "before_cursor_execute", note)
    yield seen
    event.remove(db_engine.sync_engine, "before_cursor_execute", note)


def scan_cycle(close_ms: int, index: int) -> CycleResult:
    """One symbol's changed cycle: a pattern, a signal and a status change of its own."""
    base = 1000 * (index + 1)
    return CycleResult(
        close_ms,
        patterns_created=[base + 1],
        signals_created=[base + 2],
        signals_changed=[base + 3],
        status_changes={base + 3: ("pending", "triggered")},
    )


def fan_out_ids(jobs: HeldQueue) -> list[str]:
    return sorted(job for job in jobs.started if job.startswith("webhook-fanout:"))


def expected(indexes: range, types: set[str]) -> list[str]:
    ids = []
    for index in indexes:
        base = 1000 * (index + 1)
        ids += [f"pattern.created:{base + 1}"] if "pattern.created" in types else []
        ids += [f"signal.created:{base + 2}"] if "signal.created" in types else []
        ids += [f"signal.updated:{base + 3}:triggered"] if "signal.updated" in types else []
    return sorted(f"webhook-fanout:{key}" for key in ids)


async def test_a_minutes_scans_read_the_subscribed_types_once(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    endpoint_reads: list[str],
) -> None:
    ctx = jobs.runner.ctx
    assert isinstance(ctx, JobContext)
    clock.set(clock.now().replace(second=5))
    [user] = await add_users(session_factory, [UserSpec(tier="premium")], clock.now())
    await add_endpoint(session_factory, test_settings, user.id, "https://a.example", clock.now())
    close = to_ms(clock.now())

    for index in range(SCANS):
        await queue_webhook_events(ctx, [scan_cycle(close, index)])
    assert len(endpoint_reads) == 1, endpoint_reads  # was one per scan
    assert fan_out_ids(jobs) == expected(range(SCANS), {"signal.created", "signal.updated"})

    # An endpoint written by this process counts from the next scan on.
    await add_endpoint(
        session_factory,
        test_settings,
        user.id,
        "https://b.example",
        clock.now(),
        events=["pattern.created"],
    )
    jobs.started.clear()
    await queue_webhook_events(ctx, [scan_cycle(close, SCANS)])
    await queue_webhook_events(ctx, [scan_cycle(close, SCANS + 1)])
    assert len(endpoint_reads) == 2
    every_type = {"pattern.created", "signal.created", "signal.updated"}
    assert fan_out_ids(jobs) == expected(range(SCANS, SCANS + 2), every_type)

    # The next minute reads again (what another process wrote meanwhile is seen).
    clock.advance(timedelta(minutes=1))
    await queue_webhook_events(ctx, [scan_cycle(to_ms(clock.now()), SCANS + 2)])
    await queue_webhook_events(ctx, [scan_cycle(to_ms(clock.now()), SCANS + 3)])
    assert len(endpoint_reads) == 3


async def test_an_unchanged_scan_reads_nothing(
    clock: FrozenClock, jobs: HeldQueue, endpoint_reads: list[str]
) -> None:
    ctx = jobs.runner.ctx
    assert isinstance(ctx, JobContext)
    await queue_webhook_events(ctx, [CycleResult(to_ms(clock.now()))])
    assert endpoint_reads == [] and fan_out_ids(jobs) == []
