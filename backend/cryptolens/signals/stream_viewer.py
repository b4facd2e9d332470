"""Who watches an SSE stream, checked for as long as it lasts.

The session is resolved again through the identity layer (the same resolver and memo as every
request) every few seconds and before each event: a logout or logout-all ends the stream, and a
tier change applies to the next event. Each event is shown only when the caller's reads would
show its pattern or signal (symbol, pattern type, history), so the stream never names what the
lists hide. Events carry the object (signals/tasks.py), so this is decided from it with the
reads' own tests (`patterns.reads.shows_pattern`, `signals.reads.shows_signal`); an event by id
only is looked up (`get_pattern`, `get_signal`).
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import Response

from cryptolens.access.credentials import resolve_principal
from cryptolens.access.tiers import ALL_PATTERN_TYPES
from cryptolens.access.user_access import UserAccess
from cryptolens.core.clock import Clock
from cryptolens.core.errors import AppError, NotFoundError
from cryptolens.core.events import LiveEvent
from cryptolens.db import unit_of_work
from cryptolens.patterns import reads as patterns
from cryptolens.signals import reads as signals

log = logging.getLogger("cryptolens.signals.stream")

# A logout elsewhere reaches an open stream within this plus the access memo's seconds.
SESSION_RECHECK_SECONDS = 3.0

# What a database or resolver outage raises; a check that fails counts as "no".
CHECK_FAILURES = (AppError, SQLAlchemyError, OSError, TimeoutError)

# The parts of the stream request's ASGI scope a fresh resolution needs (not the answers the
# request itself remembered).
_CONNECTION_SCOPE = (
    "type",
    "asgi",
    "http_version",
    "method",
    "scheme",
    "server",
    "client",
    "root_path",
    "path",
    "raw_path",
    "query_string",
    "headers",
    "app",
)


def sees_everything(access: UserAccess) -> bool:
    """Every symbol, type and age: nothing to look up before showing an event."""
    return (
        access.followed_symbols is None
        and set(access.visible_pattern_types(ALL_PATTERN_TYPES)) == ALL_PATTERN_TYPES
        and access.pattern_history.is_full
        and access.signal_history.is_full
    )


def shown_from_object(
    access: UserAccess, kind: str, data: dict[str, Any], now: datetime
) -> bool | None:
    """Whether the caller's lists show the event's object, decided from the object itself
    with the reads' own tests (no query per viewer); None when the event has no object."""
    symbol = data.get("symbol")
    if not isinstance(symbol, str):
        return None
    if kind == "pattern":
        pattern_type, confirmed_at = data.get("type"), data.get("confirmed_at")
        if isinstance(pattern_type, str) and isinstance(confirmed_at, int):
            return patterns.shows_pattern(access, symbol, pattern_type, confirmed_at, now)
    elif kind == "signal":
        created_at = data.get("created_at")
        if isinstance(created_at, int):
            return signals.shows_signal(access, symbol, created_at, now)
    return None


class StreamViewer:
    def __init__(
        self,
        request: Request,
        access: UserAccess,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Clock,
        recheck_seconds: float = SESSION_RECHECK_SECONDS,
    ) -> None:
        self.access = access
        self.recheck_seconds = recheck_seconds
        self._request = request
        self._session_factory = session_factory
        self._clock = clock
        self._checked = time.monotonic()

    def recheck_due(self) -> bool:
        return time.monotonic() - self._checked >= self.recheck_seconds

    async def still_signed_in(self) -> bool:
        """The session resolved again; False when it ended (or cannot be checked now)."""
        fresh = Request(
            {
                key: self._request.scope[key]
                for key in _CONNECTION_SCOPE
                if key in self._request.scope
            }
        )
        try:
            # The cookie cannot be refreshed mid-stream: the throwaway response drops it.
            principal = await resolve_principal(fresh, Response())
        except CHECK_FAILURES as failure:
            log.warning("stream.session_check_failed", extra={"error": repr(failure)})
            return False
        if principal is None:
            log.info("stream.session_ended", extra={"user_id": self.access.user_id})
            return False
        self.access = principal.access
        self._checked = time.monotonic()
        return True

    async def may_see(self, event: LiveEvent) -> bool:
        symbol = event.data.get("symbol")
        if not isinstance(symbol, str) or not self.access.allows_symbol(symbol):
            return False
        if sees_everything(self.access):
            return True
        kind = event.type.partition(".")[0]
        shown = shown_from_object(self.access, kind, event.data, self._clock.now())
        if shown is not None:
            return shown
        # An event by id only (one whose object was gone when published, or an older
        # publisher's): the reads decide.
        item_id = event.data.get("id")
        if not isinstance(item_id, int) or kind not in ("pattern", "signal"):
            return False
        now = self._clock.now()
        try:
            async with unit_of_work(self._session_factory) as session:
                if kind == "pattern":
                    await patterns.get_pattern(session, self.access, item_id, now)
                else:
                    await signals.get_signal(session, self.access, item_id, now)
        except NotFoundError:
            return False
        except CHECK_FAILURES as failure:
            # Not known to be visible: not shown (the client refetches its lists anyway).
            log.warning("stream.event_check_failed", extra={"error": repr(failure)})
            return False
        return True
