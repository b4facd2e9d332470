"""`admin:scheduler` (auth-and-tiers.md, admin.md): an admin's API key carrying it calls the
admin jobs routes, and only those; writes need no CSRF header and are audited under the admin's
name with the key's id; the key's own limits apply; an owner no longer admin is refused."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from cryptolens.admin.router import ADMIN_PREFIX
from cryptolens.system.audit.service import VIA_API_KEY
from tests.apikeys.conftest import SIGNALS, CreateKey, KeyClient
from tests.clients import MakeUserClient, UserClient

JOBS_URL = f"{ADMIN_PREFIX}/jobs"
AUDIT_URL = f"{ADMIN_PREFIX}/audit-log"


def _code(response: httpx.Response) -> str:
    code: str = response.json()["meta"]["code"]
    return code


async def _audit_rows(admin: UserClient, action: str) -> list[dict[str, Any]]:
    response = await admin.http.get(AUDIT_URL, params={"action": action})
    assert response.status_code == 200, response.text
    rows: list[dict[str, Any]] = response.json()["data"]
    return rows


async def test_an_admins_scheduler_key_reads_the_jobs_and_their_runs(
    make_user_client: MakeUserClient, create_key: CreateKey, key_client: KeyClient
) -> None:
    admin = await make_user_client(admin=True)
    key, _data = await create_key(owner=admin, scopes=["admin:scheduler"])
    client = key_client(key)
    jobs = await client.get(JOBS_URL)
    assert jobs.status_code == 200, jobs.text
    assert "refresh_stats" in {row["name"] for row in jobs.json()["data"]}
    assert '"key-minute";q=60;w=60' in jobs.headers["RateLimit-Policy"]  # the key's limits
    assert (await client.get(f"{JOBS_URL}/runs")).status_code == 200


async def test_its_writes_need_no_csrf_and_are_audited_with_the_key(
    make_user_client: MakeUserClient, create_key: CreateKey, key_client: KeyClient
) -> None:
    admin = await make_user_client(admin=True)
    key, data = await create_key(owner=admin, scopes=["admin:scheduler"])
    client = key_client(key)
    assert "X-CSRF-Token" not in client.headers
    off = await client.patch(f"{JOBS_URL}/refresh_stats", json={"enabled": False})
    assert off.status_code == 200, off.text
    assert off.json()["data"]["enabled"] is False
    run = await client.post(f"{JOBS_URL}/refresh_stats/run")
    assert run.status_code == 202, run.text

    [update] = await _audit_rows(admin, "job.update")
    assert (update["actor_id"], update["actor_email"]) == (admin.user_id, admin.email)
    assert update["before"] == {"enabled": True}
    assert update["after"] == {"enabled": False, VIA_API_KEY: data["id"]}
    [ran] = await _audit_rows(admin, "job.run")
    assert ran["actor_id"] == admin.user_id and ran["after"][VIA_API_KEY] == data["id"]
    assert key not in str(update) + str(ran)

    # The same write from the admin's session names no key.
    on = await admin.http.patch(f"{JOBS_URL}/refresh_stats", json={"enabled": True})
    assert on.status_code == 200, on.text
    latest = (await _audit_rows(admin, "job.update"))[0]
    assert latest["after"] == {"enabled": True}


async def test_an_admin_key_without_the_scope_is_refused(
    make_user_client: MakeUserClient, create_key: CreateKey, key_client: KeyClient
) -> None:
    admin = await make_user_client(admin=True)
    key, _data = await create_key(owner=admin, scopes=["all"])  # every user scope, no admin one
    response = await key_client(key).get(JOBS_URL)
    assert response.status_code == 403
    assert _code(response) == "scope_required"
    assert "admin:scheduler" in response.json()["error"]


async def test_the_scope_opens_nothing_else(
    make_user_client: MakeUserClient, create_key: CreateKey, key_client: KeyClient
) -> None:
    admin = await make_user_client(admin=True)
    key, _data = await create_key(owner=admin, scopes=["admin:scheduler"])
    client = key_client(key)
    for path in (AUDIT_URL, f"{ADMIN_PREFIX}/users", f"{ADMIN_PREFIX}/settings"):
        response = await client.get(path)
        assert response.status_code == 403, (path, response.text)
        assert _code(response) == "session_required", path
    assert _code(await client.get(SIGNALS)) == "scope_required"  # not a user scope either
    assert _code(await client.get("/api/v1/api-keys")) == "session_required"


async def test_a_non_admins_key_is_admin_required(
    premium: UserClient, create_key: CreateKey, key_client: KeyClient
) -> None:
    key, _data = await create_key(owner=premium, scopes=["all"])
    response = await key_client(key).get(JOBS_URL)
    assert response.status_code == 403
    assert _code(response) == "admin_required"


@pytest.mark.parametrize(
    ("tier", "code"),
    [
        ("premium", "admin_required"),
        ("free", "tier_required"),  # and no longer premium either: keys are a premium feature
    ],
)
async def test_a_key_whose_owner_is_no_longer_admin_is_refused_at_once(
    make_user_client: MakeUserClient,
    create_key: CreateKey,
    key_client: KeyClient,
    tier: str,
    code: str,
) -> None:
    owner = await make_user_client(tier, admin=True)
    other_admin = await make_user_client(admin=True)
    key, _data = await create_key(owner=owner, scopes=["admin:scheduler"])
    client = key_client(key)
    assert (await client.get(JOBS_URL)).status_code == 200  # remembered by the key memo now
    demoted = await other_admin.http.patch(
        f"{ADMIN_PREFIX}/users/{owner.user_id}", json={"is_admin": False}
    )
    assert demoted.status_code == 200, demoted.text
    response = await client.get(JOBS_URL)
    assert response.status_code == 403
    assert _code(response) == code


async def test_the_keys_own_rate_limit_applies(
    app: FastAPI, make_user_client: MakeUserClient, create_key: CreateKey, key_client: KeyClient
) -> None:
    admin = await make_user_client(admin=True)
    key, _data = await create_key(owner=admin, scopes=["admin:scheduler"], limit_per_minute=2)
    client = key_client(key)
    for _ in range(2):
        assert (await client.get(JOBS_URL)).status_code == 200
    refused = await client.get(JOBS_URL)
    assert refused.status_code == 429
    assert _code(refused) == "rate_limited"
    # An admin session is not limited on the admin API.
    for _ in range(3):
        response = await admin.http.get(JOBS_URL)
        assert response.status_code == 200
        assert "RateLimit" not in response.headers
