"""At most N requests of a process are worked on at once; the rest wait their turn in line.

Under a flood every request accepted at once shares the event loop with all the others, so
each loop turn runs hundreds of callbacks and even a request needing no I/O (liveness) waits
seconds behind them. Admitting a bounded number keeps each turn short: throughput is the same
(the cores are the limit either way), waiting happens in a FIFO line that costs nothing, and
the probes and the long-lived streams, which are exempt, answer at once.
"""

from __future__ import annotations

import asyncio

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send


class AdmissionMiddleware:
    def __init__(self, app: ASGIApp, limit: int, exempt_paths: tuple[str, ...]) -> None:
        self.app = app
        self.exempt_paths = exempt_paths
        self._turns = asyncio.Semaphore(limit) if limit > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self._turns is None
            or scope["type"] != "http"
            or scope["path"].startswith(self.exempt_paths)
        ):
            await self.app(scope, receive, send)
            return
        async with self._turns:
            await self.app(scope, receive, send)


def install_admission(app: FastAPI, limit: int, exempt_paths: tuple[str, ...]) -> None:
    """Outermost but for the body limit: a waiting request holds nothing of ours yet."""
    app.add_middleware(AdmissionMiddleware, limit=limit, exempt_paths=exempt_paths)
