"""Every response, ours or the framework's, is the envelope and carries X-Request-ID."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI
from pydantic import BaseModel

from cryptolens.core.errors import NotFoundError


class Order(BaseModel):
    symbol: str
    quantity: float


@pytest.fixture
def app_with_probe_routes(app: FastAPI) -> FastAPI:
    async def create_order(order: Order) -> dict[str, str]:
        return {"symbol": order.symbol}

    async def explode() -> None:
        raise RuntimeError("secret internals: password=hunter2")

    async def missing_symbol() -> None:
        raise NotFoundError("Symbol not found")

    app.add_api_route("/api/v1/probe/orders", create_order, methods=["POST"])
    app.add_api_route("/api/v1/probe/explode", explode, methods=["GET"])
    app.add_api_route("/api/v1/probe/missing", missing_symbol, methods=["GET"])
    return app


def assert_error_envelope(response: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status
    body = response.json()
    assert body["success"] is False
    assert body["data"] is None
    assert isinstance(body["error"], str) and body["error"]
    assert body["meta"]["code"] == code
    assert body["meta"]["request_id"] == response.headers["X-Request-ID"]
    assert "timestamp" in body["meta"]
    return body


async def test_unknown_route_is_a_404_envelope(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/does-not-exist")
    body = assert_error_envelope(response, 404, "not_found")
    assert "/api/v1/does-not-exist" in str(body["error"])


async def test_wrong_method_is_a_405_envelope(client: httpx.AsyncClient) -> None:
    response = await client.delete("/api/health")
    assert_error_envelope(response, 405, "method_not_allowed")


async def test_broken_json_is_a_422_naming_the_problem(
    client: httpx.AsyncClient, app_with_probe_routes: FastAPI
) -> None:
    response = await client.post(
        "/api/v1/probe/orders",
        content=b'{"symbol": "BTC/USDT", "quantity": ',
        headers={"Content-Type": "application/json"},
    )
    body = assert_error_envelope(response, 422, "validation_error")
    assert "JSON" in str(body["error"])


async def test_invalid_field_is_a_422_naming_the_field(
    client: httpx.AsyncClient, app_with_probe_routes: FastAPI
) -> None:
    response = await client.post(
        "/api/v1/probe/orders", json={"symbol": "BTC/USDT", "quantity": "lots"}
    )
    body = assert_error_envelope(response, 422, "validation_error")
    assert "body.quantity" in str(body["error"])
    assert body["meta"]["errors"][0]["field"] == "body.quantity"  # type: ignore[index]


async def test_unhandled_exception_is_a_500_without_traceback(
    client: httpx.AsyncClient, app_with_probe_routes: FastAPI
) -> None:
    response = await client.get("/api/v1/probe/explode", headers={"X-Request-ID": "trace-me-123"})
    body = assert_error_envelope(response, 500, "internal_error")
    assert body["meta"]["request_id"] == "trace-me-123"  # type: ignore[index]
    assert "hunter2" not in response.text
    assert "Traceback" not in response.text
    assert "RuntimeError" not in response.text
    assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_domain_error_uses_its_status_and_message(
    client: httpx.AsyncClient, app_with_probe_routes: FastAPI
) -> None:
    response = await client.get("/api/v1/probe/missing")
    body = assert_error_envelope(response, 404, "not_found")
    assert body["error"] == "Not found: Symbol not found"


async def test_success_envelope_shape(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/health/live")
    assert response.status_code == 200
    body = response.json()
    assert body == {
        "success": True,
        "data": {"status": "alive"},
        "error": None,
        "meta": {"timestamp": body["meta"]["timestamp"], "request_id": body["meta"]["request_id"]},
    }


async def test_sane_request_id_is_echoed_and_a_bad_one_replaced(
    client: httpx.AsyncClient,
) -> None:
    echoed = await client.get("/api/health/live", headers={"X-Request-ID": "abc-123"})
    assert echoed.headers["X-Request-ID"] == "abc-123"
    assert echoed.json()["meta"]["request_id"] == "abc-123"

    hostile = await client.get("/api/health/live", headers={"X-Request-ID": "a b\tc" + "x" * 300})
    replaced = hostile.headers["X-Request-ID"]
    assert replaced != "a b\tc" + "x" * 300
    assert len(replaced) == 32


async def test_security_headers_on_every_response(client: httpx.AsyncClient) -> None:
    for response in (await client.get("/api/health/live"), await client.get("/api/v1/nope")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp


async def test_a_redis_that_refuses_where_a_request_needs_it_is_a_503_with_retry_after(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    """Enqueueing a job (an admin's run-now, load-markets) meets Redis down: the real client
    against a port nothing listens on raises, and the caller gets a 503 to retry, not a 500."""
    from redis.asyncio import Redis

    from tests.processes import free_port

    async def enqueue_somewhere() -> None:
        dead = Redis(port=free_port(), socket_connect_timeout=1)
        try:
            await dead.ping()
        finally:
            await dead.aclose()

    app.add_api_route("/api/v1/probe/enqueue", enqueue_somewhere, methods=["GET"])
    response = await client.get("/api/v1/probe/enqueue")
    assert_error_envelope(response, 503, "service_unavailable")
    assert int(response.headers["Retry-After"]) >= 1
