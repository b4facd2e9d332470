"""Who a credential (the session cookie) belongs to and what their tier allows, remembered for
a moment.

Resolving a cookie costs two queries (session with user, subscription) on every request,
more than a cached read itself. The answer is kept per process for `security.access_memo_seconds`
(default 2 s, 0 turns it off), never past the session's expiry, and dropped at once when this
process commits a write to the tables it comes from (sessions, users, watchlists,
subscriptions). A change made by another process (a logout there, an admin's tier change) is
seen here within those seconds (plus LOOKUP_GRACE) at most.

When an answer runs out, one request looks it up again; the requests arriving meanwhile with
the same cookie keep the old answer for up to LOOKUP_GRACE instead of queueing behind it (on
SQLite under load the lookup's thread hops can take tens of milliseconds).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptolens.access.principal import Principal
from cryptolens.core.change_counters import change_counter
from cryptolens.core.security import hash_token

ACCESS_TABLES = ("users", "user_sessions", "watchlist_items", "subscriptions")
MAX_ENTRIES = 10_000
LOOKUP_GRACE = timedelta(seconds=0.5)


@dataclass(frozen=True)
class _Remembered:
    principal: Principal
    since: datetime
    until: datetime
    session_ends: datetime
    changes: int


class AccessMemo:
    def __init__(self, seconds: float) -> None:
        self._lifetime = timedelta(seconds=seconds)
        self._entries: dict[str, _Remembered] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._changes = change_counter(ACCESS_TABLES)

    def get(self, token: str, now: datetime) -> Principal | None:
        found = self._current(hash_token(token))
        if found is None or not found.since <= now < found.until:
            return None
        return found.principal

    def get_while_looked_up(self, token: str, now: datetime) -> Principal | None:
        """The answer just run out, while another request is looking it up again."""
        key = hash_token(token)
        lock = self._locks.get(key)
        found = self._current(key)
        if lock is None or not lock.locked() or found is None:
            return None
        if not found.since <= now < min(found.until + LOOKUP_GRACE, found.session_ends):
            return None
        return found.principal

    def _current(self, key: str) -> _Remembered | None:
        """The entry, unless this process has written the tables it comes from since."""
        if not self._lifetime:
            return None
        found = self._entries.get(key)
        if found is None or found.changes != self._changes.value:
            return None
        return found

    @asynccontextmanager
    async def lookup_lock(self, token: str) -> AsyncIterator[None]:
        """One lookup per cookie at a time. The caller bounds the wait and the lookup together
        (access/credentials.py): a lookup stalled on the database is cancelled at the bound,
        which releases the lock, so no later request with the cookie queues behind it."""
        key = hash_token(token)
        lock = self._locks.setdefault(key, asyncio.Lock())
        try:
            async with lock:
                yield
        finally:
            if not lock.locked() and self._locks.get(key) is lock:
                del self._locks[key]

    @property
    def changes(self) -> int:
        """Take it before reading the database, and pass it to put: a write committed here
        while the read ran then makes the answer stale at once."""
        return self._changes.value

    def put(
        self,
        token: str,
        principal: Principal,
        now: datetime,
        session_ends: datetime,
        changes_before_read: int,
    ) -> None:
        if not self._lifetime:
            return
        if len(self._entries) >= MAX_ENTRIES:
            self._entries.clear()  # a burst of distinct sessions: start over, never grow
        self._entries[hash_token(token)] = _Remembered(
            principal,
            since=now,
            until=min(now + self._lifetime, session_ends),
            session_ends=session_ends,
            changes=changes_before_read,
        )
