"""Who a session cookie belongs to and what their tier allows, remembered for a moment.

Resolving a cookie costs two queries (session with user, subscription) on every request,
more than a cached read itself. The answer is kept per process for `access_memo_seconds`
(default 2 s, 0 turns it off), never past the session's expiry, and dropped at once when this
process commits a write to the tables it comes from (sessions, users, watchlists,
subscriptions). A change made by another process (a logout there, an admin's tier change) is
seen here within those seconds at most.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptolens.billing.access import UserAccess
from cryptolens.core.change_counters import change_counter
from cryptolens.core.security import hash_token

ACCESS_TABLES = ("users", "user_sessions", "watchlist_items", "subscriptions")
MAX_ENTRIES = 10_000


@dataclass(frozen=True)
class _Remembered:
    access: UserAccess
    since: datetime
    until: datetime
    changes: int


class AccessMemo:
    def __init__(self, seconds: float) -> None:
        self._lifetime = timedelta(seconds=seconds)
        self._entries: dict[str, _Remembered] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._changes = change_counter(ACCESS_TABLES)

    def get(self, token: str, now: datetime) -> UserAccess | None:
        if not self._lifetime:
            return None
        found = self._entries.get(hash_token(token))
        if found is None or found.changes != self._changes.value:
            return None
        if not found.since <= now < found.until:
            return None
        return found.access

    @asynccontextmanager
    async def lookup_lock(self, token: str) -> AsyncIterator[None]:
        key = hash_token(token)
        lock = self._locks.setdefault(key, asyncio.Lock())
        try:
            async with lock:
                yield
        finally:
            if not lock.locked() and self._locks.get(key) is lock:
                del self._locks[key]

    def put(self, token: str, access: UserAccess, now: datetime, session_ends: datetime) -> None:
        if not self._lifetime:
            return
        if len(self._entries) >= MAX_ENTRIES:
            self._entries.clear()  # a burst of distinct sessions: start over, never grow
        self._entries[hash_token(token)] = _Remembered(
            access, now, min(now + self._lifetime, session_ends), self._changes.value
        )
