"""A signed-in SSE client of a real API process, for the stream tests across processes: users of
a tier signed in over HTTP like the SPA, and a reader that turns text/event-stream into
messages as an EventSource would."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.auth.accounts import create_user
from cryptolens.billing.service import grant_subscription
from cryptolens.core.security import PasswordHasher
from cryptolens.db import unit_of_work
from tests.auth.helpers import fetch_csrf, login, strong_password

PLAN_OF_TIER = {"pro": "pro_monthly", "premium": "premium_monthly"}


@dataclass
class SseMessage:
    received: float  # time.perf_counter() when its last line arrived
    id: str | None = None
    event: str | None = None
    data: str = ""
    retry: int | None = None
    comment: str | None = None


class StreamEndedError(AssertionError):
    """The server ended the stream (EOF), where a message was expected."""


@dataclass
class SseReader:
    """Reads a text/event-stream response into messages, as an EventSource would."""

    response: httpx.Response
    messages: asyncio.Queue[SseMessage | BaseException] = field(default_factory=asyncio.Queue)
    task: asyncio.Task[None] | None = None

    def start(self) -> SseReader:
        self.task = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        fields: dict[str, str] = {}
        try:
            async for line in self.response.aiter_lines():
                now = time.perf_counter()
                if line.startswith(":"):
                    self.messages.put_nowait(SseMessage(now, comment=line[1:].strip()))
                elif line == "":
                    if fields:
                        self.messages.put_nowait(
                            SseMessage(
                                now,
                                id=fields.get("id"),
                                event=fields.get("event"),
                                data=fields.get("data", ""),
                                retry=int(fields["retry"]) if "retry" in fields else None,
                            )
                        )
                    fields = {}
                else:
                    name, _, value = line.partition(":")
                    fields[name] = value.removeprefix(" ")
            raise EOFError("the server ended the stream")
        except asyncio.CancelledError:
            raise
        except BaseException as failure:  # handed to the test
            self.messages.put_nowait(failure)

    async def next(self, within_seconds: float) -> SseMessage:
        got = await asyncio.wait_for(self.messages.get(), within_seconds)
        if isinstance(got, EOFError):
            raise StreamEndedError("the server ended the stream") from got
        if isinstance(got, BaseException):
            raise AssertionError(f"the stream broke: {got!r}") from got
        return got

    async def next_event(self, within_seconds: float) -> SseMessage:
        """The next message that is an event (keep-alives skipped)."""
        deadline = time.monotonic() + within_seconds
        while True:
            message = await self.next(max(0.0, deadline - time.monotonic()))
            if message.event is not None:
                return message

    async def events_until_end(self, within_seconds: float) -> list[SseMessage]:
        """The events still delivered before the server ends the stream, which it must do
        within the time given (AssertionError otherwise)."""
        deadline = time.monotonic() + within_seconds
        events: list[SseMessage] = []
        while True:
            left = deadline - time.monotonic()
            try:
                message = await self.next(max(0.0, left))
            except StreamEndedError:
                return events
            except TimeoutError:
                raise AssertionError(
                    f"the stream was still open after {within_seconds} s (events: {events})"
                ) from None
            if message.event is not None:
                events.append(message)

    async def close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task


@dataclass
class SignedIn:
    http: httpx.AsyncClient
    user_id: int
    email: str
    password: str


async def create_account(
    factory: async_sessionmaker[AsyncSession], tier: str = "premium"
) -> tuple[int, str, str]:
    """A verified user of `tier` (free, pro or premium): (id, email, password)."""
    email = f"stream-{tier}-{os.getpid()}-{time.monotonic_ns()}@example.com"
    password = strong_password()
    now = datetime.now(UTC)
    async with unit_of_work(factory) as db:
        user = await create_user(
            db, PasswordHasher(), now, email=email, password=password, is_verified=True
        )
        if tier in PLAN_OF_TIER:
            await grant_subscription(db, user.id, PLAN_OF_TIER[tier], now)
        return user.id, email, password


async def sign_in(base_url: str, email: str, password: str) -> httpx.AsyncClient:
    """A new session over HTTP like the SPA: CSRF cookie first, then the login."""
    http = httpx.AsyncClient(base_url=base_url, timeout=httpx.Timeout(10, read=60))
    await fetch_csrf(http)
    signed_in = await login(http, email, password)
    assert signed_in.status_code == 200, signed_in.text
    return http


async def signed_in_user(
    factory: async_sessionmaker[AsyncSession], base_url: str, tier: str = "premium"
) -> SignedIn:
    user_id, email, password = await create_account(factory, tier)
    return SignedIn(await sign_in(base_url, email, password), user_id, email, password)
