"""Serves the built single-page app, sending index.html for its client-side routes."""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import FileResponse
from starlette.types import Receive, Scope, Send

# Paths that belong to the API: an unknown one is a 404 envelope, never the SPA page.
_API_PREFIXES = ("/api/", "/api", "/metrics")


class SinglePageApp:
    def __init__(self, dist: Path) -> None:
        self.dist = dist.resolve()
        self.index = self.dist / "index.html"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope["path"]
        if path.startswith(_API_PREFIXES) or scope["method"] not in ("GET", "HEAD"):
            raise HTTPException(status_code=404)
        response = FileResponse(self._file_for(path))
        if not path.startswith("/assets/"):
            response.headers["Cache-Control"] = "no-cache"
        else:
            # Vite fingerprints asset names, so they never change under one URL.
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
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
