"""Every admin route refuses anonymous callers (401) and signed-in non-admins (403
`admin_required`); API keys only reach the jobs routes, as an admin's key carrying
`admin:scheduler` (elsewhere 403 `session_required`). The routes come from the app's own route
table (as its OpenAPI document lists it), so a new admin route that is left unguarded, or that
takes a key, fails here without anyone adding a case."""

from __future__ import annotations

import re

import httpx
import pytest
from fastapi import FastAPI

from cryptolens.admin.router import ADMIN_PREFIX
from tests.clients import MakeClient, MakeUserClient, UserClient

# A value every path parameter of the admin API accepts as well-formed (ids, symbols, names),
# so the answer is decided by who calls, not by a 422 on the path.
_PATH_VALUES = {"symbol": "BTC-USDT", "name": "refresh_stats", "key": "min_confluence"}
# The one admin section an admin's API key may call (with `admin:scheduler`).
_JOBS = f"{ADMIN_PREFIX}/jobs"


def _admin_operations(app: FastAPI) -> list[tuple[str, str]]:
    operations = []
    for template, methods in app.openapi()["paths"].items():
        if template.startswith(ADMIN_PREFIX):
            path = re.sub(r"\{(\w+)\}", lambda m: _PATH_VALUES.get(m.group(1), "1"), template)
            operations.extend((method.upper(), path) for method in sorted(methods))
    return operations


async def test_the_route_table_holds_admin_routes(app: FastAPI) -> None:
    assert ("GET", f"{ADMIN_PREFIX}/audit-log") in _admin_operations(app)


async def test_every_admin_route_refuses_anonymous_callers(
    app: FastAPI, make_client: MakeClient
) -> None:
    client = make_client()
    for method, path in _admin_operations(app):
        response = await client.request(method, path, json={})
        assert response.status_code == 401, (method, path, response.text)
        assert response.json()["meta"]["code"] == "not_signed_in"


@pytest.mark.parametrize("tier", ["free", "premium"])
async def test_every_admin_route_refuses_non_admins(
    app: FastAPI, make_user_client: MakeUserClient, tier: str
) -> None:
    user = await make_user_client(tier)
    for method, path in _admin_operations(app):
        response = await user.http.request(method, path, json={})
        assert response.status_code == 403, (method, path, response.text)
        assert response.json()["meta"]["code"] == "admin_required", (method, path)


async def test_an_admin_passes_the_guard(make_user_client: MakeUserClient) -> None:
    admin = await make_user_client(admin=True)
    response = await admin.http.get(f"{ADMIN_PREFIX}/audit-log")
    assert response.status_code == 200, response.text
    assert response.json()["data"] == []


async def _key_of(
    owner: UserClient, scopes: list[str], make_client: MakeClient
) -> httpx.AsyncClient:
    created = await owner.http.post("/api/v1/api-keys", json={"name": "guard", "scopes": scopes})
    assert created.status_code == 201, created.text
    client = make_client()  # no cookie, no CSRF header: the key alone
    client.headers["X-API-Key"] = created.json()["data"]["key"]
    return client


def _is_jobs(path: str) -> bool:
    return path == _JOBS or path.startswith(f"{_JOBS}/")


async def test_an_admins_scheduler_key_reaches_the_jobs_routes_only(
    app: FastAPI, make_user_client: MakeUserClient, make_client: MakeClient
) -> None:
    admin = await make_user_client(admin=True)
    client = await _key_of(admin, ["admin:scheduler"], make_client)
    operations = _admin_operations(app)
    assert sum(_is_jobs(path) for _method, path in operations) == 4
    for method, path in operations:
        response = await client.request(method, path, json={})
        if _is_jobs(path):
            # Past the guard: the route's own answer (a 422 for PATCH's empty body).
            assert response.status_code in (200, 202, 422), (method, path, response.text)
        else:
            assert response.status_code == 403, (method, path, response.text)
            assert response.json()["meta"]["code"] == "session_required", (method, path)


async def test_an_admin_key_without_the_admin_scope_is_refused_everywhere(
    app: FastAPI, make_user_client: MakeUserClient, make_client: MakeClient
) -> None:
    admin = await make_user_client(admin=True)
    client = await _key_of(admin, ["all"], make_client)
    for method, path in _admin_operations(app):
        response = await client.request(method, path, json={})
        expected = "scope_required" if _is_jobs(path) else "session_required"
        assert response.status_code == 403, (method, path, response.text)
        assert response.json()["meta"]["code"] == expected, (method, path)


async def test_a_key_whose_owner_is_no_longer_admin_is_refused(
    app: FastAPI, make_user_client: MakeUserClient, make_client: MakeClient
) -> None:
    owner = await make_user_client("premium", admin=True)
    other = await make_user_client(admin=True)
    client = await _key_of(owner, ["admin:scheduler"], make_client)
    assert (await client.get(_JOBS)).status_code == 200
    demoted = await other.http.patch(
        f"{ADMIN_PREFIX}/users/{owner.user_id}", json={"is_admin": False}
    )
    assert demoted.status_code == 200, demoted.text
    for method, path in _admin_operations(app):
        response = await client.request(method, path, json={})
        expected = "admin_required" if _is_jobs(path) else "session_required"
        assert response.status_code == 403, (method, path, response.text)
        assert response.json()["meta"]["code"] == expected, (method, path)
