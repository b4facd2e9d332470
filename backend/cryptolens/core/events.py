"""The live event stream's bus: events with ids, kept for a while so a client reconnecting
with Last-Event-ID gets what it missed. Redis streams across processes; memory in the
embedded mode. Events carry ids and the symbol only; clients fetch details from the API."""

from __future__ import annotations

import asyncio
import json
import logging
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger("cryptolens.events")

STREAM_KEY = "cryptolens:events"
KEPT_EVENTS = 10_000
# The longest one XREAD blocks: below the socket timeout of the app's Redis client
# (create_arq_redis: 5 s), which a longer block hits (TimeoutError, the SSE stream dies).
MAX_BLOCK_SECONDS = 2.0


@dataclass(frozen=True)
class LiveEvent:
    id: str
    type: str  # pattern.created, pattern.updated, signal.created, signal.updated
    data: dict[str, Any]


class EventBus(Protocol):
    async def publish(self, event_type: str, data: dict[str, Any]) -> str | None: ...

    def follow(
        self, last_event_id: str | None, wait_seconds: float
    ) -> AsyncIterator[LiveEvent | None]:
        """Events after `last_event_id` (None: only new ones), then new ones as they come;
        yields None after `wait_seconds` without an event (the caller sends a keep-alive)."""
        ...


class MemoryEventBus:
    def __init__(self, kept: int = KEPT_EVENTS) -> None:
        self._events: deque[LiveEvent] = deque(maxlen=kept)
        self._next_id = 1
        self._changed = asyncio.Condition()

    async def publish(self, event_type: str, data: dict[str, Any]) -> str | None:
        event = LiveEvent(id=str(self._next_id), type=event_type, data=data)
        self._next_id += 1
        async with self._changed:
            self._events.append(event)
            self._changed.notify_all()
        return event.id

    def _after(self, last_id: int) -> list[LiveEvent]:
        return [event for event in self._events if int(event.id) > last_id]

    def _has_after(self, last_id: int) -> bool:
        return bool(self._events) and int(self._events[-1].id) > last_id

    async def follow(
        self, last_event_id: str | None, wait_seconds: float
    ) -> AsyncIterator[LiveEvent | None]:
        last = _int_or(last_event_id, self._next_id - 1)
        while True:
            pending = self._after(last)
            if not pending:
                timed_out = False
                async with self._changed:
                    try:
                        # Checked under the lock, so a publish cannot slip in unnoticed.
                        await asyncio.wait_for(
                            self._changed.wait_for(partial(self._has_after, last)), wait_seconds
                        )
                    except TimeoutError:
                        timed_out = True
                # Never yield holding the lock: publishers would wait on this client.
                if timed_out:
                    yield None
                    continue
                pending = self._after(last)
            for event in pending:
                last = int(event.id)
                yield event


def _int_or(raw: str | None, default: int) -> int:
    try:
        return int(raw) if raw else default
    except ValueError:
        return default


class RedisEventBus:
    """A capped Redis stream: every API process reads it, ids are resumable positions."""

    def __init__(self, client: Redis, key: str = STREAM_KEY) -> None:
        self._client = client
        self._key = key

    async def publish(self, event_type: str, data: dict[str, Any]) -> str | None:
        try:
            event_id = await self._client.xadd(
                self._key,
                {"type": event_type, "data": json.dumps(data)},
                maxlen=KEPT_EVENTS,
                approximate=True,
            )
        except (RedisError, OSError) as exc:
            # The stream is best effort: the data itself is committed and readable.
            log.warning("events.publish_failed", extra={"error": repr(exc)})
            return None
        return event_id.decode() if isinstance(event_id, bytes) else str(event_id)

    async def follow(
        self, last_event_id: str | None, wait_seconds: float
    ) -> AsyncIterator[LiveEvent | None]:
        # A concrete position from the start ("$" again after a quiet read would skip what
        # was published between two reads).
        position = last_event_id or await self._newest_id()
        loop = asyncio.get_running_loop()
        while True:
            # Short reads make up the wait: one long block would outlast the socket timeout.
            until = loop.time() + wait_seconds
            answer = None
            while not answer and (left := until - loop.time()) > 0:
                answer = await self._client.xread(
                    {self._key: position},
                    block=max(1, int(min(left, MAX_BLOCK_SECONDS) * 1000)),
                    count=100,
                )
            if not answer:
                yield None
                continue
            for _stream, entries in answer:
                for raw_id, fields in entries:
                    event_id = raw_id.decode() if isinstance(raw_id, bytes) else str(raw_id)
                    position = event_id
                    yield LiveEvent(
                        id=event_id,
                        type=_text(fields[b"type"]),
                        data=json.loads(_text(fields[b"data"])),
                    )

    async def _newest_id(self) -> str:
        newest = await self._client.xrevrange(self._key, count=1)
        return _text(newest[0][0]) if newest else "0-0"


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
