"""The RateLimit-Policy / RateLimit headers (IETF httpapi draft, structured fields) on every
answer of a rate-limited route: 200s, errors, 429s (with a Retry-After that matches `t`), and
responses a route builds itself; several limits in one request merge into one policy list."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import httpx
from fastapi import Depends, FastAPI, Request
from fastapi.responses import PlainTextResponse

from cryptolens.core.handlers import install_error_handlers
from cryptolens.core.ratelimit import (
    AppRateLimiter,
    RateLimit,
    Window,
    install_rate_limiting,
    limiter_of,
    record_decision,
)
from cryptolens.core.ratelimit_headers import (
    LIMIT_HEADER,
    POLICY_HEADER,
    WindowState,
    closest_to_exhaustion,
    rate_limit_headers,
)
from cryptolens.core.resources import RESOURCES_ATTRIBUTE
from tests.auth.helpers import fetch_csrf, login
from tests.clients import MakeClient
from tests.conftest import make_settings

# "name";r=<int>;t=<int>, the draft's structured-field item.
LIMIT_ITEM = re.compile(r'^"(?P<name>[\w.-]+)";r=(?P<r>\d+);t=(?P<t>\d+)$')


def test_header_format() -> None:
    minute = WindowState("minute", quota=60, window_seconds=60, remaining=12, reset_seconds=48)
    hour = WindowState("hour", quota=1000, window_seconds=3600, remaining=900, reset_seconds=3000)
    headers = rate_limit_headers([minute, hour])
    assert headers == {
        "RateLimit-Policy": '"minute";q=60;w=60, "hour";q=1000;w=3600',
        "RateLimit": '"minute";r=12;t=48',
    }
    assert rate_limit_headers([]) == {}


def test_the_policy_closest_to_exhaustion_is_the_one_shown() -> None:
    roomy = WindowState("a", quota=10, window_seconds=60, remaining=9, reset_seconds=5)
    tight = WindowState("b", quota=1000, window_seconds=3600, remaining=1, reset_seconds=100)
    assert closest_to_exhaustion([roomy, tight]) is tight
    # Both exhausted: the longer wait is the truthful one.
    done_soon = WindowState("c", quota=5, window_seconds=60, remaining=0, reset_seconds=3)
    done_late = WindowState("d", quota=50, window_seconds=3600, remaining=0, reset_seconds=900)
    assert closest_to_exhaustion([done_soon, done_late]) is done_late


async def test_login_answers_carry_the_headers_and_the_429_a_matching_retry_after(
    make_client: MakeClient,
) -> None:
    client = make_client(ip="203.0.113.77")
    await fetch_csrf(client)
    for attempt in range(5):
        answer = await login(client, f"nobody{attempt}@example.com", "not-the-password")
        assert answer.status_code == 401  # an error answer: the headers all the same
        assert answer.headers[POLICY_HEADER] == '"auth-login";q=5;w=60'
        item = LIMIT_ITEM.match(answer.headers[LIMIT_HEADER])
        assert item is not None, answer.headers[LIMIT_HEADER]
        assert item["name"] == "auth-login"
        assert int(item["r"]) == 4 - attempt
        assert 0 < int(item["t"]) <= 60
    refused = await login(client, "nobody@example.com", "not-the-password")
    assert refused.status_code == 429
    item = LIMIT_ITEM.match(refused.headers[LIMIT_HEADER])
    assert item is not None and item["r"] == "0"
    assert refused.headers["Retry-After"] == item["t"]
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.headers[POLICY_HEADER] == '"auth-login";q=5;w=60'


def _small_app(tmp_path: Path) -> FastAPI:
    """Two limits on one route (per IP, then per 'user' through check()), a route answering
    with a Response of its own: what the middleware must cope with."""
    app = FastAPI()
    limiter = AppRateLimiter(make_settings(tmp_path))
    setattr(app.state, RESOURCES_ATTRIBUTE, SimpleNamespace(rate_limiter=limiter))
    install_error_handlers(app)
    install_rate_limiting(app, limiter)

    async def per_user(request: Request) -> None:
        decision = await limiter_of(request.app).check(
            [Window("user-minute", "3/minute"), Window("user-hour", "100/hour")], "user:1"
        )
        record_decision(request, decision)
        decision.raise_if_refused()

    @app.get(
        "/thing",
        dependencies=[Depends(RateLimit("10/minute", scope="thing")), Depends(per_user)],
    )
    async def thing() -> PlainTextResponse:
        return PlainTextResponse("ok")

    @app.get("/free")
    async def free(request: Request) -> dict[str, str]:
        return {"client": limiter_of(request.app).client_key(request)}

    return app


async def test_several_limits_merge_and_a_route_own_response_gets_them(tmp_path: Path) -> None:
    app = _small_app(tmp_path)
    transport = httpx.ASGITransport(app=app, client=("192.0.2.9", 5000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        first = await client.get("/thing")
        assert first.status_code == 200 and first.text == "ok"
        assert first.headers[POLICY_HEADER] == (
            '"thing";q=10;w=60, "user-minute";q=3;w=60, "user-hour";q=100;w=3600'
        )
        assert LIMIT_ITEM.match(first.headers[LIMIT_HEADER])["name"] == "user-minute"  # type: ignore[index]
        await client.get("/thing")
        await client.get("/thing")
        refused = await client.get("/thing")
        assert refused.status_code == 429
        assert refused.json()["meta"]["code"] == "rate_limited"
        item = LIMIT_ITEM.match(refused.headers[LIMIT_HEADER])
        assert item is not None and (item["name"], item["r"]) == ("user-minute", "0")
        assert refused.headers["Retry-After"] == item["t"]
        # A route without limits: no rate-limit headers.
        free = await client.get("/free")
        assert POLICY_HEADER not in free.headers and LIMIT_HEADER not in free.headers
