"""What a job body receives and returns: the context, the queue it enqueues follow-ups on, the
counters it reports, and the error that asks for another try.

Domain `tasks.py` modules import this module only, never `cryptolens.jobs`: the jobs runtime
imports the domains' tasks to register them, so the dependency points one way. Nothing here
imports a domain. The queue's interface lives in core (core/job_queue.py), where the routes'
dependency on it lives too; it is re-exported here for the job bodies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.cache import Cache
from cryptolens.core.clock import Clock
from cryptolens.core.events import EventBus, MemoryEventBus
from cryptolens.core.job_queue import JobArgument as JobArgument
from cryptolens.core.job_queue import JobQueue as JobQueue
from cryptolens.settings import Settings

# Decided at start-up (settings.market.data_source, or the replay fallback of the embedded mode).
DataSource = Literal["exchange", "replay"]


@dataclass
class JobCounters:
    """What a run did; jobs return it and the run history keeps it."""

    candles_fetched: int = 0
    patterns_found: int = 0
    signals_created: int = 0
    notifications_sent: int = 0
    details: dict[str, int] = field(default_factory=dict)

    def add(self, other: JobCounters) -> None:
        self.candles_fetched += other.candles_fetched
        self.patterns_found += other.patterns_found
        self.signals_created += other.signals_created
        self.notifications_sent += other.notifications_sent


class TransientJobError(RuntimeError):
    """Raised by a job for a failure that may pass on its own: the run is tried again."""


@dataclass
class JobContext:
    settings: Settings
    session_factory: async_sessionmaker[AsyncSession]
    cache: Cache
    clock: Clock
    enqueuer: JobQueue
    # The live stream (pattern.*, signal.* events for SSE clients).
    events: EventBus = field(default_factory=MemoryEventBus)
    data_source: DataSource = "exchange"
    # Long-lived clients a job family needs (exchange source, HTTP pools), keyed by name;
    # closed when the process stops.
    resources: dict[str, Any] = field(default_factory=dict)
