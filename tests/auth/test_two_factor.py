"""TOTP: set-up (secret, otpauth URI, QR), enabling with a code, replay refused, the window of
one step, the pending second step (5 minutes, 5 tries), backup codes, disabling."""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import timedelta
from urllib.parse import parse_qs, unquote, urlparse

from cryptography.fernet import Fernet
from fastapi import FastAPI
from sqlalchemy import text

from cryptolens.auth.totp import code_at
from cryptolens.core.clock import FrozenClock
from cryptolens.core.security import SecretBox
from cryptolens.resources import app_resources
from tests.auth.conftest import MakeClient, MakeUserClient
from tests.auth.helpers import (
    API,
    enable_two_factor,
    error_of,
    fetch_csrf,
    login,
    login_totp,
    me,
    wrong_code,
)


async def test_setup_returns_secret_uri_and_qr(make_user_client: MakeUserClient) -> None:
    user = await make_user_client()
    svg = (await user.http.post(f"{API}/2fa/setup")).json()["data"]
    uri = urlparse(svg["otpauth_uri"])
    assert (uri.scheme, uri.netloc) == ("otpauth", "totp")
    assert unquote(uri.path) == f"/CryptoLens:{user.email}"
    query = parse_qs(uri.query)
    assert query["secret"] == [svg["secret"]]
    assert query["issuer"] == ["CryptoLens"]
    assert len(svg["secret"]) == 32
    assert svg["qr_image"].startswith("data:image/svg+xml")

    png = (await user.http.post(f"{API}/2fa/setup?qr_format=png")).json()["data"]
    assert png["qr_image"].startswith("data:image/png;base64,")
    assert base64.b64decode(png["qr_image"].split(",", 1)[1]).startswith(b"\x89PNG")
    # A new set-up replaces the pending seed.
    assert png["secret"] != svg["secret"]


async def test_enable_needs_a_valid_code_and_rotates_the_session(
    make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client()
    secret = (await user.http.post(f"{API}/2fa/setup")).json()["data"]["secret"]
    refused = await user.http.post(
        f"{API}/2fa/enable", json={"code": wrong_code(secret, clock.now())}
    )
    assert error_of(refused)[::2] == (400, "invalid_code")
    assert (await me(user.http)).json()["data"]["two_factor_enabled"] is False

    enabled = await user.http.post(f"{API}/2fa/enable", json={"code": code_at(secret, clock.now())})
    assert enabled.status_code == 200
    assert user.http.cookies["cl_session"] != user.session_token
    assert (await me(user.http)).json()["data"]["two_factor_enabled"] is True
    again = await user.http.post(f"{API}/2fa/setup")
    assert error_of(again)[::2] == (409, "two_factor_state")


async def test_a_code_is_accepted_once(
    make_client: MakeClient, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client()
    secret, _codes = await enable_two_factor(user.http, clock.now())
    clock.advance(timedelta(seconds=30))
    code = code_at(secret, clock.now())

    first = make_client(ip="10.0.1.1")
    await fetch_csrf(first)
    assert (await login(first, user.email, user.password)).json()["data"]["totp_required"]
    assert (await login_totp(first, code)).status_code == 200

    second = make_client(ip="10.0.1.2")
    await fetch_csrf(second)
    assert (await login(second, user.email, user.password)).json()["data"]["totp_required"]
    replay = await login_totp(second, code)
    assert error_of(replay)[::2] == (401, "invalid_credentials")
    # Also refused when sent with the password in one request.
    replay_one_step = await login(second, user.email, user.password, code=code)
    assert error_of(replay_one_step)[0] == 401
    # The next time step works.
    clock.advance(timedelta(seconds=30))
    assert (await login_totp(second, code_at(secret, clock.now()))).status_code == 200


async def test_codes_of_the_neighbouring_steps_are_accepted_not_older(
    make_client: MakeClient, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client()
    secret, _codes = await enable_two_factor(user.http, clock.now())
    clock.advance(timedelta(minutes=5))
    client = make_client(ip="10.0.2.1")
    await fetch_csrf(client)
    too_old = code_at(secret, clock.now() - timedelta(seconds=60))
    assert error_of(await login(client, user.email, user.password, code=too_old))[0] == 401
    previous = code_at(secret, clock.now() - timedelta(seconds=30))
    assert (await login(client, user.email, user.password, code=previous)).status_code == 200
    other = make_client(ip="10.0.2.2")
    await fetch_csrf(other)
    upcoming = code_at(secret, clock.now() + timedelta(seconds=30))
    assert (await login(other, user.email, user.password, code=upcoming)).status_code == 200


async def test_a_wrong_code_does_not_reveal_whether_the_password_was_right(
    make_client: MakeClient, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client()
    secret, _codes = await enable_two_factor(user.http, clock.now())
    client = make_client(ip="10.0.3.1")
    await fetch_csrf(client)
    bad = wrong_code(secret, clock.now())
    right_password = await login(client, user.email, user.password, code=bad)
    wrong_password = await login(client, user.email, "wrong-password-1", code=bad)
    unknown_email = await login(client, "nobody@example.com", "wrong-password-1", code=bad)
    assert error_of(right_password) == error_of(wrong_password) == error_of(unknown_email)
    assert error_of(right_password)[1] == "Unauthorized: Invalid email, password or code"
    assert client.cookies.get("cl_session") is None
    assert client.cookies.get("cl_pending_login") is None


async def test_the_pending_step_allows_five_tries_then_the_password_again(
    make_client: MakeClient, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client()
    secret, _codes = await enable_two_factor(user.http, clock.now())
    client = make_client(ip="10.0.4.1")
    await fetch_csrf(client)
    await login(client, user.email, user.password)
    clock.advance(timedelta(seconds=30))
    for _ in range(4):
        assert error_of(await login_totp(client, wrong_code(secret, clock.now())))[0] == 401
        assert client.cookies.get("cl_pending_login")
    last = await login_totp(client, wrong_code(secret, clock.now()))
    assert error_of(last)[::2] == (401, "invalid_credentials")
    # Used up: even the right code needs the password step again.
    assert client.cookies.get("cl_pending_login") is None
    expired = await login_totp(client, code_at(secret, clock.now()))
    assert error_of(expired)[::2] == (401, "login_expired")


async def test_the_pending_step_lasts_five_minutes(
    make_client: MakeClient, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client()
    secret, _codes = await enable_two_factor(user.http, clock.now())
    client = make_client(ip="10.0.5.1")
    await fetch_csrf(client)
    await login(client, user.email, user.password)
    clock.advance(timedelta(minutes=5))
    late = await login_totp(client, code_at(secret, clock.now()))
    assert error_of(late)[::2] == (401, "login_expired")
    assert (await me(client)).status_code == 401


async def test_backup_codes_work_once_and_can_be_replaced(
    make_client: MakeClient, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client()
    secret, codes = await enable_two_factor(user.http, clock.now())
    client = make_client(ip="10.0.6.1")
    await fetch_csrf(client)
    # Typed loosely: upper case, spaces instead of dashes.
    typed = codes[3].upper().replace("-", " ")
    assert (await login(client, user.email, user.password, code=typed)).status_code == 200
    other = make_client(ip="10.0.6.2")
    await fetch_csrf(other)
    assert error_of(await login(other, user.email, user.password, code=codes[3]))[0] == 401

    clock.advance(timedelta(seconds=30))
    replaced = await user.http.post(
        f"{API}/2fa/backup-codes", json={"code": code_at(secret, clock.now())}
    )
    assert replaced.status_code == 200
    fresh = replaced.json()["data"]["backup_codes"]
    assert len(fresh) == 10 and not set(fresh) & set(codes)
    assert error_of(await login(other, user.email, user.password, code=codes[4]))[0] == 401
    assert (await login(other, user.email, user.password, code=fresh[0])).status_code == 200


async def test_disable_needs_the_password_and_a_code(
    make_client: MakeClient, make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client()
    secret, codes = await enable_two_factor(user.http, clock.now())
    clock.advance(timedelta(seconds=30))
    code = code_at(secret, clock.now())
    no_password = await user.http.post(
        f"{API}/2fa/disable", json={"password": "wrong-password-1", "code": code}
    )
    assert error_of(no_password)[::2] == (400, "wrong_password")
    no_code = await user.http.post(
        f"{API}/2fa/disable",
        json={"password": user.password, "code": wrong_code(secret, clock.now())},
    )
    assert error_of(no_code)[::2] == (400, "invalid_code")
    assert (await me(user.http)).json()["data"]["two_factor_enabled"] is True

    # A backup code will do when the phone is lost.
    disabled = await user.http.post(
        f"{API}/2fa/disable", json={"password": user.password, "code": codes[0]}
    )
    assert disabled.status_code == 200, disabled.text
    assert (await me(user.http)).json()["data"]["two_factor_enabled"] is False
    client = make_client(ip="10.0.7.1")
    await fetch_csrf(client)
    assert (await login(client, user.email, user.password)).json()["data"]["user"] is not None


async def test_totp_seeds_move_to_the_newest_key_when_used(
    app: FastAPI,
    make_client: MakeClient,
    make_user_client: MakeUserClient,
    clock: FrozenClock,
) -> None:
    user = await make_user_client()
    secret, _codes = await enable_two_factor(user.http, clock.now())
    resources = app_resources(app)
    old_box: SecretBox = resources.auth_toolkit.secret_box
    new_key = Fernet.generate_key().decode()
    # Key rotation: the new key first, the old one kept for reading.
    rotated = SecretBox([new_key, *resources.settings.fernet_keys()])
    resources.auth_toolkit = replace(resources.auth_toolkit, secret_box=rotated)

    clock.advance(timedelta(seconds=30))
    client = make_client(ip="10.0.8.1")
    await fetch_csrf(client)
    signed_in = await login(client, user.email, user.password, code=code_at(secret, clock.now()))
    assert signed_in.status_code == 200
    async with resources.session_factory() as db:
        stored = await db.scalar(
            text("SELECT secret_encrypted FROM totp_credentials WHERE user_id = :id"),
            {"id": user.user_id},
        )
    assert SecretBox([new_key]).decrypt(stored) == secret
    assert old_box.needs_rotation(stored)
