"""Rate limit per IP on the login route, lockout per account (clock injected), and answers that
reveal nothing: unknown email == wrong password; locked == locked whatever the password."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import timedelta

from fastapi import FastAPI

from cryptolens.auth import service
from cryptolens.auth.totp import code_at
from cryptolens.core.clock import FrozenClock
from cryptolens.core.ratelimit import reset_rate_limits
from cryptolens.core.security import PasswordHasher
from cryptolens.resources import app_resources
from tests.auth.conftest import MakeClient, MakeUserClient
from tests.auth.helpers import enable_two_factor, error_of, fetch_csrf, login, wrong_code


async def test_sixth_login_in_a_minute_from_one_ip_is_429_with_retry_after(
    make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client()
    attacker = make_client(ip="203.0.113.7")
    await fetch_csrf(attacker)
    # Unknown emails: nothing is locked, only the address is counted.
    for attempt in range(5):
        probe = await login(attacker, f"guess{attempt}@example.com", "not-the-password")
        assert probe.status_code == 401
    refused = await login(attacker, user.email, user.password)
    status, message, code = error_of(refused)
    assert (status, code) == (429, "rate_limited")
    assert "5/minute" in message
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.json()["meta"]["request_id"] == refused.headers["X-Request-ID"]

    # Counted per IP: another address still gets through.
    neighbour = make_client(ip="203.0.113.8")
    await fetch_csrf(neighbour)
    assert (await login(neighbour, user.email, user.password)).status_code == 200


async def test_rate_limit_reset_lets_the_ip_in_again(
    app: FastAPI, make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client()
    client = make_client(ip="198.51.100.1")
    await fetch_csrf(client)
    for _ in range(5):
        await login(client, "nobody@example.com", "whatever-password")
    assert (await login(client, user.email, user.password)).status_code == 429
    reset_rate_limits(app)
    assert (await login(client, user.email, user.password)).status_code == 200


async def test_five_failures_lock_the_account_until_the_lock_ends(
    make_client: MakeClient, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client()
    # A different address each time: the lock is per account, not per IP.
    for attempt in range(5):
        client = make_client(ip=f"192.0.2.{attempt + 1}")
        await fetch_csrf(client)
        status, message, code = error_of(await login(client, user.email, "wrong-password-1"))
        assert (status, code) == (401, "invalid_credentials")
        assert message == "Unauthorized: Invalid email or password"

    client = make_client(ip="192.0.2.100")
    await fetch_csrf(client)
    right = await login(client, user.email, user.password)
    wrong = await login(client, user.email, "wrong-password-2")
    assert error_of(right) == error_of(wrong)
    assert error_of(right)[:3:2] == (401, "account_locked")
    assert "15 minutes" in error_of(right)[1]
    assert client.cookies.get("cl_session") is None

    clock.advance(timedelta(minutes=14, seconds=59))
    assert error_of(await login(client, user.email, user.password))[2] == "account_locked"
    clock.advance(timedelta(seconds=1))
    assert (await login(client, user.email, user.password)).status_code == 200


async def test_a_success_resets_the_failure_count(
    make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client()
    for round_ in range(2):
        client = make_client(ip=f"192.0.2.{10 + round_}")
        await fetch_csrf(client)
        for _ in range(4):
            assert (await login(client, user.email, "wrong-password-1")).status_code == 401
        assert (await login(client, user.email, user.password)).status_code == 200


async def test_an_admin_unlocks_early(
    app: FastAPI,
    make_client: MakeClient,
    make_user_client: MakeUserClient,
) -> None:
    user = await make_user_client()
    for attempt in range(5):
        client = make_client(ip=f"192.0.2.{20 + attempt}")
        await fetch_csrf(client)
        await login(client, user.email, "wrong-password-1")
    client = make_client(ip="192.0.2.99")
    await fetch_csrf(client)
    assert error_of(await login(client, user.email, user.password))[2] == "account_locked"

    async with app_resources(app).session_factory() as db:
        await service.unlock_account(db, user.user_id)
        await db.commit()
    assert (await login(client, user.email, user.password)).status_code == 200


async def test_unknown_email_and_wrong_password_answer_alike_and_take_similar_time(
    app: FastAPI, make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    # Production-cost argon2 here, so the hashing (not the database) decides the time.
    resources = app_resources(app)
    resources.auth_toolkit = replace(resources.auth_toolkit, hasher=PasswordHasher())
    user = await make_user_client()
    timings: dict[str, list[float]] = {"unknown": [], "wrong": []}
    answers = {}
    for round_ in range(3):
        client = make_client(ip=f"192.0.2.{40 + round_}")
        await fetch_csrf(client)
        for kind, email in (("unknown", "ghost@example.com"), ("wrong", user.email)):
            started = time.perf_counter()
            response = await login(client, email, "wrong-password-9")
            timings[kind].append(time.perf_counter() - started)
            answers[kind] = error_of(response)
    assert answers["unknown"] == answers["wrong"]
    fastest_unknown, fastest_wrong = min(timings["unknown"]), min(timings["wrong"])
    assert fastest_unknown > fastest_wrong / 2, timings
    assert fastest_wrong > fastest_unknown / 2, timings


async def test_failed_codes_count_towards_the_lock(
    make_client: MakeClient, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client()
    secret, _codes = await enable_two_factor(user.http, clock.now())
    for attempt in range(5):
        client = make_client(ip=f"192.0.2.{60 + attempt}")
        await fetch_csrf(client)
        refused = await login(
            client, user.email, user.password, code=wrong_code(secret, clock.now())
        )
        assert error_of(refused)[2] == "invalid_credentials"
    client = make_client(ip="192.0.2.70")
    await fetch_csrf(client)
    clock.advance(timedelta(seconds=30))
    locked = await login(client, user.email, user.password, code=code_at(secret, clock.now()))
    assert error_of(locked)[2] == "account_locked"


async def test_inactive_account_cannot_sign_in_and_says_nothing_more(
    app: FastAPI, make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client()
    async with app_resources(app).session_factory() as db:
        account = await service.get_user(db, user.user_id)
        assert account is not None
        account.is_active = False
        await db.commit()
    client = make_client()
    await fetch_csrf(client)
    refused = await login(client, user.email, user.password)
    assert error_of(refused) == (
        401,
        "Unauthorized: Invalid email or password",
        "invalid_credentials",
    )
    # Its existing sessions stop working too.
    assert (await user.http.get("/api/v1/auth/me")).status_code == 401
