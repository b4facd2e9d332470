"""The live event stream's bus: events with ids, kept for a while so a client reconnecting
with Last-Event-ID gets what it missed. Redis streams across processes; memory in the
embedded mode. Events carry the pattern or signal object as the API reads show it (built once
by the publisher, signals/tasks.py), or, when it was gone, its id and symbol."""

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

from cryptolens.core.redis_guard import RedisGuard, RedisUnavailableError

log = logging.getLogger("cryptolens.events")

STREAM_KEY = "cryptolens:events"
KEPT_EVENTS = 10_000
# The longest one XREAD blocks: below the read timeout of the API's Redis client
# (resources.py), which a longer block hits (a TimeoutError, counted as Redis failing).
MAX_BLOCK_SECONDS = 2.0
# A blocking read may come back this much after its block before it counts as hung (a busy
# event loop answers late; a false alarm would open the breaker for the cache too).
READ_MARGIN_SECONDS = 0.5
# A follower whose read failed waits at least this long before the next try.
RETRY_PAUSE_SECONDS = 0.5


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
    """A capped Redis stream: every API process reads it, ids are resumable positions.

    Best effort on both sides, through the guard (core/redis_guard.py): a publish that fails
    is dropped (the data itself is committed and readable), and a follower whose Redis is down
    or hung keeps its client connected with keep-alives, retrying once the breaker lets it,
    and resumes from its position (or, when it never had one, from the newest event)."""

    def __init__(
        self, client: Redis, key: str = STREAM_KEY, guard: RedisGuard | None = None
    ) -> None:
        self._client = client
        self._key = key
        # No guard given (the worker, tests): no bound beyond the client's own.
        self._guard = guard or RedisGuard()

    async def publish(self, event_type: str, data: dict[str, Any]) -> str | None:
        fields: dict[Any, Any] = {"type": event_type, "data": json.dumps(data)}
        try:
            event_id = await self._guard.call(
                "xadd",
                lambda: self._client.xadd(self._key, fields, maxlen=KEPT_EVENTS, approximate=True),
            )
        except RedisUnavailableError as exc:
            log.warning("events.publish_failed", extra={"error": repr(exc.__cause__ or exc)})
            return None
        return _text(event_id)

    async def follow(
        self, last_event_id: str | None, wait_seconds: float
    ) -> AsyncIterator[LiveEvent | None]:
        # A concrete position from the start ("$" again after a quiet read would skip what
        # was published between two reads); None until Redis has told us the newest.
        position = last_event_id
        loop = asyncio.get_running_loop()
        while True:
            # Short reads make up the wait: one long block would outlast the socket timeout.
            until = loop.time() + wait_seconds
            entries: list[tuple[str, dict[bytes, bytes]]] = []
            while not entries and (left := until - loop.time()) > 0:
                if position is None:
                    position = await self._newest_id()
                if position is None:
                    await self._pause(left)
                    continue
                entries = await self._read_after(position, left)
            if not entries:
                yield None
                continue
            for event_id, fields in entries:
                position = event_id
                yield LiveEvent(
                    id=event_id,
                    type=_text(fields[b"type"]),
                    data=json.loads(_text(fields[b"data"])),
                )

    async def _read_after(self, position: str, left: float) -> list[tuple[str, dict[bytes, bytes]]]:
        """The entries after `position` within one short blocking read; [] when none came or
        Redis failed (then after a pause, so a dead Redis is not asked in a busy loop)."""
        block = min(left, MAX_BLOCK_SECONDS)
        try:
            answer = await self._guard.call(
                "xread",
                lambda: self._client.xread(
                    {self._key: position}, block=max(1, int(block * 1000)), count=100
                ),
                extra_seconds=block + READ_MARGIN_SECONDS,
            )
        except RedisUnavailableError:
            await self._pause(left)
            return []
        return [
            (_text(raw_id), fields)
            for _stream, entries in answer or []
            for raw_id, fields in entries
        ]

    async def _newest_id(self) -> str | None:
        try:
            newest = await self._guard.call(
                "xrevrange", lambda: self._client.xrevrange(self._key, count=1)
            )
        except RedisUnavailableError:
            return None
        return _text(newest[0][0]) if newest else "0-0"

    async def _pause(self, left: float) -> None:
        """Until the breaker lets Redis be tried again (at least a moment, at most `left`)."""
        await asyncio.sleep(min(left, max(self._guard.retry_in(), RETRY_PAUSE_SECONDS)))


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
