"""`Cache-Control: no-store` on answers meant for one caller: every JSON response to a request
that carries a session cookie or credentials (an API key, an Authorization header), and every
answer under the account routes (tokens, sessions, profile). A browser's disk cache or a
shared proxy then never keeps one user's data for the next person at the machine.

Anonymous public reads keep whatever caching their route chose, and so do the conditional
reads (core/etag.py: an ETag with `private, no-cache`, revalidated on every use).
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

NO_STORE = "no-store"
CREDENTIAL_HEADERS = ("authorization", "x-api-key")


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


def _revalidated_privately(headers: MutableHeaders) -> bool:
    """A read with an ETag that chose `private, no-cache` (core/etag.py): the browser may keep
    it but asks again every time, and no shared cache keeps it."""
    directives = {part.strip().lower() for part in headers.get("cache-control", "").split(",")}
    return "etag" in headers and {"private", "no-cache"} <= directives


class NoStoreMiddleware:
    def __init__(
        self, app: ASGIApp, session_cookie: str, always_prefixes: tuple[str, ...] = ()
    ) -> None:
        self.app = app
        self.session_cookie = session_cookie
        self.always_prefixes = always_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        always = str(scope["path"]).startswith(self.always_prefixes)
        personal = always or self._has_credentials(Headers(scope=scope))

        async def send_marked(message: Message) -> None:
            if personal and message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if always or (
                    _is_json(headers.get("content-type", ""))
                    and not _revalidated_privately(headers)
                ):
                    headers["Cache-Control"] = NO_STORE
            await send(message)

        await self.app(scope, receive, send_marked if personal else send)

    def _has_credentials(self, headers: Headers) -> bool:
        if any(name in headers for name in CREDENTIAL_HEADERS):
            return True
        cookies = headers.get("cookie", "")
        return any(
            part.strip().startswith(f"{self.session_cookie}=") for part in cookies.split(";")
        )


def install_no_store(
    app: FastAPI, session_cookie: str, always_prefixes: tuple[str, ...] = ()
) -> None:
    if app.middleware_stack is not None:
        raise RuntimeError("install_no_store must run before the app starts serving")
    # First in the list: the outermost of our middleware, so it marks every answer, the
    # refusals of the inner ones (415, cross-site 403) included.
    app.user_middleware.insert(
        0,
        Middleware(
            NoStoreMiddleware, session_cookie=session_cookie, always_prefixes=always_prefixes
        ),
    )
