"""The whole account journey through the HTTP API with real cookies and real mail (SMTP sink):
register -> verify -> login -> me -> 2FA -> logout -> login with TOTP -> backup code once ->
password reset by mail -> old sessions dead."""

from __future__ import annotations

from datetime import timedelta

from cryptolens.auth.totp import code_at
from cryptolens.core.clock import FrozenClock
from tests.auth.conftest import MakeClient
from tests.auth.helpers import (
    API,
    enable_two_factor,
    error_of,
    fetch_csrf,
    login,
    login_totp,
    mail_arrives,
    me,
    plant_session,
    register,
    strong_password,
)
from tests.fakes.smtp import SmtpSink


async def test_account_journey(
    make_client: MakeClient, smtp_sink: SmtpSink, clock: FrozenClock
) -> None:
    browser = make_client()
    await fetch_csrf(browser)
    email, password = "Alice.Trader@Example.com", strong_password()

    registered = await register(browser, email, password)
    assert registered.status_code == 201, registered.text
    assert registered.json()["data"]["email"] == "alice.trader@example.com"
    assert registered.json()["data"]["is_verified"] is False

    # The verification mail went through SMTP with a link to the SPA route.
    mail = smtp_sink.last_mail_to("alice.trader@example.com")
    body = mail.get_body()
    assert body is not None
    assert "http://127.0.0.1:8000/verify-email?token=" in body.get_content()
    verify_token = smtp_sink.last_link_to("alice.trader@example.com", "/verify-email")
    verified = await browser.post(f"{API}/verify-email", json={"token": verify_token})
    assert verified.status_code == 200, verified.text
    assert verified.json()["data"]["is_verified"] is True

    signed_in = await login(browser, email.upper(), password)
    assert signed_in.status_code == 200, signed_in.text
    assert signed_in.json()["data"] == {
        "totp_required": False,
        "user": signed_in.json()["data"]["user"],
    }
    first_session = browser.cookies.get("cl_session")
    assert first_session
    # Login refreshed the CSRF token (the helper re-read the cookie, like the SPA).
    assert browser.headers["X-CSRF-Token"] == browser.cookies["cl_csrf"]

    profile = await me(browser)
    assert profile.status_code == 200
    assert profile.json()["data"]["tier"] == "free"
    assert profile.json()["data"]["limits"]["fixed_symbols"] == ["BTC/USDT"]
    assert profile.json()["data"]["two_factor_enabled"] is False

    secret, backup_codes = await enable_two_factor(browser, clock.now())
    assert len(backup_codes) == 10 and len(set(backup_codes)) == 10
    assert (await me(browser)).json()["data"]["two_factor_enabled"] is True

    logged_out = await browser.post(f"{API}/logout")
    assert logged_out.status_code == 200
    assert (await me(browser)).status_code == 401

    # The password alone no longer signs in: the second step is required.
    clock.advance(timedelta(seconds=60))
    step_one = await login(browser, email, password)
    assert step_one.status_code == 200
    assert step_one.json()["data"] == {"totp_required": True, "user": None}
    assert browser.cookies.get("cl_session") is None
    assert (await me(browser)).status_code == 401
    step_two = await login_totp(browser, code_at(secret, clock.now()))
    assert step_two.status_code == 200, step_two.text
    assert step_two.json()["data"]["user"]["email"] == "alice.trader@example.com"
    assert (await me(browser)).status_code == 200

    # A backup code works once.
    await browser.post(f"{API}/logout")
    assert (await login(browser, email, password)).json()["data"]["totp_required"] is True
    assert (await login_totp(browser, backup_codes[0])).status_code == 200
    assert (await me(browser)).json()["data"]["backup_codes_left"] == 9
    await browser.post(f"{API}/logout")
    assert (await login(browser, email, password)).json()["data"]["totp_required"] is True
    reused = await login_totp(browser, backup_codes[0])
    assert error_of(reused)[0] == 401

    # Another device is signed in; a reset by mail link ends every session.
    other_device = make_client(ip="10.1.1.1")
    await fetch_csrf(other_device)
    assert (await login(other_device, email, password)).status_code == 200
    assert (await login_totp(other_device, backup_codes[1])).status_code == 200
    assert (await me(other_device)).status_code == 200
    old_cookie = other_device.cookies["cl_session"]

    stranger = make_client(ip="10.2.2.2")
    await fetch_csrf(stranger)
    mails_before = len(smtp_sink.mails_to("alice.trader@example.com"))
    forgot = await stranger.post(f"{API}/forgot-password", json={"email": email})
    assert forgot.status_code == 200
    await mail_arrives(smtp_sink, "alice.trader@example.com", mails_before + 1)
    reset_token = smtp_sink.last_link_to("alice.trader@example.com", "/reset-password")
    new_password = strong_password()
    reset = await stranger.post(
        f"{API}/reset-password", json={"token": reset_token, "new_password": new_password}
    )
    assert reset.status_code == 200, reset.text
    assert smtp_sink.last_mail_to("alice.trader@example.com")["Subject"] == (
        "Your CryptoLens password was changed"
    )

    assert (await me(other_device)).status_code == 401
    replayed = make_client(ip="10.3.3.3")
    plant_session(replayed, old_cookie)
    assert (await me(replayed)).status_code == 401
    assert error_of(await login(stranger, email, password))[0] == 401
    clock.advance(timedelta(seconds=60))
    assert (await login(stranger, email, new_password)).json()["data"]["totp_required"] is True
    assert (await login_totp(stranger, code_at(secret, clock.now()))).status_code == 200
    assert (await me(stranger)).status_code == 200
