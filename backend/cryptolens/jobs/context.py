"""What every job receives: settings, the database, cache, clock, locks and the enqueuer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.cache import Cache
from cryptolens.core.clock import Clock
from cryptolens.core.events import EventBus, MemoryEventBus
from cryptolens.jobs.locks import LockManager
from cryptolens.market.sources.base import DataSource
from cryptolens.settings import Settings

if TYPE_CHECKING:
    from cryptolens.jobs.enqueue import Enqueuer


@dataclass
class JobContext:
    settings: Settings
    session_factory: async_sessionmaker[AsyncSession]
    cache: Cache
    clock: Clock
    locks: LockManager
    enqueuer: Enqueuer
    # The live stream (pattern.*, signal.* events for SSE clients).
    events: EventBus = field(default_factory=MemoryEventBus)
    # "exchange" or "replay": decided at start-up (market bootstrap) in the embedded mode.
    data_source: DataSource = "exchange"
    # Long-lived clients a job family needs (exchange source, HTTP pools), keyed by name.
    resources: dict[str, Any] = field(default_factory=dict)
