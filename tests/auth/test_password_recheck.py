"""The password re-checks of a signed-in user (change-password, 2fa/disable) are no oracle
(issue #13, failure 10): a wrong password counts toward the account lockout, a locked account
is refused whatever the password, and both routes are limited to 5 a minute per IP and per
user (429 + Retry-After)."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from cryptolens.auth.totp import code_at
from cryptolens.core.clock import FrozenClock
from cryptolens.core.ratelimit import reset_rate_limits
from tests.auth.conftest import MakeClient, MakeUserClient
from tests.auth.helpers import (
    API,
    enable_two_factor,
    error_of,
    fetch_csrf,
    login,
    plant_session,
)

NEW_PASSWORD = "Brand-new-pass-2026"


async def _same_session_from(
    make_client: MakeClient, session_token: str, ip: str
) -> httpx.AsyncClient:
    client = make_client(ip=ip)
    plant_session(client, session_token)
    await fetch_csrf(client)
    return client


async def test_wrong_current_passwords_lock_the_account_and_are_rate_limited(
    app: FastAPI, make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client(ip="203.0.113.20")
    wrong = {"current_password": "not-my-password-1", "new_password": NEW_PASSWORD}
    for _ in range(5):
        answer = await user.http.post(f"{API}/change-password", json=wrong)
        assert error_of(answer)[::2] == (400, "wrong_password")

    # Sixth try in the minute: refused before the password is looked at, from this IP...
    sixth = await user.http.post(f"{API}/change-password", json=wrong)
    assert error_of(sixth)[::2] == (429, "rate_limited")
    assert 1 <= int(sixth.headers["Retry-After"]) <= 60
    # ...and from any other address with the same session (counted per user too).
    elsewhere = await _same_session_from(make_client, user.session_token, "198.51.100.20")
    moved = await elsewhere.post(f"{API}/change-password", json=wrong)
    assert error_of(moved)[::2] == (429, "rate_limited")

    # The five failures locked the account: sign-in says so, whatever the password.
    browser = make_client(ip="192.0.2.20")
    await fetch_csrf(browser)
    assert error_of(await login(browser, user.email, user.password))[::2] == (
        401,
        "account_locked",
    )
    # And the right current password does not get through the lock either.
    reset_rate_limits(app)
    right = {"current_password": user.password, "new_password": NEW_PASSWORD}
    locked = await user.http.post(f"{API}/change-password", json=right)
    assert error_of(locked)[::2] == (401, "account_locked")
    assert (await user.http.get(f"{API}/me")).status_code == 200  # still signed in


async def test_a_right_password_after_some_wrong_ones_resets_the_count(
    app: FastAPI, make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client()
    for _ in range(4):
        wrong = {"current_password": "not-my-password-2", "new_password": NEW_PASSWORD}
        assert (await user.http.post(f"{API}/change-password", json=wrong)).status_code == 400
    right = {"current_password": user.password, "new_password": NEW_PASSWORD}
    changed = await user.http.post(f"{API}/change-password", json=right)
    assert changed.status_code == 200, changed.text
    reset_rate_limits(app)
    # One more failure now is the first of a new count: sign-in still works.
    wrong = {"current_password": "not-my-password-3", "new_password": "Other-pass-2026"}
    assert (await user.http.post(f"{API}/change-password", json=wrong)).status_code == 400
    browser = make_client(ip="192.0.2.21")
    await fetch_csrf(browser)
    assert (await login(browser, user.email, NEW_PASSWORD)).status_code == 200


async def test_two_factor_disable_counts_wrong_passwords_and_is_rate_limited(
    app: FastAPI, make_client: MakeClient, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client(ip="203.0.113.30")
    secret, _codes = await enable_two_factor(user.http, clock.now())
    wrong = {"password": "not-my-password-4", "code": code_at(secret, clock.now())}
    for _ in range(5):
        answer = await user.http.post(f"{API}/2fa/disable", json=wrong)
        assert error_of(answer)[::2] == (400, "wrong_password")
    sixth = await user.http.post(f"{API}/2fa/disable", json=wrong)
    assert error_of(sixth)[::2] == (429, "rate_limited")
    assert "Retry-After" in sixth.headers

    reset_rate_limits(app)
    right = {"password": user.password, "code": code_at(secret, clock.now())}
    locked = await user.http.post(f"{API}/2fa/disable", json=right)
    assert error_of(locked)[::2] == (401, "account_locked")
    assert (await user.http.get(f"{API}/me")).json()["data"]["two_factor_enabled"] is True
