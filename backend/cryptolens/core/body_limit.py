"""The request body limit (settings.http.max_body_bytes, 1 MiB by default), as plain ASGI
middleware: a larger `Content-Length` is answered 413 before a byte of the body is read, and a
body without one (chunked) is counted as it streams and cut off at the limit, so a 100 MiB
upload costs the server at most the limit, never the whole body in memory."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cryptolens.core.handlers import envelope_response
from cryptolens.core.params import is_ascii_digits

PAYLOAD_TOO_LARGE = 413
# The rest of a refused body is never read: the connection cannot be reused after it.
_CLOSE = {"Connection": "close"}


class BodyTooLargeError(HTTPException):
    """Raised from `receive` once a streamed body passes the limit. An HTTPException, so the
    framework's body parsing lets it through and the error handlers answer the envelope."""

    def __init__(self, max_body_bytes: int) -> None:
        super().__init__(PAYLOAD_TOO_LARGE, _detail(max_body_bytes), headers=_CLOSE)


def _detail(max_body_bytes: int) -> str:
    return f"the request body is over {max_body_bytes} bytes"


def _declared_length(scope: Scope) -> int | None:
    raw = Headers(scope=scope).get("content-length")
    if raw is None or not is_ascii_digits(raw.strip()):
        return None  # the server refuses a malformed length before we see it
    return int(raw.strip())


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _declared_length(scope)
        if declared is not None and declared > self.max_body_bytes:
            await self._refuse(scope, receive, send)
            return

        received = 0
        response_started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLargeError(self.max_body_bytes)
            return message

        async def watching_send(message: Message) -> None:
            nonlocal response_started
            response_started = response_started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except BodyTooLargeError:
            # Raised where no error handler caught it (e.g. a middleware reading the body).
            if response_started:
                raise
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"{HTTPStatus(PAYLOAD_TOO_LARGE).phrase}: {_detail(self.max_body_bytes)}"
        response = envelope_response(
            Request(scope), PAYLOAD_TOO_LARGE, message, "payload_too_large", headers=_CLOSE
        )
        await response(scope, receive, send)


def install_body_limit(app: FastAPI, max_body_bytes: int) -> None:
    """Innermost of our middleware (appended), so the 413 carries the request id and the
    security headers like every other answer."""
    if app.middleware_stack is not None:
        raise RuntimeError("install_body_limit must run before the app starts serving")
    app.user_middleware.append(Middleware(BodyLimitMiddleware, max_body_bytes=max_body_bytes))
