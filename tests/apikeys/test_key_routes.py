"""`/api/v1/api-keys` (auth-and-tiers.md "API keys"): who may manage keys, the key shown once,
validation (422 naming the field), owner scoping (404), the cap (409), revocation, usage."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cryptolens.core.clock import FrozenClock
from tests.apikeys.conftest import KEYS, CreateKey, KeyClient
from tests.clients import MakeClient, MakeUserClient, UserClient


async def test_a_key_is_shown_once_and_listed_by_its_prefix(
    premium: UserClient, create_key: CreateKey
) -> None:
    key, data = await create_key(name="bot", scopes=["read:signals", "read:candles"])
    assert key.startswith("clk_") and len(key) == 44
    assert data["prefix"] == key[:12]
    assert data["status"] == "active"
    assert (data["limit_per_minute"], data["limit_per_hour"], data["limit_per_day"]) == (
        60,
        1000,
        10000,
    )
    listed = (await premium.http.get(KEYS)).json()["data"]
    assert [row["prefix"] for row in listed] == [key[:12]]
    assert key not in (await premium.http.get(KEYS)).text
    assert "key" not in listed[0]


@pytest.mark.parametrize(
    ("tier", "verified", "status", "code"),
    [
        ("free", True, 403, "tier_required"),
        ("pro", True, 403, "tier_required"),
        ("premium", False, 403, "verification_required"),
    ],
)
async def test_only_verified_premium_users_manage_keys(
    make_user_client: MakeUserClient, tier: str, verified: bool, status: int, code: str
) -> None:
    user = await make_user_client(tier, verified=verified)
    for response in (
        await user.http.get(KEYS),
        await user.http.post(KEYS, json={"name": "x", "scopes": ["all"]}),
    ):
        assert response.status_code == status
        assert response.json()["meta"]["code"] == code


async def test_anonymous_is_401_and_admins_count_as_premium(
    make_client: MakeClient, make_user_client: MakeUserClient, create_key: CreateKey
) -> None:
    assert (await make_client().get(KEYS)).status_code == 401
    admin = await make_user_client(admin=True)
    _key, data = await create_key(owner=admin, scopes=["admin:scheduler", "read:signals"])
    assert data["scopes"] == ["admin:scheduler", "read:signals"]


async def test_a_key_cannot_manage_keys(create_key: CreateKey, key_client: KeyClient) -> None:
    key, _data = await create_key()
    response = await key_client(key).get(KEYS)
    assert response.status_code == 403
    assert response.json()["meta"]["code"] == "session_required"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"scopes": []}, "scopes"),
        ({"scopes": ["read:everything"]}, "scopes"),
        ({"name": ""}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"ip_allow": ["10.0.0.300"]}, "ip_allow"),
        ({"ip_deny": ["2001:db8::/200"]}, "ip_deny"),
        ({"limit_per_minute": 0}, "limit_per_minute"),
    ],
)
async def test_bad_bodies_are_422_naming_the_field(
    premium: UserClient, body: dict[str, object], field: str
) -> None:
    response = await premium.http.post(KEYS, json={"name": "k", "scopes": ["all"], **body})
    assert response.status_code == 422, response.text
    assert response.json()["meta"]["code"] == "validation_error"
    assert field in response.text


async def test_expiry_must_be_in_the_future(premium: UserClient, clock: FrozenClock) -> None:
    past = (clock.now() - timedelta(minutes=1)).isoformat()
    response = await premium.http.post(
        KEYS, json={"name": "k", "scopes": ["all"], "expires_at": past}
    )
    assert response.status_code == 422
    assert "expires_at" in response.text


async def test_admin_scopes_are_for_admins(premium: UserClient) -> None:
    response = await premium.http.post(KEYS, json={"name": "k", "scopes": ["admin:scheduler"]})
    assert response.status_code == 403
    assert response.json()["meta"]["code"] == "admin_required"


async def test_ip_rules_are_normalised(create_key: CreateKey) -> None:
    _key, data = await create_key(ip_allow=["10.1.2.3/8", "2001:DB8::1"], ip_deny=["10.0.0.5"])
    assert data["ip_allow"] == ["10.0.0.0/8", "2001:db8::1/128"]
    assert data["ip_deny"] == ["10.0.0.5/32"]


async def test_patch_changes_only_what_is_sent(premium: UserClient, create_key: CreateKey) -> None:
    _key, data = await create_key(name="old", scopes=["read:signals"])
    response = await premium.http.patch(
        f"{KEYS}/{data['id']}", json={"name": "new", "limit_per_minute": 5, "ip_deny": ["::1"]}
    )
    assert response.status_code == 200, response.text
    changed = response.json()["data"]
    assert (changed["name"], changed["limit_per_minute"], changed["ip_deny"]) == (
        "new",
        5,
        ["::1/128"],
    )
    assert changed["scopes"] == ["read:signals"]
    assert changed["limit_per_hour"] == 1000


async def test_another_users_key_is_404(
    make_user_client: MakeUserClient, create_key: CreateKey
) -> None:
    _key, data = await create_key()
    other = await make_user_client("premium")
    url = f"{KEYS}/{data['id']}"
    assert (await other.http.patch(url, json={"name": "mine"})).status_code == 404
    assert (await other.http.delete(url)).status_code == 404
    assert (await other.http.get(f"{url}/usage")).status_code == 404
    assert (await other.http.get(KEYS)).json()["data"] == []


async def test_revoking_keeps_the_row_and_freezes_it(
    premium: UserClient, create_key: CreateKey
) -> None:
    _key, data = await create_key()
    url = f"{KEYS}/{data['id']}"
    revoked = (await premium.http.delete(url)).json()["data"]
    assert revoked["status"] == "revoked" and revoked["revoked_at"] is not None
    assert [row["status"] for row in (await premium.http.get(KEYS)).json()["data"]] == ["revoked"]
    response = await premium.http.patch(url, json={"name": "again"})
    assert response.status_code == 409
    assert (await premium.http.get(f"{url}/usage")).status_code == 200


async def test_an_expired_key_is_listed_as_expired(
    premium: UserClient, create_key: CreateKey, clock: FrozenClock
) -> None:
    soon = (clock.now() + timedelta(hours=1)).isoformat()
    await create_key(expires_at=soon)
    clock.advance(timedelta(hours=2))
    assert (await premium.http.get(KEYS)).json()["data"][0]["status"] == "expired"


async def test_twenty_unrevoked_keys_at_most(premium: UserClient, create_key: CreateKey) -> None:
    ids = [(await create_key(name=f"k{n}"))[1]["id"] for n in range(20)]
    response = await premium.http.post(KEYS, json={"name": "one more", "scopes": ["all"]})
    assert response.status_code == 409
    assert response.json()["meta"]["code"] == "limit_reached"
    await premium.http.delete(f"{KEYS}/{ids[0]}")
    await create_key(name="after a revoke")


async def test_usage_days_are_bounded(premium: UserClient, create_key: CreateKey) -> None:
    _key, data = await create_key()
    for days in (0, 366, "x"):
        response = await premium.http.get(f"{KEYS}/{data['id']}/usage", params={"days": days})
        assert response.status_code == 422
