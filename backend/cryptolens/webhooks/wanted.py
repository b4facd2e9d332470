"""The event types some active endpoint subscribes to, read once per minute per process.

Every followed symbol's scan asks (the minute's pipeline queues no fan-out for the rest), so
one query answers all of a minute's scans instead of one query each. An endpoint created or
changed by this process is seen at once (its commit bumps the change counter); one written by
another process (the API beside the workers) from the next minute's scans at the latest.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.change_counters import change_counter
from cryptolens.db import unit_of_work
from cryptolens.webhooks import service

ENDPOINT_TABLES = ("webhook_endpoints",)


class WantedEventTypes:
    def __init__(self) -> None:
        self._changes = change_counter(ENDPOINT_TABLES)
        self._read_for: tuple[datetime, int] | None = None
        self._types: frozenset[str] = frozenset()
        # The first scans of a minute start together: one reads, the others wait for it.
        self._reading = asyncio.Lock()

    async def of_minute(
        self, session_factory: async_sessionmaker[AsyncSession], now: datetime
    ) -> frozenset[str]:
        async with self._reading:
            # The counter is taken before the read: a write committed meanwhile is seen next time.
            current = (now.replace(second=0, microsecond=0), self._changes.value)
            if self._read_for != current:
                async with unit_of_work(session_factory) as db:
                    self._types = frozenset(await service.subscribed_event_types(db))
                self._read_for = current
            return self._types
