"""The CSRF token is bound to the session (issue #13, failure 10): a genuine token of another
session, or an anonymous one, planted as cookie and header, is refused on every unsafe route a
session cookie reaches; the session's own token passes; the token changes with the session
(login, password change, logout)."""

from __future__ import annotations

import re

import httpx
from fastapi import FastAPI

from tests.auth.conftest import MakeClient, MakeUserClient
from tests.auth.helpers import API, error_of, fetch_csrf, login

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
# Not reached by a session: providers sign their body, the mute link carries its own token.
NOT_SESSION_ROUTES = ("/api/v1/billing/webhooks/", "/api/v1/notifications/mute")


def unsafe_routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every unsafe operation the OpenAPI document lists, path parameters filled in."""
    found: list[tuple[str, str]] = []
    for template, operations in app.openapi()["paths"].items():
        if not template.startswith("/api/") or template.startswith(NOT_SESSION_ROUTES):
            continue
        path = re.sub(r"\{[^}]+\}", "1", template)
        found.extend((method.upper(), path) for method in operations if method.upper() in UNSAFE)
    return found


def _forged(client: httpx.AsyncClient, session_token: str, csrf_token: str) -> httpx.AsyncClient:
    # Cookie header written by hand: the jar would keep the victim's own csrf cookie too.
    client.headers["Cookie"] = f"cl_session={session_token}; cl_csrf={csrf_token}"
    client.headers["X-CSRF-Token"] = csrf_token
    return client


async def test_another_sessions_token_is_refused_on_every_unsafe_session_route(
    app: FastAPI, make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    attacker = await make_user_client()
    victim = await make_user_client()
    attackers_token = attacker.http.cookies["cl_csrf"]
    anonymous_token = await fetch_csrf(make_client())
    routes = unsafe_routes(app)
    session_routes = {
        ("PATCH", f"{API}/me"),
        ("PUT", f"{API}/me/watchlist"),
        ("POST", f"{API}/change-password"),
        ("POST", f"{API}/logout"),
        ("POST", f"{API}/logout-all"),
        ("DELETE", f"{API}/sessions/1"),
        ("POST", f"{API}/2fa/setup"),
        ("POST", f"{API}/2fa/enable"),
        ("POST", f"{API}/2fa/disable"),
        ("POST", f"{API}/2fa/backup-codes"),
        ("PUT", "/api/v1/notifications/preferences"),
        ("POST", "/api/v1/notifications/test"),
        ("POST", "/api/v1/notifications/topic"),
    }
    assert session_routes <= set(routes), sorted(session_routes - set(routes))

    for planted in (attackers_token, anonymous_token):
        client = _forged(make_client(), victim.session_token, planted)
        for method, path in routes:
            refused = await client.request(method, path, json={})
            assert refused.status_code == 403, (method, path, refused.text)
            assert error_of(refused)[2] == "csrf_failed", (method, path)

    # Nothing happened to the victim (logout, logout-all... were refused: still signed in),
    # and the victim's own token passes.
    assert (await victim.http.get(f"{API}/me")).status_code == 200
    changed = await victim.http.patch(f"{API}/me", json={"display_name": "Victim"})
    assert changed.status_code == 200, changed.text


async def test_the_token_is_rotated_with_the_session(
    make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client()
    first = user.http.cookies["cl_csrf"]

    # Password change: a new session cookie and a new token; the old token is dead.
    changed = await user.http.post(
        f"{API}/change-password",
        json={"current_password": user.password, "new_password": "Another-pass-2026"},
    )
    assert changed.status_code == 200, changed.text
    second = user.http.cookies["cl_csrf"]
    assert second != first
    user.http.headers["X-CSRF-Token"] = first
    stale = await user.http.patch(f"{API}/me", json={"display_name": "Stale"})
    assert error_of(stale)[::2] == (403, "csrf_failed")
    user.http.headers["X-CSRF-Token"] = second
    assert (await user.http.patch(f"{API}/me", json={"display_name": "Fresh"})).status_code == 200

    # Logout: the session-bound token goes; the fresh anonymous one signs in again.
    assert (await user.http.post(f"{API}/logout")).status_code == 200
    assert "cl_session" not in user.http.cookies
    third = user.http.cookies["cl_csrf"]
    assert third not in (first, second)
    user.http.headers["X-CSRF-Token"] = second
    old = await user.http.post(
        f"{API}/login", json={"email": user.email, "password": "Another-pass-2026"}
    )
    assert error_of(old)[::2] == (403, "csrf_failed")
    user.http.headers["X-CSRF-Token"] = third
    signed_in = await login(user.http, user.email, "Another-pass-2026")
    assert signed_in.status_code == 200, signed_in.text

    # Login: a new token again, bound to the new session; it works, the anonymous one not.
    fourth = user.http.cookies["cl_csrf"]
    assert fourth != third
    assert (await user.http.patch(f"{API}/me", json={"display_name": "Back"})).status_code == 200
    user.http.headers["X-CSRF-Token"] = third
    user.http.cookies.set("cl_csrf", third, domain="testserver.local", path="/")
    refused = await user.http.patch(f"{API}/me", json={"display_name": "Anonymous"})
    assert error_of(refused)[::2] == (403, "csrf_failed")


async def test_the_csrf_endpoint_issues_a_token_for_the_current_session(
    make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client()
    anonymous = await fetch_csrf(make_client())
    # A browser holding an anonymous token and a session cookie gets a session token.
    user.http.cookies.set("cl_csrf", anonymous, domain="testserver.local", path="/")
    renewed = await fetch_csrf(user.http)
    assert renewed != anonymous
    assert (
        await user.http.patch(f"{API}/me", json={"timezone": "Europe/Paris"})
    ).status_code == 200
    # And keeps it on the next call (other tabs may have copied it).
    assert await fetch_csrf(user.http) == renewed
