"""The authorization table (issue 15): every route of the app has a declared rule, derived from
its dependencies (access/route_rules.py), and each rule refuses who it must: an anonymous call,
a caller below the tier, an API key without the scope, an API key on a session route and a
non-admin on an admin route. The routes come from the app's route table, so a new route is
covered without anyone adding a case, and a new route that comes out public or signed fails
until it is added to the lists below on purpose."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from cryptolens.access.route_rules import RouteEntry, authorization_table
from cryptolens.access.scopes import USER_SCOPES
from cryptolens.access.tiers import Tier
from tests.auth.helpers import fetch_csrf
from tests.clients import MakeClient, MakeUserClient, UserClient

# Routes anyone may call, on purpose (a route that forgets its auth dependency lands here, and
# fails the test until it is added).
PUBLIC = {
    ("GET", "/api/health"),
    ("GET", "/api/health/live"),
    ("GET", "/api/v1/auth/csrf"),
    ("POST", "/api/v1/auth/register"),
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/auth/login/totp"),
    ("POST", "/api/v1/auth/logout"),
    ("POST", "/api/v1/auth/verify-email"),
    ("POST", "/api/v1/auth/resend-verification"),
    ("POST", "/api/v1/auth/forgot-password"),
    ("POST", "/api/v1/auth/reset-password"),
    ("GET", "/api/v1/billing/plans"),
}
# Routes whose request proves itself (a signed link or a provider's signature).
SIGNED = {
    ("POST", "/api/v1/notifications/mute"),
    ("POST", "/api/v1/billing/webhooks/{provider}"),
}

# Well-formed path values, so the answer is decided by who calls, not by a 422 on the path.
_PATH_VALUES = {
    "symbol": "BTC-USDT",
    "name": "refresh_stats",
    "key": "min_confluence",
    "provider": "stripe",
}


def _concrete(path: str) -> str:
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: _PATH_VALUES.get(m.group(1), "1"), path)


def _table(app: FastAPI) -> list[RouteEntry]:
    return authorization_table(app.routes)


def _where(app: FastAPI, *kinds: str) -> list[RouteEntry]:
    return [entry for entry in _table(app) if entry.rule.kind in kinds]


def _call(client: httpx.AsyncClient, entry: RouteEntry) -> Any:
    body = {} if entry.method in ("POST", "PUT", "PATCH") else None
    return client.request(entry.method, _concrete(entry.path), json=body)


def _refused(response: httpx.Response, status: int, code: str, entry: RouteEntry) -> None:
    where = f"{entry.method} {entry.path}"
    assert response.status_code == status, (where, response.text)
    assert response.json()["meta"]["code"] == code, (where, response.text)


async def _api_key(owner: UserClient, scopes: list[str]) -> str:
    created = await owner.http.post("/api/v1/api-keys", json={"name": "table", "scopes": scopes})
    assert created.status_code == 201, created.text
    key: str = created.json()["data"]["key"]
    return key


def _key_client(make_client: MakeClient, key: str) -> httpx.AsyncClient:
    client = make_client()
    client.headers["X-API-Key"] = key
    return client


async def test_every_route_has_a_declared_rule(app: FastAPI) -> None:
    table = _table(app)
    assert len(table) > 50, "the route table was not read"
    for entry in table:
        route = (entry.method, entry.path)
        if entry.rule.kind == "public":
            assert route in PUBLIC, f"{route} needs no credential: declare it or protect it"
        elif entry.rule.kind == "signed":
            assert route in SIGNED, f"{route} is signed: declare it"
        else:
            assert entry.path.startswith("/api/v1/"), route
        if entry.rule.kind == "scope":
            assert entry.rule.scope is not None, route
    derived = {(e.method, e.path) for e in table if e.rule.kind in ("public", "signed")}
    assert derived == PUBLIC | SIGNED, "a declared public or signed route changed its rule"


async def test_the_table_knows_the_main_rules(app: FastAPI) -> None:
    rules = {(e.method, e.path): e.rule for e in _table(app)}
    assert rules[("GET", "/api/v1/signals")].scope == "read:signals"
    assert rules[("POST", "/api/v1/scan")].scope == "write:scan"
    assert rules[("POST", "/api/v1/scan")].csrf  # with the session, not with a key
    assert rules[("GET", "/api/v1/auth/me")].kind == "session"
    assert rules[("GET", "/api/v1/api-keys")].tier == Tier.PREMIUM
    assert rules[("GET", "/api/v1/admin/users")].kind == "admin"
    assert rules[("POST", "/api/v1/notifications/mute")].kind == "signed"


@pytest.mark.parametrize("prefix", ["/api/v1/api-keys", "/api/v1/webhooks"])
async def test_premium_sections_declare_the_tier(app: FastAPI, prefix: str) -> None:
    """The API map says "session, premium": the table must show it, so that the wrong-tier
    test below covers these routes."""
    entries = [e for e in _table(app) if e.path.startswith(prefix)]
    assert entries
    for entry in entries:
        assert entry.rule.tier == Tier.PREMIUM, (entry.method, entry.path)
        assert entry.rule.verified, (entry.method, entry.path)


async def test_anonymous_calls_are_refused(app: FastAPI, make_client: MakeClient) -> None:
    client = make_client()
    # With a valid (anonymous) CSRF token: the refusal is the missing credential, not CSRF.
    await fetch_csrf(client)
    for entry in _where(app, "session", "scope", "admin"):
        _refused(await _call(client, entry), 401, "not_signed_in", entry)


async def test_a_signed_route_refuses_a_bad_signature(make_client: MakeClient) -> None:
    response = await make_client().post("/api/v1/notifications/mute", params={"token": "x.y"})
    assert response.status_code == 400, response.text


async def test_callers_below_the_tier_are_refused(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    below = {Tier.PRO: "free", Tier.PREMIUM: "pro"}
    tiered = [e for e in _table(app) if e.rule.tier is not None and e.rule.tier in below]
    assert tiered, "no route declares a tier"
    users = {tier: await make_user_client(tier) for tier in set(below.values())}
    for entry in tiered:
        assert entry.rule.tier is not None
        caller = users[below[entry.rule.tier]]
        _refused(await _call(caller.http, entry), 403, "tier_required", entry)


async def test_unverified_users_are_refused_where_verification_is_required(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client("premium", verified=False)
    for entry in [e for e in _table(app) if e.rule.verified]:
        _refused(await _call(user.http, entry), 403, "verification_required", entry)


async def test_non_admins_are_refused_on_admin_routes(
    app: FastAPI, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client("premium")
    for entry in _where(app, "admin"):
        _refused(await _call(user.http, entry), 403, "admin_required", entry)


async def test_an_api_key_without_the_scope_is_refused(
    app: FastAPI, make_user_client: MakeUserClient, make_client: MakeClient
) -> None:
    owner = await make_user_client("premium")
    keys: dict[str, httpx.AsyncClient] = {}
    for entry in _where(app, "scope"):
        # A read scope the route does not take (a route taking any of several write scopes,
        # GET /jobs/{id}, is named by its first: a read scope is none of them).
        other = sorted(s for s in USER_SCOPES if s != entry.rule.scope and s.startswith("read:"))[0]
        if other not in keys:
            keys[other] = _key_client(make_client, await _api_key(owner, [other]))
        _refused(await _call(keys[other], entry), 403, "scope_required", entry)


async def test_an_api_key_is_refused_on_session_and_admin_routes(
    app: FastAPI, make_user_client: MakeUserClient, make_client: MakeClient
) -> None:
    owner = await make_user_client("premium", admin=True)
    client = _key_client(make_client, await _api_key(owner, ["all"]))
    await fetch_csrf(client)  # not what refuses it: the key is
    for entry in _where(app, "session", "admin"):
        if entry.rule.accepts_api_key:  # an admin route taking an admin's key with its scope
            assert entry.rule.kind == "admin" and entry.rule.scope == "admin:scheduler", entry
            _refused(await _call(client, entry), 403, "scope_required", entry)
        else:
            _refused(await _call(client, entry), 403, "session_required", entry)


async def test_admin_jobs_routes_take_an_admins_key_with_admin_scheduler(app: FastAPI) -> None:
    rules = {(e.method, e.path): e.rule for e in _table(app)}
    jobs = {(m, p): rule for (m, p), rule in rules.items() if p.startswith("/api/v1/admin/jobs")}
    assert len(jobs) == 4
    for rule in jobs.values():
        assert (rule.kind, rule.scope, rule.accepts_api_key) == ("admin", "admin:scheduler", True)
        assert rule.describe() == "admin session or an admin's API key with admin:scheduler"
    keyed = [r for (_m, p), r in rules.items() if p.startswith("/api/v1/admin/") and r.scope]
    assert len(keyed) == len(jobs), "only the jobs section takes a key"


@pytest.mark.parametrize("header", ["X-API-Key", "Authorization"])
async def test_an_api_key_with_the_scope_reads_signals_and_queues_a_scan(
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    market_rows: dict[str, int],
    header: str,
) -> None:
    """What Swagger's "Authorize" + "Try it out" sends: the key header and no CSRF token."""
    owner = await make_user_client("premium")
    key = await _api_key(owner, ["read:signals", "write:scan"])
    client = make_client()
    client.headers[header] = key if header == "X-API-Key" else f"Bearer {key}"
    signals = await client.get("/api/v1/signals")
    assert signals.status_code == 200, signals.text
    assert "RateLimit" in signals.headers
    scan = await client.post("/api/v1/scan", json={})
    assert scan.status_code in (200, 201, 202), scan.text
