"""Bad input is a 422 naming the field, never a 500 (issue 13, failure 6): unicode digits and
integers beyond 64 bits in timestamps, path ids and cursors, a NUL in a static path; the
connection stays usable after the 422; request bodies are capped (413) without being read."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens.app import create_app
from cryptolens.core.clock import FrozenClock
from cryptolens.core.paging import encode_cursor
from cryptolens.settings import HttpSettings
from tests.clients import MakeUserClient, UserClient
from tests.conftest import make_settings
from tests.processes import free_port

BEYOND_64_BITS = 240157940105382197859601874944
MIB = 1024 * 1024


def assert_envelope_error(response: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    body: dict[str, object] = response.json()
    assert body["success"] is False and body["data"] is None
    meta = body["meta"]
    assert isinstance(meta, dict) and meta["code"] == code, body
    return body


def assert_names_field(response: httpx.Response, field: str) -> None:
    body = assert_envelope_error(response, 422, "validation_error")
    assert field in str(body["error"]), body


@pytest.fixture
async def premium(make_user_client: MakeUserClient) -> UserClient:
    return await make_user_client("premium")


async def assert_each_names_field(
    user: UserClient, requests: list[tuple[str, str, dict[str, str]]]
) -> None:
    """(method, path, query) each answered 422 naming the field (the last query key, or the
    path's id when there is no query)."""
    for method, path, params in requests:
        response = await user.http.request(method, path, params=params)
        field = list(params)[-1] if params else path.split("/")[-2][:-1] + "_id"
        try:
            assert_names_field(response, field)
        except AssertionError as error:
            raise AssertionError(f"{method} {path} {params}: {error}") from None


TIMESTAMPS = [
    ("/api/v1/symbols/BTC-USDT/candles", "start"),
    ("/api/v1/symbols/BTC-USDT/candles", "end"),
    ("/api/v1/patterns", "since"),
    ("/api/v1/signals", "since"),
]
LISTS = ["/api/v1/patterns", "/api/v1/signals", "/api/v1/notifications"]


async def test_unicode_digits_in_timestamps_are_a_422_naming_the_field(
    premium: UserClient, market_rows: dict[str, int]
) -> None:
    # superscript two, circled one, full-width and Arabic-Indic digits: str.isdigit() says yes
    values = ["\u00b2", "\u2460", "\uff11\uff12", "\u0661\u0662"]
    await assert_each_names_field(
        premium,
        [("GET", path, {field: value}) for path, field in TIMESTAMPS for value in values],
    )


async def test_timestamps_outside_a_sane_range_are_a_422(
    premium: UserClient, market_rows: dict[str, int]
) -> None:
    values = [str(BEYOND_64_BITS), str(2**63), "-1", "99999999999999999", "9999-01-01"]
    await assert_each_names_field(
        premium,
        [("GET", path, {field: value}) for path, field in TIMESTAMPS for value in values],
    )


async def test_sane_timestamps_are_still_accepted(
    premium: UserClient, market_rows: dict[str, int], clock: FrozenClock
) -> None:
    now_ms = int(clock.now().timestamp() * 1000)
    for params in (
        {"since": str(now_ms - 3_600_000)},
        {"since": clock.now().isoformat()},
        {"since": "2026-01-01T00:00:00Z"},
    ):
        assert (await premium.http.get("/api/v1/signals", params=params)).status_code == 200
    candles = await premium.http.get(
        "/api/v1/symbols/BTC-USDT/candles", params={"start": "0", "end": str(now_ms)}
    )
    assert candles.status_code == 200 and candles.json()["meta"]["count"] == 5


BAD_IDS = [str(BEYOND_64_BITS), str(2**63), "0", "-1", "\u00b9", "1_0", "+1", "%201", "1.0"]


async def test_path_ids_must_be_positive_64_bit_ascii_integers(
    premium: UserClient, market_rows: dict[str, int]
) -> None:
    await assert_each_names_field(
        premium,
        [
            ("GET", f"/api/v1/{kind}/{raw}", {})
            for kind in ("patterns", "signals")
            for raw in BAD_IDS
        ],
    )
    for kind in ("patterns", "signals"):  # the largest 64-bit id is simply not found
        response = await premium.http.get(f"/api/v1/{kind}/{2**63 - 1}")
        assert_envelope_error(response, 404, "not_found")


async def test_a_session_id_must_be_a_positive_64_bit_ascii_integer(premium: UserClient) -> None:
    await assert_each_names_field(
        premium, [("DELETE", f"/api/v1/auth/sessions/{raw}", {}) for raw in BAD_IDS]
    )


async def test_cursors_carrying_impossible_numbers_are_a_422(
    premium: UserClient, market_rows: dict[str, int]
) -> None:
    cursors = [
        encode_cursor(BEYOND_64_BITS, 1, 1),
        encode_cursor(1, BEYOND_64_BITS, 1),
        encode_cursor(1, 1, BEYOND_64_BITS),
        encode_cursor(BEYOND_64_BITS),
        encode_cursor(-5, -5, 0),
        "W" * 5000,
        "\u00b2\u00b2",
    ]
    await assert_each_names_field(
        premium, [("GET", path, {"cursor": cursor}) for path in LISTS for cursor in cursors]
    )


async def test_limits_are_strict_too(premium: UserClient, market_rows: dict[str, int]) -> None:
    limits = ["\u00b2", "1_0", "10.0", " 10", str(BEYOND_64_BITS), "0"]
    await assert_each_names_field(
        premium, [("GET", path, {"limit": limit}) for path in LISTS for limit in limits]
    )
    candles = "/api/v1/symbols/BTC-USDT/candles"
    await assert_each_names_field(premium, [("GET", candles, {"limit": x}) for x in limits])


# A NUL in a static path


@pytest.fixture
async def spa_app(
    var_dir: Path, db_engine: AsyncEngine, clock: FrozenClock, tmp_path: Path
) -> AsyncIterator[httpx.AsyncClient]:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>CryptoLens</title>")
    (dist / "assets" / "app.js").write_text("console.log(1)")
    settings = make_settings(var_dir, http=HttpSettings(frontend_dist=dist, max_body_bytes=1000))
    application = create_app(settings, engine=db_engine, clock=clock)
    transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.mark.parametrize(
    "path",
    ["/assets/app%00.js", "/assets/%00", "/markets%00/x", "/%00", "/api/docs/assets/x%00.css"],
)
async def test_a_nul_in_a_static_path_is_a_404_envelope(
    spa_app: httpx.AsyncClient, path: str
) -> None:
    response = await spa_app.get(path)
    assert_envelope_error(response, 404, "not_found")


async def test_the_spa_is_still_served(spa_app: httpx.AsyncClient) -> None:
    assert "CryptoLens" in (await spa_app.get("/markets/BTC-USDT")).text
    assert (await spa_app.get("/assets/app.js")).text == "console.log(1)"
    assert (await spa_app.get("/api/docs/assets/swagger-ui.css")).status_code == 200


async def test_the_body_limit_is_a_setting(spa_app: httpx.AsyncClient) -> None:
    body = b'{"x":"' + b"a" * 1000 + b'"}'
    response = await spa_app.post("/api/v1/auth/login", content=body, headers=_JSON)
    assert_envelope_error(response, 413, "payload_too_large")


# Request body limit (settings.http.max_body_bytes, 1 MiB by default)

_JSON = {"Content-Type": "application/json"}


def json_body(size: int) -> bytes:
    """A JSON document of exactly `size` bytes."""
    head, tail = b'{"display_name":"', b'"}'
    return head + b"a" * (size - len(head) - len(tail)) + tail


async def test_a_body_over_one_mib_with_content_length_is_a_413(premium: UserClient) -> None:
    response = await premium.http.put(
        "/api/v1/notifications/preferences", content=json_body(MIB + 1), headers=_JSON
    )
    body = assert_envelope_error(response, 413, "payload_too_large")
    assert response.headers.get("X-Request-ID") == body["meta"]["request_id"]  # type: ignore[index]


async def test_a_chunked_body_over_one_mib_is_a_413(premium: UserClient) -> None:
    payload = json_body(MIB + 1)

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(payload), 64 * 1024):
            yield payload[start : start + 64 * 1024]

    response = await premium.http.put(
        "/api/v1/notifications/preferences", content=chunks(), headers=_JSON
    )
    assert "content-length" not in response.request.headers
    assert_envelope_error(response, 413, "payload_too_large")


async def test_a_body_of_exactly_one_mib_is_read(premium: UserClient) -> None:
    response = await premium.http.put(
        "/api/v1/notifications/preferences", content=json_body(MIB), headers=_JSON
    )
    assert response.status_code == 422  # read and parsed: the fields are wrong, not the size


async def test_a_100_mib_chunked_body_is_refused_without_being_read(premium: UserClient) -> None:
    sent = 0
    chunk = b"a" * (64 * 1024)

    async def hundred_mib() -> AsyncIterator[bytes]:
        nonlocal sent
        yield b'{"x":"'
        while sent < 100 * MIB:
            sent += len(chunk)
            yield chunk

    response = await premium.http.put(
        "/api/v1/notifications/preferences", content=hundred_mib(), headers=_JSON
    )
    assert_envelope_error(response, 413, "payload_too_large")
    assert sent <= 2 * MIB


# Real sockets: an in-test uvicorn server on the test's app


@pytest.fixture
async def server_url(app: FastAPI) -> AsyncIterator[str]:
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        for _ in range(500):  # up to 10 s
            if server.started:
                break
            await asyncio.sleep(0.02)
        assert server.started, "the test server did not start"
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, 10)


def cookie_header(user: UserClient) -> str:
    """The signed-in client's cookies for a request to another host than the test server."""
    return "; ".join(f"{name}={value}" for name, value in user.http.cookies.items())


def _local_port(response: httpx.Response) -> int:
    stream = response.extensions["network_stream"]
    port: int = stream.get_extra_info("client_addr")[1]
    return port


@pytest.mark.parametrize(
    "bad",
    [
        "/api/v1/symbols/BTC-USDT/candles?start=%C2%B2",
        "/api/v1/patterns?since=%E2%91%A0",
        f"/api/v1/signals?since={BEYOND_64_BITS}",
        f"/api/v1/patterns/{BEYOND_64_BITS}",
        f"/api/v1/patterns?cursor={encode_cursor(BEYOND_64_BITS, 1, 1)}",
    ],
)
async def test_the_connection_stays_usable_after_a_422(
    server_url: str, premium: UserClient, market_rows: dict[str, int], bad: str
) -> None:
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    headers = {"Cookie": cookie_header(premium)}
    async with httpx.AsyncClient(
        base_url=server_url, headers=headers, limits=limits, timeout=10
    ) as http:
        first = await http.get(bad)
        assert_envelope_error(first, 422, "validation_error")
        assert first.headers.get("connection", "").lower() != "close"
        second = await http.get("/api/v1/patterns")
        assert second.status_code == 200
        assert _local_port(first) == _local_port(second)  # the same TCP connection


async def test_a_100_mib_content_length_is_answered_before_the_body_is_sent(
    server_url: str, premium: UserClient
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", int(server_url.rsplit(":", 1)[1]))
    try:
        head = (
            "PUT /api/v1/notifications/preferences HTTP/1.1\r\n"
            "Host: 127.0.0.1\r\n"
            "Content-Type: application/json\r\n"
            f"Content-Length: {100 * MIB}\r\n"
            f"X-CSRF-Token: {premium.http.headers['X-CSRF-Token']}\r\n"
            f"Cookie: {cookie_header(premium)}\r\n\r\n"
        )
        writer.write(head.encode())
        await writer.drain()
        async with asyncio.timeout(5):  # no body is sent: the answer must not wait for one
            status_line = await reader.readline()
            assert status_line.startswith(b"HTTP/1.1 413"), status_line
            rest = await reader.read(65536)
        assert b"payload_too_large" in rest
    finally:
        writer.close()
