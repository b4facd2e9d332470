"""Session cookies (flags, lifetime, rotation), sliding expiry on the injected clock, the
session list and ending sessions: one, all, or the others at a password change."""

from __future__ import annotations

from datetime import timedelta

import httpx

from cryptolens.core.clock import FrozenClock
from tests.auth.conftest import MakeClient, MakeUserClient
from tests.auth.helpers import API, error_of, fetch_csrf, login, me, plant_session, strong_password


def _set_cookie(response: httpx.Response, name: str) -> str:
    for header in response.headers.get_list("set-cookie"):
        if header.startswith(f"{name}="):
            return header
    raise AssertionError(f"no Set-Cookie for {name}: {response.headers.get_list('set-cookie')}")


async def test_session_cookie_flags_over_http(
    make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client()
    client = make_client()
    await fetch_csrf(client)
    response = await login(client, user.email, user.password)
    cookie = _set_cookie(response, "cl_session").lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "max-age=604800" in cookie
    assert "path=/" in cookie
    assert "secure" not in cookie


async def test_session_cookie_is_secure_over_https(
    make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client()
    client = make_client(https=True)
    await fetch_csrf(client)
    response = await login(client, user.email, user.password)
    assert "secure" in _set_cookie(response, "cl_session").lower()
    assert "secure" in _set_cookie(response, "cl_csrf").lower()
    assert (await me(client)).status_code == 200


async def test_login_rotates_the_session_token(
    make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client()
    planted = user.session_token
    # A browser carrying a known session token signs in: that token must not survive.
    client = make_client()
    plant_session(client, planted)
    await fetch_csrf(client)
    assert (await login(client, user.email, user.password)).status_code == 200
    assert client.cookies["cl_session"] != planted
    assert (await me(client)).status_code == 200
    stale = make_client(ip="10.9.9.9")
    plant_session(stale, planted)
    assert (await me(stale)).status_code == 401


async def test_sessions_slide_and_expire_after_seven_idle_days(
    make_user_client: MakeUserClient, clock: FrozenClock
) -> None:
    user = await make_user_client()
    clock.advance(timedelta(days=6))
    touched = await me(user.http)
    assert touched.status_code == 200
    assert "max-age=604800" in _set_cookie(touched, "cl_session").lower()
    clock.advance(timedelta(days=6))
    assert (await me(user.http)).status_code == 200  # 12 days after login, never idle 7
    clock.advance(timedelta(days=7))
    assert error_of(await me(user.http))[::2] == (401, "not_signed_in")


async def test_list_and_end_sessions(
    make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client()
    laptop = make_client(ip="10.0.0.2")
    await fetch_csrf(laptop)
    await login(laptop, user.email, user.password)

    listed = await user.http.get(f"{API}/sessions")
    assert listed.status_code == 200
    sessions = listed.json()["data"]
    assert listed.json()["meta"]["count"] == 2
    current = [item for item in sessions if item["current"]]
    others = [item for item in sessions if not item["current"]]
    assert len(current) == 1 and len(others) == 1
    assert others[0]["ip"] == "10.0.0.2"

    ended = await user.http.delete(f"{API}/sessions/{others[0]['id']}")
    assert ended.status_code == 200
    assert (await me(laptop)).status_code == 401
    assert (await me(user.http)).status_code == 200

    # Another user's session id is simply not found.
    stranger = await make_user_client()
    theirs = (await stranger.http.get(f"{API}/sessions")).json()["data"][0]["id"]
    assert error_of(await user.http.delete(f"{API}/sessions/{theirs}"))[::2] == (404, "not_found")
    assert (await me(stranger.http)).status_code == 200

    # Ending the current session signs this browser out.
    mine = await user.http.delete(f"{API}/sessions/{current[0]['id']}")
    assert mine.status_code == 200
    assert (await me(user.http)).status_code == 401


async def test_logout_all_ends_every_session(
    make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client()
    phone = make_client(ip="10.0.0.3")
    await fetch_csrf(phone)
    await login(phone, user.email, user.password)
    assert (await user.http.post(f"{API}/logout-all")).status_code == 200
    assert (await me(user.http)).status_code == 401
    assert (await me(phone)).status_code == 401


async def test_change_password_kills_other_sessions_and_rotates_this_one(
    make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client()
    phone = make_client(ip="10.0.0.4")
    await fetch_csrf(phone)
    await login(phone, user.email, user.password)
    old_token = user.http.cookies["cl_session"]
    new_password = strong_password()

    wrong = await user.http.post(
        f"{API}/change-password",
        json={"current_password": "not-my-password", "new_password": new_password},
    )
    assert error_of(wrong)[::2] == (400, "wrong_password")

    changed = await user.http.post(
        f"{API}/change-password",
        json={"current_password": user.password, "new_password": new_password},
    )
    assert changed.status_code == 200, changed.text
    assert user.http.cookies["cl_session"] != old_token
    assert (await me(user.http)).status_code == 200
    assert (await me(phone)).status_code == 401
    assert error_of(await login(phone, user.email, user.password))[0] == 401
    assert (await login(phone, user.email, new_password)).status_code == 200


async def test_weak_new_password_is_refused(make_user_client: MakeUserClient) -> None:
    user = await make_user_client()
    refused = await user.http.post(
        f"{API}/change-password",
        json={"current_password": user.password, "new_password": "qwertyuiop"},
    )
    status, message, code = error_of(refused)
    assert (status, code) == (422, "weak_password")
    assert "too common" in message
