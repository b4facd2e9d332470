"""Answers meant for one signed-in user are never stored by a browser or a shared cache
(issue #13, failure 10): `Cache-Control: no-store` on every JSON response to a request with a
session cookie or credentials, and on every /auth answer."""

from __future__ import annotations

from tests.auth.conftest import MakeClient, MakeUserClient
from tests.auth.helpers import API, fetch_csrf


async def test_signed_in_json_answers_are_not_stored(make_user_client: MakeUserClient) -> None:
    user = await make_user_client()
    for path in (f"{API}/me", f"{API}/sessions", "/api/v1/notifications/preferences"):
        answer = await user.http.get(path)
        assert answer.status_code == 200, (path, answer.text)
        assert answer.headers.get("cache-control") == "no-store", path
    # Errors too (a 404 of a signed-in request says something about the account).
    missing = await user.http.delete(f"{API}/sessions/999999")
    assert missing.status_code == 404
    assert missing.headers.get("cache-control") == "no-store"
    # And any other route asked with the cookie.
    health = await user.http.get("/api/health/live")
    assert health.headers.get("cache-control") == "no-store"


async def test_credentials_and_every_auth_answer_are_not_stored(make_client: MakeClient) -> None:
    client = make_client()
    token = await fetch_csrf(client)
    assert token
    csrf = await client.get(f"{API}/csrf")
    assert csrf.headers.get("cache-control") == "no-store"
    refused = await client.post(f"{API}/login", json={"email": "a@example.com", "password": "x"})
    assert refused.status_code in (401, 422)
    assert refused.headers.get("cache-control") == "no-store"
    keyed = await make_client().get("/api/health/live", headers={"X-API-Key": "clk_test"})
    assert keyed.headers.get("cache-control") == "no-store"
    bearer = await make_client().get("/api/health/live", headers={"Authorization": "Bearer x"})
    assert bearer.headers.get("cache-control") == "no-store"


async def test_anonymous_public_answers_keep_their_caching(make_client: MakeClient) -> None:
    public = await make_client().get("/api/health/live")
    assert public.status_code == 200
    assert public.headers.get("cache-control") != "no-store"
