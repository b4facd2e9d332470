"""A request authenticated by an API key: 401 for any bad key, the owner active, IP rules (403),
scope (403), the key's rate limits (429), session-only routes (403), no CSRF."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

import pytest
from fastapi import APIRouter, Depends, FastAPI
from sqlalchemy import delete, update

from cryptolens.access.deps import RequireScope
from cryptolens.access.principal import Principal
from cryptolens.auth.models import User
from cryptolens.billing.models import Subscription
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.resources import app_resources
from tests.apikeys.conftest import KEYS, SIGNALS, CreateKey, KeyClient
from tests.clients import UserClient


def _code(response: object) -> str:
    code: str = response.json()["meta"]["code"]  # type: ignore[attr-defined]
    return code


@pytest.mark.parametrize("bearer", [False, True])
async def test_a_key_reads_in_either_header(
    create_key: CreateKey, key_client: KeyClient, bearer: bool
) -> None:
    key, _data = await create_key(scopes=["read:signals"])
    response = await key_client(key, bearer=bearer).get(SIGNALS)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    "bad",
    ["abc", "clk_short", "clk_" + "A" * 40, "clk_" + "Zx9_-q" * 6 + "Zx9_", ""],
)
async def test_malformed_or_unknown_keys_are_401(key_client: KeyClient, bad: str) -> None:
    response = await key_client(bad).get(SIGNALS)
    assert response.status_code == 401
    assert _code(response) == "invalid_api_key"
    assert response.json()["error"].endswith("Invalid API key")


async def test_a_wrong_secret_behind_a_known_prefix_is_401(
    create_key: CreateKey, key_client: KeyClient
) -> None:
    key, _data = await create_key()
    forged = key[:12] + ("A" if key[12] != "A" else "B") + key[13:]
    assert _code(await key_client(forged).get(SIGNALS)) == "invalid_api_key"


async def test_a_revoked_key_is_401_at_once(
    premium: UserClient, create_key: CreateKey, key_client: KeyClient
) -> None:
    key, data = await create_key()
    client = key_client(key)
    assert (await client.get(SIGNALS)).status_code == 200
    await premium.http.delete(f"{KEYS}/{data['id']}")
    response = await client.get(SIGNALS)
    assert response.status_code == 401 and _code(response) == "invalid_api_key"


async def test_an_expired_key_is_401(
    create_key: CreateKey, key_client: KeyClient, clock: FrozenClock
) -> None:
    key, _data = await create_key(expires_at=(clock.now() + timedelta(hours=1)).isoformat())
    client = key_client(key)
    assert (await client.get(SIGNALS)).status_code == 200
    clock.advance(timedelta(hours=1))
    assert _code(await client.get(SIGNALS)) == "invalid_api_key"


async def test_an_inactive_owners_key_is_401(
    app: FastAPI, premium: UserClient, create_key: CreateKey, key_client: KeyClient
) -> None:
    key, _data = await create_key()
    async with unit_of_work(app_resources(app).session_factory) as db:
        await db.execute(update(User).where(User.id == premium.user_id).values(is_active=False))
    response = await key_client(key).get(SIGNALS)
    assert response.status_code == 401 and _code(response) == "invalid_api_key"


@pytest.mark.parametrize(
    ("allow", "deny", "ip", "admitted"),
    [
        (["10.0.0.0/8"], [], "10.1.2.3", True),
        (["10.0.0.0/8"], [], "192.168.1.1", False),
        (["10.0.0.0/8"], ["10.0.0.5"], "10.0.0.5", False),  # deny wins
        ([], ["192.168.0.0/16"], "192.168.7.7", False),
        ([], ["192.168.0.0/16"], "172.16.0.1", True),
        (["2001:db8::/32"], [], "2001:db8::1", True),
        (["2001:db8::/32"], [], "2001:db9::1", False),
        ([], ["2001:db8::1"], "2001:db8::1", False),
        (["10.0.0.0/8"], [], "::ffff:10.0.0.7", True),  # IPv4-mapped: judged as v4
        ([], ["10.0.0.7"], "::ffff:10.0.0.7", False),
    ],
)
async def test_ip_rules(
    create_key: CreateKey,
    key_client: KeyClient,
    allow: list[str],
    deny: list[str],
    ip: str,
    admitted: bool,
) -> None:
    key, _data = await create_key(ip_allow=allow, ip_deny=deny)
    response = await key_client(key, ip=ip).get(SIGNALS)
    if admitted:
        assert response.status_code == 200, response.text
    else:
        assert response.status_code == 403
        assert _code(response) == "ip_not_allowed"


async def test_a_key_without_the_scope_is_403(create_key: CreateKey, key_client: KeyClient) -> None:
    key, _data = await create_key(scopes=["read:candles"])
    response = await key_client(key).get(SIGNALS)
    assert response.status_code == 403
    assert _code(response) == "scope_required"
    assert "read:signals" in response.json()["error"]


async def test_ip_rules_come_before_the_scope(create_key: CreateKey, key_client: KeyClient) -> None:
    key, _data = await create_key(scopes=["read:candles"], ip_allow=["10.0.0.0/8"])
    assert _code(await key_client(key, ip="192.168.0.1").get(SIGNALS)) == "ip_not_allowed"


async def test_the_61st_call_in_a_minute_is_429(
    create_key: CreateKey, key_client: KeyClient
) -> None:
    key, _data = await create_key(scopes=["read:signals"])
    client = key_client(key)
    for _ in range(60):
        response = await client.get(SIGNALS)
        assert response.status_code == 200, response.text
    assert '"key-minute";q=60;w=60' in response.headers["RateLimit-Policy"]
    refused = await client.get(SIGNALS)
    assert refused.status_code == 429
    assert _code(refused) == "rate_limited"
    assert int(refused.headers["Retry-After"]) >= 1
    assert refused.headers["RateLimit"].startswith('"key-minute";r=0')


async def test_the_key_limits_are_the_keys_own(
    create_key: CreateKey, key_client: KeyClient
) -> None:
    tight, _data = await create_key(limit_per_minute=2)
    loose, _data = await create_key()
    for _ in range(2):
        assert (await key_client(tight).get(SIGNALS)).status_code == 200
    assert (await key_client(tight).get(SIGNALS)).status_code == 429
    assert (await key_client(loose).get(SIGNALS)).status_code == 200


async def test_a_session_on_a_scoped_route_is_limited_per_user(premium: UserClient) -> None:
    response = await premium.http.get(SIGNALS)
    assert response.status_code == 200
    assert '"user-minute";q=200;w=60' in response.headers["RateLimit-Policy"]


async def test_a_key_on_a_session_route_is_403(
    create_key: CreateKey, key_client: KeyClient
) -> None:
    key, _data = await create_key()
    response = await key_client(key).get("/api/v1/auth/me")
    assert response.status_code == 403
    assert _code(response) == "session_required"
    assert response.json()["error"].endswith(
        "API keys cannot call this route; it needs a signed-in session"
    )


async def test_a_key_wins_over_the_cookie(premium: UserClient, create_key: CreateKey) -> None:
    key, _data = await create_key(scopes=["read:candles"])
    assert (await premium.http.get(SIGNALS)).status_code == 200
    response = await premium.http.get(SIGNALS, headers={"X-API-Key": key})
    assert _code(response) == "scope_required"


async def test_an_owner_below_premium_gets_tier_required(
    app: FastAPI, premium: UserClient, create_key: CreateKey, key_client: KeyClient
) -> None:
    key, _data = await create_key()
    async with unit_of_work(app_resources(app).session_factory) as db:
        await db.execute(delete(Subscription).where(Subscription.user_id == premium.user_id))
    response = await key_client(key).get(SIGNALS)
    assert response.status_code == 403
    assert _code(response) == "tier_required"
    assert response.json()["error"].endswith("Requires premium tier")


def _posting_route(app: FastAPI) -> str:
    router = APIRouter()

    @router.post("/api/v1/test-key-post")
    async def post_with_scope(
        principal: Annotated[Principal, Depends(RequireScope("read:signals"))],
    ) -> dict[str, str]:
        return {"method": principal.method}

    app.include_router(router)
    return "/api/v1/test-key-post"


async def test_a_key_needs_no_csrf_header_a_session_does(
    app: FastAPI, premium: UserClient, create_key: CreateKey, key_client: KeyClient
) -> None:
    path = _posting_route(app)
    key, _data = await create_key(scopes=["read:signals"])
    response = await key_client(key).post(path, json={})
    assert response.status_code == 200, response.text
    assert response.json() == {"method": "api_key"}
    del premium.http.headers["X-CSRF-Token"]
    assert (await premium.http.post(path, json={})).status_code == 403
