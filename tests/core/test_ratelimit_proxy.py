"""The client address the limits count: the socket peer, unless trust_proxy_headers is on and
the peer is one of forwarded_allow_ips; then uvicorn's proxy-headers middleware takes it from
X-Forwarded-For. Through a real uvicorn server started with the options `cryptolens serve`
passes, and through the ASGI app as uvicorn wraps it (to vary the peer address)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
import uvicorn
from fastapi import FastAPI, Request

from cryptolens.core.ratelimit import AppRateLimiter, limiter_of
from cryptolens.core.resources import RESOURCES_ATTRIBUTE
from cryptolens.settings import HttpSettings, Settings
from cryptolens.system.commands import proxy_header_options
from tests.conftest import make_settings

FORGED = {"X-Forwarded-For": "6.6.6.6"}


def _settings(tmp_path: Path, **http: object) -> Settings:
    return make_settings(
        tmp_path, http=HttpSettings(frontend_dist=tmp_path / "no-frontend", **http)
    )


def _echo_app(settings: Settings) -> FastAPI:
    app = FastAPI()
    limiter = AppRateLimiter(settings)
    setattr(app.state, RESOURCES_ATTRIBUTE, SimpleNamespace(rate_limiter=limiter))

    @app.get("/who")
    async def who(request: Request) -> dict[str, str]:
        return {"client": limiter_of(request.app).client_key(request)}

    return app


def test_serve_passes_both_proxy_options(tmp_path: Path) -> None:
    assert proxy_header_options(_settings(tmp_path)) == {
        "proxy_headers": False,
        "forwarded_allow_ips": "127.0.0.1",
    }
    on = _settings(tmp_path, trust_proxy_headers=True, forwarded_allow_ips="10.0.0.0/8")
    assert proxy_header_options(on) == {
        "proxy_headers": True,
        "forwarded_allow_ips": "10.0.0.0/8",
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _served(settings: Settings) -> AsyncIterator[str]:
    """A real uvicorn server on loopback, configured like `cryptolens serve`."""
    port = _free_port()
    config = uvicorn.Config(
        _echo_app(settings),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
        **proxy_header_options(settings),
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        assert not task.done(), "uvicorn did not start"
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@pytest.mark.parametrize(
    ("trust", "expected"), [(False, "127.0.0.1"), (True, "6.6.6.6")], ids=["default", "trusted"]
)
async def test_a_real_server_trusts_forwarding_only_when_told(
    tmp_path: Path, trust: bool, expected: str
) -> None:
    settings = _settings(tmp_path, trust_proxy_headers=trust)
    async for base in _served(settings):
        async with httpx.AsyncClient(base_url=base) as client:
            answer = await client.get("/who", headers=FORGED)
        assert answer.json() == {"client": expected}


@pytest.mark.parametrize(
    ("trust", "peer", "expected"),
    [
        (False, "203.0.113.5", "203.0.113.5"),  # the default: headers ignored
        (False, "127.0.0.1", "127.0.0.1"),  # even from loopback
        (True, "203.0.113.5", "203.0.113.5"),  # trusted on, but not from a trusted proxy
        (True, "127.0.0.1", "6.6.6.6"),  # the proxy on loopback: its header counts
    ],
)
async def test_forwarded_for_counts_only_from_a_trusted_proxy(
    tmp_path: Path, trust: bool, peer: str, expected: str
) -> None:
    settings = _settings(tmp_path, trust_proxy_headers=trust)
    config = uvicorn.Config(_echo_app(settings), lifespan="off", **proxy_header_options(settings))
    config.load()  # wraps the app exactly as uvicorn serves it
    transport = httpx.ASGITransport(app=config.loaded_app, client=(peer, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        answer = await client.get("/who", headers=FORGED)
    assert answer.json() == {"client": expected}
