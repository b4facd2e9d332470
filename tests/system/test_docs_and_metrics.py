"""API docs render from local assets; the OpenAPI document and Prometheus metrics are served."""

from __future__ import annotations

import re

import httpx


async def test_docs_page_uses_only_local_assets(client: httpx.AsyncClient) -> None:
    page = await client.get("/api/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets, "the docs page loads its UI from somewhere"
    for asset in assets:
        assert asset.startswith("/"), f"{asset} is not served by us"
        fetched = await client.get(asset)
        assert fetched.status_code == 200, asset
        assert len(fetched.content) > 100
    assert "swagger-ui-bundle.js" in page.text


async def test_openapi_document_is_served(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    assert "/api/health" in document["paths"]
    assert document["paths"]["/api/health"]["get"]["operationId"] == "health-check"


async def test_metrics_are_prefixed(client: httpx.AsyncClient) -> None:
    await client.get("/api/health")
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert "cryptolens_http_requests_total" in response.text
    assert "cryptolens_http_request_duration_seconds" in response.text
