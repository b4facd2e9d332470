"""/api/health checks the real database and cache; a dead database gives 503 and the
process keeps serving."""

from __future__ import annotations

from pathlib import Path

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens.app import create_app
from tests.conftest import make_settings


async def test_health_reports_ok_from_real_checks(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/health")
    assert response.status_code == 200
    body = response.json()
    assert body["success"] is True
    data = body["data"]
    assert data["status"] == "ok"
    assert data["database"] == "ok"
    assert data["cache"] == "ok"
    assert data["data_source"] in ("exchange", "replay")
    assert data["version"]


async def test_health_liveness_needs_no_dependency(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/health/live")
    assert response.status_code == 200
    assert response.json()["data"]["status"] == "alive"


def _client_for(application: FastAPI) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def test_health_with_database_down_is_503_and_keeps_serving(tmp_path: Path) -> None:
    # A MySQL URL on a port nobody listens on: the database is "stopped".
    settings = make_settings(tmp_path, database_url="mysql+asyncmy://root@127.0.0.1:9/cryptolens")
    application = create_app(settings)
    async with application.router.lifespan_context(application), _client_for(application) as http:
        first = await http.get("/api/health")
        assert first.status_code == 503
        body = first.json()
        assert body["success"] is False
        assert body["data"]["database"] == "down"
        assert body["data"]["status"] == "down"
        assert "database" in body["error"]
        # Still serving: liveness and a second health check answer.
        assert (await http.get("/api/health/live")).status_code == 200
        assert (await http.get("/api/health")).status_code == 503


async def test_health_with_cache_down_is_degraded_not_failed(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, redis_url="redis://127.0.0.1:9/0")
    application = create_app(settings)
    async with application.router.lifespan_context(application), _client_for(application) as http:
        response = await http.get("/api/health")
        assert response.status_code == 200
        data = response.json()["data"]
        assert data["status"] == "degraded"
        assert data["cache"] == "down"
        assert data["database"] == "ok"


async def test_with_redis_down_requests_still_succeed(
    tmp_path: Path, db_engine: AsyncEngine
) -> None:
    settings = make_settings(tmp_path, redis_url="redis://127.0.0.1:9/0")
    application = create_app(settings, engine=db_engine)
    async with application.router.lifespan_context(application), _client_for(application) as http:
        health = (await http.get("/api/health")).json()["data"]
        assert health["cache"] == "down" and health["status"] == "degraded"
        # Rate-limited and cached routes answer instead of failing with the cache.
        csrf = await http.get("/api/v1/auth/csrf")
        assert csrf.status_code == 200
        token = csrf.json()["data"]["csrf_token"]
        login = await http.post(
            "/api/v1/auth/login",
            json={"email": "nobody@example.com", "password": "wrong-password-123"},
            headers={"X-CSRF-Token": token},
        )
        assert login.status_code == 401, login.text
        assert (await http.get("/api/v1/matrix")).status_code == 401
