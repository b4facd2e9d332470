"""Serves the built single-page app, sending index.html for its client-side routes, and an
asset's precompressed copy (.br or .gz, written by the build) to a client that accepts it."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse
from starlette.types import Receive, Scope, Send

from cryptolens.system.compression import PRECOMPRESSED, accepted_encodings

# Paths that belong to the API: an unknown one is a 404 envelope, never the SPA page.
_API_PREFIXES = ("/api/", "/api", "/metrics")
# Vite fingerprints asset names, so they never change under one URL.
_FOREVER = "public, max-age=31536000, immutable"


class SinglePageApp:
    def __init__(self, dist: Path) -> None:
        self.dist = dist.resolve()
        self.index = self.dist / "index.html"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope["path"]
        if path.startswith(_API_PREFIXES) or scope["method"] not in ("GET", "HEAD"):
            raise HTTPException(status_code=404)
        file = self._file_for(path)
        if not path.startswith("/assets/"):
            response = FileResponse(file, headers={"Cache-Control": "no-cache"})
        else:
            response = _asset_response(file, Headers(scope=scope).get("accept-encoding", ""))
        await response(scope, receive, send)

    def _file_for(self, path: str) -> Path:
        # A NUL or an over-long name is no file and no client-side route either.
        if "\x00" in path:
            raise HTTPException(status_code=404)
        try:
            candidate = (self.dist / path.lstrip("/")).resolve()
            is_file = candidate.is_file()
        except (OSError, ValueError):
            raise HTTPException(status_code=404) from None
        if is_file and candidate.is_relative_to(self.dist):
            return candidate
        if path.startswith("/assets/"):
            raise HTTPException(status_code=404)
        return self.index


def _asset_response(file: Path, accept_encoding: str) -> FileResponse:
    """The best precompressed copy the client accepts, else the file itself (which the
    compression middleware still gzips when it can, adding `Vary` as it does)."""
    media_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    accepted = accepted_encodings(accept_encoding)
    for coding, suffix in PRECOMPRESSED:
        variant = file.with_name(file.name + suffix)
        if coding in accepted and variant.is_file():
            # The middleware leaves an encoded body alone, Vary included: set it here.
            headers = {"Cache-Control": _FOREVER, "Content-Encoding": coding}
            headers["Vary"] = "Accept-Encoding"
            return FileResponse(variant, media_type=media_type, headers=headers)
    return FileResponse(file, media_type=media_type, headers={"Cache-Control": _FOREVER})
