"""`POST /admin/users`: a new account under the password policy, 409 `email_taken`, an
optional plan granted with it, and the verification mail (through the `send_account_mail`
job) for an unverified one; one audit row."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.core.ratelimit import reset_rate_limits
from cryptolens.settings import MailSettings, Settings
from tests.admin.user_factories import USERS, account, audit_rows, subscription_of
from tests.auth.conftest import create_mailing_app
from tests.auth.helpers import API, fetch_csrf, login, me, strong_password
from tests.clients import MakeClient, MakeUserClient
from tests.fakes.smtp import SmtpSink, smtp_server, smtp_sink

__all__ = ["smtp_server", "smtp_sink"]

MAIL_DEADLINE_SECONDS = 10.0


@pytest.fixture
async def app(
    test_settings: Settings,
    db_engine: AsyncEngine,
    session_factory: object,
    clock: FrozenClock,
    smtp_sink: SmtpSink,
) -> AsyncIterator[FastAPI]:
    """The app with its mail going to the loopback SMTP sink."""
    mail = MailSettings(smtp_host="127.0.0.1", smtp_port=smtp_sink.port, smtp_tls="none")
    application = create_mailing_app(test_settings, db_engine, clock, mail)
    reset_rate_limits(application)
    async with application.router.lifespan_context(application):
        yield application
    reset_rate_limits(application)


async def _wait_for_mail(sink: SmtpSink, address: str) -> None:
    deadline = time.monotonic() + MAIL_DEADLINE_SECONDS
    while not sink.mails_to(address):
        assert time.monotonic() < deadline, f"no mail to {address}"
        await asyncio.sleep(0.02)


async def test_an_unverified_account_gets_its_verification_mail(
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    smtp_sink: SmtpSink,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    admin = await make_user_client(admin=True)
    password = strong_password()
    response = await admin.http.post(
        USERS,
        json={"email": "New.Trader@Example.com", "password": password, "display_name": "Newbie"},
    )
    assert response.status_code == 201, response.text
    created = response.json()["data"]
    assert created["email"] == "new.trader@example.com"
    assert created["is_verified"] is False and created["is_admin"] is False
    assert created["is_active"] is True and created["tier"] == "free"
    assert created["subscription"] is None

    await _wait_for_mail(smtp_sink, "new.trader@example.com")
    token = smtp_sink.last_link_to("new.trader@example.com", "/verify-email")
    browser = make_client(ip="198.51.100.20")
    await fetch_csrf(browser)
    verified = await browser.post(f"{API}/verify-email", json={"token": token})
    assert verified.status_code == 200, verified.text
    assert (await account(session_factory, created["id"])).is_verified is True
    assert (await login(browser, "new.trader@example.com", password)).status_code == 200

    [row] = await audit_rows(admin.http, action="user.create")
    assert row["target_id"] == str(created["id"])
    assert row["before"] is None
    assert row["after"] == {
        "email": "new.trader@example.com",
        "display_name": "Newbie",
        "is_active": True,
        "is_verified": False,
        "is_admin": False,
    }


async def test_a_verified_admin_with_a_plan_gets_no_mail(
    make_user_client: MakeUserClient,
    smtp_sink: SmtpSink,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    response = await admin.http.post(
        USERS,
        json={
            "email": "helper@example.com",
            "password": strong_password(),
            "is_verified": True,
            "is_admin": True,
            "grant": {"plan": "pro", "days": 30},
        },
    )
    assert response.status_code == 201, response.text
    created = response.json()["data"]
    assert created["is_admin"] is True and created["tier"] == "premium"
    subscription = await subscription_of(session_factory, created["id"])
    assert subscription is not None
    assert subscription.plan == "pro" and subscription.status == "active"
    assert subscription.expires_at == clock.now() + timedelta(days=30)
    [row] = await audit_rows(admin.http, action="user.create")
    assert row["after"]["plan"] == "pro" and row["after"]["is_admin"] is True
    await asyncio.sleep(0.3)  # the job would have run by now
    assert smtp_sink.mails_to("helper@example.com") == []


async def test_a_plan_for_life_with_the_account(
    make_user_client: MakeUserClient, make_client: MakeClient
) -> None:
    admin = await make_user_client(admin=True)
    password = strong_password()
    response = await admin.http.post(
        USERS,
        json={
            "email": "lifer@example.com",
            "password": password,
            "is_verified": True,
            "grant": {"plan": "premium", "lifetime": True},
        },
    )
    assert response.status_code == 201, response.text
    created = response.json()["data"]
    assert created["tier"] == "premium"
    assert created["subscription"]["lifetime"] is True
    assert created["subscription"]["expires_at"] is None
    browser = make_client(ip="198.51.100.21")
    await fetch_csrf(browser)
    assert (await login(browser, "lifer@example.com", password)).status_code == 200
    assert (await me(browser)).json()["data"]["tier"] == "premium"


async def test_refusals_leave_no_account_and_no_audit_row(
    make_user_client: MakeUserClient,
) -> None:
    admin = await make_user_client(admin=True)
    user = await make_user_client()
    taken = await admin.http.post(
        USERS, json={"email": user.email.upper(), "password": strong_password()}
    )
    assert taken.status_code == 409
    assert taken.json()["meta"]["code"] == "email_taken"

    weak = await admin.http.post(USERS, json={"email": "w@example.com", "password": "password12"})
    assert weak.status_code == 422
    own_name = await admin.http.post(
        USERS, json={"email": "someone@example.com", "password": "someone-1234"}
    )
    assert own_name.status_code == 422
    for body in (
        {"email": "x@example.com", "password": strong_password(), "tier": "pro"},
        {"email": "not-an-email", "password": strong_password()},
        {"email": "x@example.com", "password": strong_password(), "grant": {"plan": "pro"}},
        {
            "email": "x@example.com",
            "password": strong_password(),
            "grant": {"plan": "pro", "days": 3, "lifetime": True},
        },
        {
            "email": "x@example.com",
            "password": strong_password(),
            "grant": {"plan": "pro", "days": 3, "extra": 1},
        },
    ):
        response = await admin.http.post(USERS, json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["meta"]["code"] == "validation_error"
    listed = (await admin.http.get(USERS, params={"q": "example.com"})).json()["data"]
    assert {row["email"] for row in listed} == {admin.email, user.email}
    assert await audit_rows(admin.http, action="user.create") == []
