"""Requests whose transaction lost a deadlock or a lock wait are run again, transparently.

InnoDB resolves a deadlock by rolling one transaction back (1213), and a lock wait can time
out (1205); the right answer is to run the whole transaction again, and in a request that
means the whole request: the route's session dependency (core/deps.py) turns such an error
into `TransactionConflictError`, which no error handler answers, so it reaches this middleware,
which runs the request again (its body replayed) a few times. The session commits before the
response starts, so a conflict never comes after a byte was sent; if one ever did, it is not
retried. After the last attempt the answer is the 503 envelope with Retry-After.
"""

from __future__ import annotations

import asyncio
import logging

from fastapi import FastAPI, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cryptolens.core.handlers import database_unavailable, envelope_response
from cryptolens.db import CONFLICT_ATTEMPTS, TransactionConflictError, conflict_backoff_seconds

log = logging.getLogger("cryptolens.db")


class _Replay:
    """One request's `receive` and `send`, recorded so the request can be run again."""

    def __init__(self, receive: Receive, send: Send) -> None:
        self._receive = receive
        self._send = send
        self._received: list[Message] = []
        self._position = 0
        self.response_started = False

    def rewind(self) -> None:
        self._position = 0

    async def receive(self) -> Message:
        if self._position < len(self._received):
            message = self._received[self._position]
        else:
            message = await self._receive()
            # Only the body is replayed; a disconnect is the real one, each time it is asked.
            if message["type"] != "http.request":
                return message
            self._received.append(message)
        self._position += 1
        return message

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.response_started = True
        await self._send(message)


class ConflictRetryMiddleware:
    def __init__(self, app: ASGIApp, attempts: int = CONFLICT_ATTEMPTS) -> None:
        self.app = app
        self.attempts = attempts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        replay = _Replay(receive, send)
        for attempt in range(1, self.attempts + 1):
            replay.rewind()
            try:
                await self.app(scope, replay.receive, replay.send)
                return
            except TransactionConflictError as conflict:
                if replay.response_started:
                    raise
                log.info(
                    "request.conflict_retried",
                    extra={"path": scope.get("path"), "attempt": attempt, "error": repr(conflict)},
                )
            if attempt < self.attempts:
                await asyncio.sleep(conflict_backoff_seconds(attempt))
        error = database_unavailable()
        response = envelope_response(
            Request(scope), error.status_code, error.message, error.code, error.headers
        )
        await response(scope, replay.receive, replay.send)


def install_conflict_retries(app: FastAPI) -> None:
    """Innermost of our middleware (add it first): just outside the framework's own exception
    handling, so everything outside it sees one request and one answer."""
    app.add_middleware(ConflictRetryMiddleware)
