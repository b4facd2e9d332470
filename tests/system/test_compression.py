"""Compressed answers (issue #17): JSON of 1 kB or more is gzip when the client accepts it,
smaller JSON is not, and the live stream is neither compressed nor held back."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.types import Message

from cryptolens.app import create_app
from cryptolens.db import unit_of_work, utcnow
from cryptolens.market.models import Symbol
from cryptolens.settings import HttpSettings
from cryptolens.signals.stream import RECONNECT_MS
from cryptolens.system.compression import accepted_encodings
from tests.clients import MakeUserClient
from tests.conftest import make_settings

APP_JS = "console.log('a hashed asset');\n" * 100
FOREVER = "public, max-age=31536000, immutable"


async def _add_symbols(factory: async_sessionmaker[AsyncSession], count: int) -> None:
    async with unit_of_work(factory) as session:
        for number in range(count):
            base = f"C{number:03d}"
            session.add(
                Symbol(
                    symbol=f"{base}/USDT",
                    exchange="binance",
                    base=base,
                    quote="USDT",
                    is_active=True,
                    tick_size=0.01,
                    price_precision=2,
                    added_at=utcnow(),
                )
            )


async def test_a_large_json_list_is_gzip(
    make_user_client: MakeUserClient, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await _add_symbols(session_factory, 30)
    user = await make_user_client("premium")
    # The raw bytes, as they travel: httpx would otherwise decode them.
    async with user.http.stream(
        "GET", "/api/v1/symbols", headers={"Accept-Encoding": "gzip"}
    ) as response:
        raw = b"".join([chunk async for chunk in response.aiter_raw()])
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    # The conditional read's own Vary (credentials) is kept beside it.
    assert "Cookie" in response.headers["Vary"]
    assert int(response.headers["Content-Length"]) == len(raw)
    body = gzip.decompress(raw)
    assert len(body) > 1024
    assert len(raw) < len(body) / 4
    assert len(json.loads(body)["data"]) == 30

    # A client that accepts no gzip (or refuses it by weight) gets the same JSON as it is.
    for accept in ("identity", "gzip;q=0, br"):
        plain = await user.http.get("/api/v1/symbols", headers={"Accept-Encoding": accept})
        assert "Content-Encoding" not in plain.headers
        assert "Accept-Encoding" in plain.headers["Vary"]
        assert len(plain.json()["data"]) == 30


async def test_a_small_json_answer_is_not_compressed(
    make_user_client: MakeUserClient,
) -> None:
    user = await make_user_client("free")
    async with user.http.stream(
        "GET", "/api/v1/auth/me", headers={"Accept-Encoding": "gzip"}
    ) as response:
        raw = b"".join([chunk async for chunk in response.aiter_raw()])
    assert response.status_code == 200
    assert len(raw) < 1024
    assert "Content-Encoding" not in response.headers
    assert json.loads(raw)["data"]["email"] == user.email


async def test_the_stream_is_neither_compressed_nor_buffered(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    """Driven at the ASGI level: each chunk must reach the server while the stream is still
    open (an in-memory HTTP client would wait for the end of an endless answer)."""
    user = await make_user_client("premium")
    cookie = "; ".join(f"{name}={value}" for name, value in user.http.cookies.items())
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/api/v1/stream",
        "raw_path": b"/api/v1/stream",
        "root_path": "",
        "query_string": b"",
        "headers": [
            (b"host", b"testserver"),
            (b"accept", b"text/event-stream"),
            (b"accept-encoding", b"gzip, br"),
            (b"cookie", cookie.encode()),
        ],
        "client": ("127.0.0.1", 51000),
        "server": ("testserver", 80),
        "state": {},
    }
    sent: asyncio.Queue[Message] = asyncio.Queue()
    disconnected = asyncio.Event()

    async def receive() -> Message:
        await disconnected.wait()
        return {"type": "http.disconnect"}

    serving = asyncio.create_task(app(scope, receive, sent.put))
    try:
        start = await asyncio.wait_for(sent.get(), 10)
        assert start["type"] == "http.response.start"
        assert start["status"] == 200
        headers = {name.decode().lower(): value.decode() for name, value in start["headers"]}
        assert headers["content-type"].startswith("text/event-stream")
        assert "content-encoding" not in headers
        first = await asyncio.wait_for(sent.get(), 10)
        # The reconnect hint leaves at once, in clear text, while the stream stays open.
        assert first["body"] == f"retry: {RECONNECT_MS}\n\n".encode()
        assert first.get("more_body") is True
        assert not serving.done()
    finally:
        disconnected.set()
        serving.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await serving


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("gzip, deflate, br, zstd", {"gzip", "deflate", "br", "zstd"}),
        ("gzip;q=0.5, br;q=0", {"gzip"}),
        ("*", {"gzip", "br", "*"}),
        ("*, br;q=0", {"gzip", "*"}),
        ("identity", {"identity"}),
        ("", set()),
        ("GZIP ; q=1.0", {"gzip"}),
        ("br;q=oops", set()),
    ],
)
def test_accept_encoding_is_read_with_its_weights(header: str, expected: set[str]) -> None:
    assert accepted_encodings(header) == expected


@pytest.fixture
async def spa(tmp_path: Path, db_engine: AsyncEngine) -> AsyncIterator[httpx.AsyncClient]:
    """A built SPA as the build leaves it: a hashed asset with its .br and .gz copies (the
    copies hold a marker, so the test sees which file was sent), one without copies."""
    assets = tmp_path / "dist" / "assets"
    assets.mkdir(parents=True)
    (assets.parent / "index.html").write_text("<!doctype html><div id=root></div>")
    (assets / "app-1a2b3c.js").write_text(APP_JS)
    (assets / "app-1a2b3c.js.gz").write_bytes(gzip.compress(b"gz copy"))
    (assets / "app-1a2b3c.js.br").write_bytes(b"br copy")
    (assets / "logo-9f8e.svg").write_text("<svg/>")
    settings = make_settings(tmp_path, http=HttpSettings(frontend_dist=assets.parent))
    transport = httpx.ASGITransport(app=create_app(settings, engine=db_engine))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def _raw(http: httpx.AsyncClient, path: str, accept: str) -> tuple[httpx.Response, bytes]:
    async with http.stream("GET", path, headers={"Accept-Encoding": accept}) as response:
        return response, b"".join([chunk async for chunk in response.aiter_raw()])


async def test_the_spa_sends_the_precompressed_asset_the_client_accepts(
    spa: httpx.AsyncClient,
) -> None:
    brotli, raw = await _raw(spa, "/assets/app-1a2b3c.js", "gzip, deflate, br")
    assert brotli.status_code == 200
    assert (brotli.headers["Content-Encoding"], raw) == ("br", b"br copy")
    assert brotli.headers["Content-Type"].startswith("text/javascript")
    assert brotli.headers["Cache-Control"] == FOREVER
    assert brotli.headers["Vary"] == "Accept-Encoding"

    gzipped, raw = await _raw(spa, "/assets/app-1a2b3c.js", "gzip")
    assert gzipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(raw) == b"gz copy"
    assert gzipped.headers["Cache-Control"] == FOREVER

    refused, raw = await _raw(spa, "/assets/app-1a2b3c.js", "br;q=0, gzip;q=0")
    assert "Content-Encoding" not in refused.headers
    assert raw.decode() == APP_JS
    assert refused.headers["Vary"] == "Accept-Encoding"
    assert refused.headers["Cache-Control"] == FOREVER

    small, raw = await _raw(spa, "/assets/logo-9f8e.svg", "gzip, br")
    assert "Content-Encoding" not in small.headers
    assert (raw, small.headers["Cache-Control"]) == (b"<svg/>", FOREVER)


async def test_index_html_is_revalidated_and_unknown_assets_are_missing(
    spa: httpx.AsyncClient,
) -> None:
    for path in ("/", "/signals/7"):
        page = await spa.get(path, headers={"Accept-Encoding": "gzip, br"})
        assert page.status_code == 200
        assert page.headers["Cache-Control"] == "no-cache"
        assert "<div id=root>" in page.text
    assert (await spa.get("/assets/gone-123.js")).status_code == 404
