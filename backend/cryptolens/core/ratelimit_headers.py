"""The rate-limit headers of every answer (IETF draft-ietf-httpapi-ratelimit-headers, structured
field form):

    RateLimit-Policy: "auth-login";q=5;w=60, "user-hour";q=1000;w=3600
    RateLimit: "auth-login";r=2;t=41

`RateLimit-Policy` lists every window the request was counted in: `q` the quota, `w` the window
in seconds. `RateLimit` names the one closest to exhaustion: `r` the requests remaining, `t` the
seconds until its oldest counted request leaves the (moving) window, so `r` grows again (0 with
nothing counted). A 429 adds `Retry-After`: the seconds until a request would be admitted.

The limits a request goes through (IP, user, API key) are gathered on the request
(`record_states`) and written on the answer by `RateLimitHeadersMiddleware`, whatever the route
returns (a model, a Response, an error).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

POLICY_HEADER = "RateLimit-Policy"
LIMIT_HEADER = "RateLimit"
RETRY_AFTER_HEADER = "Retry-After"
RATE_LIMIT_HEADERS = (POLICY_HEADER, LIMIT_HEADER)
# Where a request's window states are gathered (request.state).
STATE_ATTRIBUTE = "rate_limit_windows"


@dataclass(frozen=True)
class WindowState:
    """One window as one request left it."""

    name: str
    quota: int  # q
    window_seconds: int  # w
    remaining: int  # r
    reset_seconds: int  # t

    @property
    def used_share(self) -> float:
        return 1.0 - self.remaining / self.quota


def closest_to_exhaustion(states: Sequence[WindowState]) -> WindowState:
    # Least share left; on a tie the one that stays exhausted longest.
    return max(states, key=lambda state: (state.used_share, state.reset_seconds))


def rate_limit_headers(states: Sequence[WindowState]) -> dict[str, str]:
    if not states:
        return {}
    policy = ", ".join(f'"{s.name}";q={s.quota};w={s.window_seconds}' for s in states)
    closest = closest_to_exhaustion(states)
    limit = f'"{closest.name}";r={closest.remaining};t={closest.reset_seconds}'
    return {POLICY_HEADER: policy, LIMIT_HEADER: limit}


def merge_states(*groups: Iterable[WindowState]) -> list[WindowState]:
    """One state per window name, the latest kept (a window checked twice shows its last)."""
    merged: dict[str, WindowState] = {}
    for group in groups:
        for state in group:
            merged[state.name] = state
    return list(merged.values())


def record_states(connection: HTTPConnection, states: Iterable[WindowState]) -> None:
    """Adds these windows to the request's headers (written by the middleware)."""
    earlier: list[WindowState] = getattr(connection.state, STATE_ATTRIBUTE, [])
    setattr(connection.state, STATE_ATTRIBUTE, merge_states(earlier, states))


class RateLimitHeadersMiddleware:
    """Writes the request's rate-limit headers on its answer, unless the answer already has
    them (a 429 carries those of the refusing check)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                states = scope.get("state", {}).get(STATE_ATTRIBUTE)
                if states:
                    headers = MutableHeaders(scope=message)
                    if LIMIT_HEADER not in headers:
                        for name, value in rate_limit_headers(states).items():
                            headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
