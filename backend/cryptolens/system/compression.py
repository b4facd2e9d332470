"""Compressed answers: gzip for any body of 1 kB or more when the client accepts it, and the
choice of a precompressed file (.br, .gz) for the SPA's assets.

The live stream (`text/event-stream`) is never compressed: GZipMiddleware leaves that media
type alone, so each event leaves as soon as it is written. A body that already carries a
Content-Encoding (a precompressed asset) passes unchanged.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.middleware.gzip import GZipMiddleware, IdentityResponder
from starlette.types import ASGIApp, Receive, Scope, Send

# Below this, the gzip header and the CPU cost more than the bytes saved.
MINIMUM_SIZE = 1024
# Level 6 compresses JSON about as well as 9 at a fraction of the CPU.
LEVEL = 6

# Precompressed variants by preference, with the suffix the build writes next to an asset.
PRECOMPRESSED = (("br", ".br"), ("gzip", ".gz"))


class CompressionMiddleware:
    """Starlette's gzip, asked only when the client really accepts gzip: its own test is a
    substring one, which takes `gzip;q=0` (a refusal) for consent."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=MINIMUM_SIZE, compresslevel=LEVEL)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if "gzip" in accepted_encodings(Headers(scope=scope).get("accept-encoding", "")):
            await self.gzip(scope, receive, send)
        else:  # unchanged, with the same Vary as a compressed answer
            await IdentityResponder(self.app, MINIMUM_SIZE)(scope, receive, send)


def install_compression(app: FastAPI) -> None:
    """Outermost, so it sees the final body (after the envelope and every header is set)."""
    app.add_middleware(CompressionMiddleware)


def accepted_encodings(accept_encoding: str) -> set[str]:
    """The codings an Accept-Encoding header allows (RFC 9110, 12.5.3): `q=0` refuses one,
    `*` stands for any not named."""
    accepted: set[str] = set()
    refused: set[str] = set()
    for item in accept_encoding.lower().split(","):
        name, _, params = item.partition(";")
        name = name.strip()
        if not name:
            continue
        (refused if _quality(params) == 0 else accepted).add(name)
    if "*" in accepted:
        accepted |= {coding for coding, _ in PRECOMPRESSED} - refused
    return accepted - refused


def _quality(params: str) -> float:
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.strip() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0  # a broken weight is no consent
    return 1.0
