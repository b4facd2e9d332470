"""GET /api/v1/stream: server-sent events for the SPA and API clients, resumable with
Last-Event-ID, with keep-alives, filtered to what the caller's tier shows."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.responses import StreamingResponse

from cryptolens.access.deps import CurrentAccess
from cryptolens.access.user_access import UserAccess
from cryptolens.core.deps import EventsDep
from cryptolens.core.envelope import ErrorEnvelope
from cryptolens.core.events import EventBus, LiveEvent

router = APIRouter(prefix="/api/v1", tags=["signals"])

KEEP_ALIVE_SECONDS = 15.0
RECONNECT_MS = 3000


def visible(event: LiveEvent, access: UserAccess) -> bool:
    symbol = event.data.get("symbol")
    return isinstance(symbol, str) and access.allows_symbol(symbol)


def format_event(event: LiveEvent) -> str:
    return f"id: {event.id}\nevent: {event.type}\ndata: {json.dumps(event.data)}\n\n"


async def event_lines(
    bus: EventBus,
    access: UserAccess,
    last_event_id: str | None,
    request: Request | None = None,
    keep_alive_seconds: float = KEEP_ALIVE_SECONDS,
) -> AsyncIterator[str]:
    yield f"retry: {RECONNECT_MS}\n\n"
    async for event in bus.follow(last_event_id, keep_alive_seconds):
        if request is not None and await request.is_disconnected():
            return
        if event is None:
            yield ": keep-alive\n\n"
        elif visible(event, access):
            yield format_event(event)


@router.get(
    "/stream",
    operation_id="signals-stream",
    summary="Live events: pattern.created/updated, signal.created/updated (text/event-stream)",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "An endless event stream"},
        401: {"model": ErrorEnvelope, "description": "Not signed in"},
    },
)
async def stream(
    request: Request,
    access: CurrentAccess,
    bus: EventsDep,
    last_event_id: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
) -> StreamingResponse:
    return StreamingResponse(
        event_lines(bus, access, last_event_id, request),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
