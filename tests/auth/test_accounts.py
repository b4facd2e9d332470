"""Registration rules, email verification and password reset links (expiry, single use, same
answer for unknown emails), the profile."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy import text

from cryptolens.core.clock import FrozenClock
from cryptolens.core.security import PasswordHasher
from cryptolens.resources import app_resources
from tests.auth.conftest import MakeClient, MakeUserClient
from tests.auth.helpers import (
    API,
    error_of,
    fetch_csrf,
    login,
    mail_arrives,
    me,
    register,
    strong_password,
)
from tests.fakes.smtp import SmtpSink


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Short1!", "at least 10 characters"),
        ("ann.smith@example.com", "must not be your email"),
        ("xxANN.SMITHxx-2024", "must not contain your email name"),
        ("Password123", "too common"),
        ("QWERTYUIOP", "too common"),
    ],
)
async def test_weak_passwords_are_refused(
    make_client: MakeClient, password: str, reason: str
) -> None:
    client = make_client()
    await fetch_csrf(client)
    status, message, code = error_of(await register(client, "ann.smith@example.com", password))
    assert (status, code) == (422, "weak_password")
    assert reason in message


async def test_email_is_unique_whatever_its_case_and_validated(make_client: MakeClient) -> None:
    client = make_client()
    await fetch_csrf(client)
    first = await register(client, "Bob@Example.com", strong_password())
    assert first.status_code == 201
    topic = first.json()["data"]["ntfy_topic"]
    assert re.fullmatch(r"cl_[a-z0-9]{24}", topic)
    taken = await register(client, "bob@EXAMPLE.COM", strong_password())
    assert error_of(taken)[::2] == (409, "email_taken")
    invalid = await register(client, "not-an-email", strong_password())
    assert error_of(invalid)[::2] == (422, "validation_error")


async def test_registration_is_limited_to_three_an_hour_per_ip(make_client: MakeClient) -> None:
    client = make_client(ip="198.51.100.20")
    await fetch_csrf(client)
    for number in range(3):
        response = await register(client, f"user{number}@example.com", strong_password())
        assert response.status_code == 201
    refused = await register(client, "user4@example.com", strong_password())
    assert error_of(refused)[::2] == (429, "rate_limited")
    assert int(refused.headers["Retry-After"]) > 3000


async def test_new_accounts_are_free_unverified_and_can_sign_in(
    make_client: MakeClient, smtp_sink: SmtpSink
) -> None:
    client = make_client()
    await fetch_csrf(client)
    password = strong_password()
    await register(client, "carol@example.com", password)
    assert smtp_sink.last_mail_to("carol@example.com")["Subject"].startswith("Confirm")
    assert (await login(client, "carol@example.com", password)).status_code == 200
    profile = (await me(client)).json()["data"]
    assert (profile["tier"], profile["is_verified"]) == ("free", False)


async def test_verification_link_expires_after_24_hours_and_works_once(
    make_client: MakeClient, smtp_sink: SmtpSink, clock: FrozenClock
) -> None:
    client = make_client()
    await fetch_csrf(client)
    await register(client, "dave@example.com", strong_password())
    token = smtp_sink.last_link_to("dave@example.com", "/verify-email")
    clock.advance(timedelta(hours=24))
    expired = await client.post(f"{API}/verify-email", json={"token": token})
    assert error_of(expired)[::2] == (400, "invalid_token")

    resent = await client.post(f"{API}/resend-verification", json={"email": "DAVE@example.com"})
    assert resent.status_code == 200
    await mail_arrives(smtp_sink, "dave@example.com", 2)
    fresh = smtp_sink.last_link_to("dave@example.com", "/verify-email")
    assert fresh != token
    assert (await client.post(f"{API}/verify-email", json={"token": fresh})).status_code == 200
    again = await client.post(f"{API}/verify-email", json={"token": fresh})
    assert error_of(again)[::2] == (400, "invalid_token")


async def test_token_requests_answer_the_same_for_unknown_emails(
    make_client: MakeClient, make_user_client: MakeUserClient, smtp_sink: SmtpSink
) -> None:
    user = await make_user_client(verified=False)
    client = make_client()
    await fetch_csrf(client)
    for path in ("/forgot-password", "/resend-verification"):
        known = await client.post(f"{API}{path}", json={"email": user.email})
        unknown = await client.post(f"{API}{path}", json={"email": "nobody@example.com"})
        assert known.status_code == unknown.status_code == 200
        assert known.json()["data"] == unknown.json()["data"]
    await mail_arrives(smtp_sink, user.email, 2)
    assert len(smtp_sink.mails_to(user.email)) == 2
    assert smtp_sink.mails_to("nobody@example.com") == []


async def test_reset_link_expires_after_an_hour_and_works_once(
    make_client: MakeClient,
    make_user_client: MakeUserClient,
    smtp_sink: SmtpSink,
    clock: FrozenClock,
) -> None:
    user = await make_user_client()
    client = make_client()
    await fetch_csrf(client)
    await client.post(f"{API}/forgot-password", json={"email": user.email})
    await mail_arrives(smtp_sink, user.email, 1)
    token = smtp_sink.last_link_to(user.email, "/reset-password")
    clock.advance(timedelta(minutes=60))
    late = await client.post(
        f"{API}/reset-password", json={"token": token, "new_password": strong_password()}
    )
    assert error_of(late)[::2] == (400, "invalid_token")

    await client.post(f"{API}/forgot-password", json={"email": user.email})
    await mail_arrives(smtp_sink, user.email, 2)
    token = smtp_sink.last_link_to(user.email, "/reset-password")
    weak = await client.post(
        f"{API}/reset-password", json={"token": token, "new_password": "1234567890"}
    )
    assert error_of(weak)[::2] == (422, "weak_password")
    new_password = strong_password()
    body = {"token": token, "new_password": new_password}
    assert (await client.post(f"{API}/reset-password", json=body)).status_code == 200
    reused = await client.post(
        f"{API}/reset-password", json={"token": token, "new_password": strong_password()}
    )
    assert error_of(reused)[::2] == (400, "invalid_token")
    assert (await login(client, user.email, new_password)).status_code == 200


async def test_profile_update_changes_only_what_is_sent(make_user_client: MakeUserClient) -> None:
    user = await make_user_client()
    named = await user.http.patch(f"{API}/me", json={"display_name": "Whale Watcher"})
    assert named.json()["data"]["display_name"] == "Whale Watcher"
    zoned = await user.http.patch(f"{API}/me", json={"timezone": "Asia/Tokyo"})
    assert zoned.json()["data"]["display_name"] == "Whale Watcher"
    assert zoned.json()["data"]["timezone"] == "Asia/Tokyo"
    unknown = await user.http.patch(f"{API}/me", json={"timezone": "Mars/Olympus"})
    status, message, _code = error_of(unknown)
    assert status == 422 and "time zone" in message
    cleared = await user.http.patch(f"{API}/me", json={"display_name": ""})
    assert cleared.json()["data"]["display_name"] is None


async def test_me_needs_a_session(make_client: MakeClient) -> None:
    client = make_client()
    assert error_of(await me(client))[::2] == (401, "not_signed_in")
    client.cookies.set("cl_session", "made-up-token", domain="testserver.local")
    assert error_of(await me(client))[::2] == (401, "not_signed_in")


async def test_password_is_rehashed_at_login_when_the_parameters_change(
    app: FastAPI, make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    user = await make_user_client()

    async def stored_hash() -> str:
        async with app_resources(app).session_factory() as db:
            found = await db.scalar(
                text("SELECT password_hash FROM users WHERE id = :id"), {"id": user.user_id}
            )
        return str(found)

    cheap = await stored_hash()
    assert "m=8,t=1,p=1" in cheap
    resources = app_resources(app)
    resources.auth_toolkit = replace(resources.auth_toolkit, hasher=PasswordHasher())
    client = make_client()
    await fetch_csrf(client)
    assert (await login(client, user.email, user.password)).status_code == 200
    upgraded = await stored_hash()
    assert upgraded != cheap and "m=65536,t=3,p=4" in upgraded
    assert (await login(client, user.email, user.password)).status_code == 200
