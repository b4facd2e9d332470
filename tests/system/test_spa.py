"""The built SPA is served with index.html for client routes; API paths stay API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens.app import create_app
from cryptolens.settings import HttpSettings
from tests.conftest import make_settings


@pytest.fixture
async def spa_client(tmp_path: Path, db_engine: AsyncEngine) -> AsyncIterator[httpx.AsyncClient]:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><div id=root></div>")
    (dist / "assets" / "app-1234.js").write_text("console.log('app')")
    application = create_app(
        make_settings(tmp_path, http=HttpSettings(frontend_dist=dist)), engine=db_engine
    )
    transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def test_client_routes_get_index_html(spa_client: httpx.AsyncClient) -> None:
    for path in ("/", "/signals/42", "/chart/BTC-USDT", "/verify-email?token=abc"):
        response = await spa_client.get(path)
        assert response.status_code == 200, path
        assert "<div id=root>" in response.text
        assert response.headers["Cache-Control"] == "no-cache"


async def test_assets_are_served_and_cached_forever(spa_client: httpx.AsyncClient) -> None:
    response = await spa_client.get("/assets/app-1234.js")
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    missing = await spa_client.get("/assets/gone.js")
    assert missing.status_code == 404


async def test_api_paths_are_never_the_spa(spa_client: httpx.AsyncClient) -> None:
    unknown = await spa_client.get("/api/v1/does-not-exist")
    assert unknown.status_code == 404
    assert unknown.json()["meta"]["code"] == "not_found"
    posted = await spa_client.post("/somewhere", json={})
    assert posted.status_code == 404
    assert posted.json()["success"] is False
    escape = await spa_client.get("/../../etc/passwd")
    assert "root:" not in escape.text
    health = await spa_client.get("/api/health")
    assert health.json()["data"]["database"] == "ok"
