"""The NTFY client: one shared httpx.AsyncClient (pooled keep-alive connections), a bound on
pushes in flight, timeouts, and what each answer means for the delivery.

- 2xx: sent (ntfy answers with the message JSON; its id is kept).
- 429 and 5xx, timeouts and network errors: retry later, as a deferred job (never by sleeping).
- any other 4xx: failed at once (a bad topic or token does not get better by retrying).

A 429 also closes the `PushThrottle` for a while: ntfy bans clients that keep sending, so
the rest of a fan-out is held back and resumes gradually instead of hammering the server.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

import httpx

from cryptolens.notifications.aiohttp_transport import AiohttpTransport
from cryptolens.notifications.config import RETRY_SCHEDULE_SECONDS
from cryptolens.notifications.messages import NtfyMessage
from cryptolens.settings import NotificationSettings

log = logging.getLogger("cryptolens.notifications.ntfy")

RESPONSE_KEPT_CHARS = 500
PublishStatus = Literal["sent", "retry", "failed", "throttled"]


@dataclass(frozen=True)
class PublishResult:
    status: PublishStatus
    http_status: int | None = None
    message_id: str | None = None
    response: str | None = None
    rate_limited: bool = False


class PushThrottle:
    """Closed for a while after a 429; each further 429 in a row closes it longer."""

    def __init__(self) -> None:
        self.closed_until: datetime | None = None
        self.strikes = 0

    def is_open(self, now: datetime) -> bool:
        return self.closed_until is None or now >= self.closed_until

    def remaining(self, now: datetime) -> timedelta:
        if self.closed_until is None or now >= self.closed_until:
            return timedelta(0)
        return self.closed_until - now

    def rate_limited(self, now: datetime) -> None:
        if self.is_open(now):
            self.strikes += 1
            step = RETRY_SCHEDULE_SECONDS[min(self.strikes, len(RETRY_SCHEDULE_SECONDS)) - 1]
            self.closed_until = now + timedelta(seconds=step)
            log.warning("ntfy.rate_limited", extra={"pause_seconds": step})

    def accepted(self) -> None:
        self.strikes = 0


def classify(status_code: int) -> PublishStatus:
    if 200 <= status_code < 300:
        return "sent"
    if status_code == 429 or status_code >= 500:
        return "retry"
    return "failed"


class NtfyPublisher:
    def __init__(
        self, settings: NotificationSettings, transport: httpx.AsyncBaseTransport | None = None
    ):
        self.settings = settings
        headers = {"Content-Type": "application/json"}
        token = settings.token_value()
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._http = httpx.AsyncClient(
            headers=headers,
            timeout=httpx.Timeout(
                settings.timeout_seconds, connect=min(5.0, settings.timeout_seconds)
            ),
            limits=httpx.Limits(
                max_connections=settings.max_connections,
                max_keepalive_connections=settings.max_connections,
            ),
            transport=transport
            or AiohttpTransport(settings.max_connections, settings.timeout_seconds),
        )
        self._in_flight = asyncio.Semaphore(settings.concurrency)
        self.throttle = PushThrottle()

    async def publish(self, message: NtfyMessage, now: datetime) -> PublishResult:
        async with self._in_flight:
            # Checked once a slot is free: a 429 seen meanwhile holds back the rest.
            if not self.throttle.is_open(now):
                return PublishResult(status="throttled")
            try:
                response = await self._http.post(self.settings.server + "/", json=message.as_json())
            except httpx.TimeoutException as exc:
                return PublishResult(status="retry", response=f"timeout: {type(exc).__name__}")
            except httpx.TransportError as exc:
                return PublishResult(status="retry", response=f"network: {exc!r}"[:200])
        status = classify(response.status_code)
        text = response.text[:RESPONSE_KEPT_CHARS]
        if response.status_code == 429:
            self.throttle.rate_limited(now)
        elif status == "sent":
            self.throttle.accepted()
        message_id: str | None = None
        if status == "sent":
            try:
                found = response.json().get("id")
            except ValueError:
                found = None
            message_id = str(found)[:32] if found else None
        return PublishResult(
            status=status,
            http_status=response.status_code,
            message_id=message_id,
            response=text,
            rate_limited=response.status_code == 429,
        )

    async def close(self) -> None:
        await self._http.aclose()


PUBLISHER_RESOURCE = "ntfy_publisher"


def shared_publisher(resources: dict[str, object], settings: NotificationSettings) -> NtfyPublisher:
    """One publisher per process, kept with the jobs' long-lived clients (closed with them)."""
    publisher = resources.get(PUBLISHER_RESOURCE)
    if not isinstance(publisher, NtfyPublisher):
        publisher = NtfyPublisher(settings)
        resources[PUBLISHER_RESOURCE] = publisher
    return publisher
