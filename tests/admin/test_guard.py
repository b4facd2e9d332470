"""Every admin route refuses anonymous callers (401) and signed-in non-admins (403
`admin_required`). The routes come from the app's own route table (as its OpenAPI document
lists it), so a new admin route that is left unguarded fails here without anyone adding a
case."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI

from cryptolens.admin.router import ADMIN_PREFIX
from tests.clients import MakeClient, MakeUserClient

# A value every path parameter of the admin API accepts as well-formed (ids, symbols, names),
# so the answer is decided by who calls, not by a 422 on the path.
_PATH_VALUES = {"symbol": "BTC-USDT", "name": "refresh_stats", "key": "min_confluence"}


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
