"""GET /api/v1/stream: server-sent events for the SPA and API clients, resumable with
Last-Event-ID, with keep-alives, filtered to what the caller's lists show (stream_viewer.py).

A stream ends when the session does (logout, logout-all, expiry: checked every few seconds and
before each event) and when the process is asked to stop (core/shutdown.py), so neither a
signed-out client nor a shutdown waits on an endless response."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Annotated, TypeVar

from fastapi import APIRouter, Header, Request
from fastapi.responses import StreamingResponse

from cryptolens.access.deps import SignalsAccess
from cryptolens.core.deps import ClockDep, EventsDep, SessionFactoryDep
from cryptolens.core.envelope import ErrorEnvelope
from cryptolens.core.events import EventBus, LiveEvent
from cryptolens.core.shutdown import StopSignal, stop_signal_of
from cryptolens.signals.stream_viewer import StreamViewer

router = APIRouter(prefix="/api/v1", tags=["signals"])

KEEP_ALIVE_SECONDS = 15.0
RECONNECT_MS = 3000

Item = TypeVar("Item")


def format_event(event: LiveEvent) -> str:
    return f"id: {event.id}\nevent: {event.type}\ndata: {json.dumps(event.data)}\n\n"


async def until_stopped(items: AsyncIterator[Item], stop: StopSignal | None) -> AsyncIterator[Item]:
    """`items` until they end or the stop is requested, whichever comes first (a stream
    waiting for its next event must not hold a shutdown up)."""
    stopping = asyncio.ensure_future(stop.wait_requested()) if stop is not None else None
    following: asyncio.Future[Item] | None = None
    try:
        while True:
            following = asyncio.ensure_future(anext(items))
            waited = {following} if stopping is None else {following, stopping}
            await asyncio.wait(waited, return_when=asyncio.FIRST_COMPLETED)
            if not following.done():
                return
            try:
                item = following.result()
            except StopAsyncIteration:
                return
            following = None
            yield item
    finally:
        for pending in (following, stopping):
            if pending is not None and not pending.done():
                pending.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await pending
        close = getattr(items, "aclose", None)
        if close is not None:
            await close()


async def event_lines(
    bus: EventBus,
    viewer: StreamViewer,
    last_event_id: str | None,
    stop: StopSignal | None = None,
    request: Request | None = None,
    keep_alive_seconds: float = KEEP_ALIVE_SECONDS,
) -> AsyncIterator[str]:
    yield f"retry: {RECONNECT_MS}\n\n"
    loop = asyncio.get_running_loop()
    last_sent = loop.time()
    # Woken at least as often as the session is re-checked.
    wait_seconds = min(keep_alive_seconds, viewer.recheck_seconds)
    async for event in until_stopped(bus.follow(last_event_id, wait_seconds), stop):
        if request is not None and await request.is_disconnected():
            return
        if event is None:
            if viewer.recheck_due() and not await viewer.still_signed_in():
                return
            if loop.time() - last_sent >= keep_alive_seconds:
                last_sent = loop.time()
                yield ": keep-alive\n\n"
            continue
        if not await viewer.still_signed_in():
            return
        if await viewer.may_see(event):
            last_sent = loop.time()
            yield format_event(event)


@router.get(
    "/stream",
    operation_id="signals-stream",
    summary="Live events: pattern.created/updated, signal.created/updated (text/event-stream)",
    description=(
        "Each event's `data` is the full object, the JSON `GET /api/v1/patterns/{id}` or "
        "`GET /api/v1/signals/{id}` returns (as of the event), and only events the caller's "
        "lists would show are sent. Reconnect with `Last-Event-ID` to get what was missed."
    ),
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "An endless event stream"},
        401: {"model": ErrorEnvelope, "description": "Not signed in"},
    },
)
async def stream(
    request: Request,
    access: SignalsAccess,
    bus: EventsDep,
    session_factory: SessionFactoryDep,
    clock: ClockDep,
    last_event_id: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
) -> StreamingResponse:
    viewer = StreamViewer(request, access, session_factory, clock)
    return StreamingResponse(
        event_lines(bus, viewer, last_event_id, stop_signal_of(request.app), request),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
