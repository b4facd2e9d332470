"""CSRF double-submit on every unsafe request made with the session cookie (and on login and
register); JSON bodies only; routes that no session authenticates (API keys, webhooks, signed
links) need no token."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from cryptolens.access.deps import OptionalUser
from cryptolens.core.csrf import CsrfTokens
from tests.auth.conftest import MakeClient, MakeUserClient
from tests.auth.helpers import API, error_of, fetch_csrf, strong_password


async def test_unsafe_request_with_session_but_without_csrf_header_is_403(
    make_user_client: MakeUserClient,
) -> None:
    user = await make_user_client()
    del user.http.headers["X-CSRF-Token"]
    refused = await user.http.patch(f"{API}/me", json={"timezone": "Europe/Berlin"})
    assert error_of(refused)[::2] == (403, "csrf_failed")
    assert (await user.http.get(f"{API}/me")).json()["data"]["timezone"] == "UTC"

    user.http.headers["X-CSRF-Token"] = user.http.cookies["cl_csrf"]
    accepted = await user.http.patch(f"{API}/me", json={"timezone": "Europe/Berlin"})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["data"]["timezone"] == "Europe/Berlin"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/logout-all", None),
        ("PUT", "/me/watchlist", {"symbols": ["BTC/USDT"]}),
        ("DELETE", "/sessions/1", None),
        ("POST", "/2fa/setup", None),
        ("POST", "/change-password", {"current_password": "x", "new_password": "y"}),
    ],
)
async def test_every_unsafe_session_route_checks_the_header(
    make_user_client: MakeUserClient, method: str, path: str, body: object
) -> None:
    user = await make_user_client()
    user.http.headers["X-CSRF-Token"] = "not-the-cookie-value"
    refused = await user.http.request(method, f"{API}{path}", json=body)
    assert error_of(refused)[::2] == (403, "csrf_failed")
    # Nothing happened: the session still works.
    assert (await user.http.get(f"{API}/me")).status_code == 200


async def test_login_and_register_need_the_token_too(make_client: MakeClient) -> None:
    client = make_client()
    email, password = "csrf-check@example.com", strong_password()
    no_token = await client.post(f"{API}/register", json={"email": email, "password": password})
    assert error_of(no_token)[::2] == (403, "csrf_failed")
    no_login = await client.post(f"{API}/login", json={"email": email, "password": password})
    assert error_of(no_login)[::2] == (403, "csrf_failed")

    await fetch_csrf(client)
    assert (
        await client.post(f"{API}/register", json={"email": email, "password": password})
    ).status_code == 201
    assert (
        await client.post(f"{API}/login", json={"email": email, "password": password})
    ).status_code == 200


async def test_a_token_not_signed_by_the_server_is_refused(make_client: MakeClient) -> None:
    # A cookie planted from a sibling subdomain cannot carry our signature.
    client = make_client()
    client.cookies.set("cl_csrf", "planted.value")
    client.headers["X-CSRF-Token"] = "planted.value"
    refused = await client.post(f"{API}/forgot-password", json={"email": "a@example.com"})
    assert error_of(refused)[::2] == (403, "csrf_failed")

    other_server = CsrfTokens("another-secret-key-of-at-least-32-chars").issue()
    client.cookies.set("cl_csrf", other_server)
    client.headers["X-CSRF-Token"] = other_server
    refused = await client.post(f"{API}/forgot-password", json={"email": "a@example.com"})
    assert error_of(refused)[::2] == (403, "csrf_failed")


async def test_csrf_endpoint_keeps_a_genuine_token_and_sets_a_readable_cookie(
    make_client: MakeClient,
) -> None:
    client = make_client()
    first = await client.get(f"{API}/csrf")
    cookie = first.headers["set-cookie"]
    assert "cl_csrf=" in cookie
    assert "httponly" not in cookie.lower()
    assert "samesite=lax" in cookie.lower()
    second = await client.get(f"{API}/csrf")
    assert second.json()["data"]["csrf_token"] == first.json()["data"]["csrf_token"]


async def test_non_json_bodies_are_415(make_user_client: MakeUserClient) -> None:
    user = await make_user_client()
    form = await user.http.patch(
        f"{API}/me",
        content=b"timezone=Europe%2FBerlin",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert error_of(form)[::2] == (415, "unsupported_media_type")
    assert form.headers["X-Request-ID"] == form.json()["meta"]["request_id"]
    assert form.headers["X-Content-Type-Options"] == "nosniff"
    plain = await user.http.post(
        f"{API}/logout", content=b"{}", headers={"Content-Type": "text/plain"}
    )
    assert plain.status_code == 415
    # A JSON type with parameters is JSON; an empty body needs no type at all.
    typed = await user.http.patch(
        f"{API}/me",
        content=b'{"display_name": "Ann"}',
        headers={"Content-Type": "application/json; charset=utf-8"},
    )
    assert typed.status_code == 200
    assert (await user.http.post(f"{API}/logout")).status_code == 200


@pytest.fixture
def app_with_probe_routes(app: FastAPI) -> FastAPI:
    async def api_key_action() -> dict[str, bool]:
        return {"done": True}

    async def maybe_signed_in(user: OptionalUser) -> dict[str, bool]:
        return {"signed_in": user is not None}

    app.add_api_route("/api/v1/probe/keyed", api_key_action, methods=["POST"])
    app.add_api_route("/api/v1/probe/optional", maybe_signed_in, methods=["POST"])
    return app


async def test_requests_not_authenticated_by_the_session_need_no_token(
    app_with_probe_routes: FastAPI, make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    # Like an API-key route or a webhook: no session dependency, no CSRF check.
    machine = make_client()
    keyed = await machine.post("/api/v1/probe/keyed", json={}, headers={"X-API-Key": "clk_x"})
    assert keyed.status_code == 200
    assert (await machine.post("/api/v1/probe/optional", json={})).json() == {"signed_in": False}

    # The same optional route with a session cookie is a session request: token needed.
    user = await make_user_client()
    del user.http.headers["X-CSRF-Token"]
    assert (await user.http.post("/api/v1/probe/optional", json={})).status_code == 403


async def test_webhook_paths_may_send_other_content_types(make_client: MakeClient) -> None:
    # A provider's webhook is neither JSON-only nor CSRF-checked: the body reaches the
    # signature check (401 for this unsigned one), never the 415 or 403 of browser requests.
    client: httpx.AsyncClient = make_client()
    response = await client.post(
        "/api/v1/billing/webhooks/fake", content=b"a=b", headers={"Content-Type": "text/plain"}
    )
    assert error_of(response)[::2] == (401, "invalid_signature")
