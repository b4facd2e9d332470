"""No password, session token, mailed token, backup code or TOTP secret is stored in clear or
written to a log: the raw rows and every captured log record are searched for them."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy import text

from cryptolens.auth.totp import code_at, normalize_backup_code
from cryptolens.core.clock import FrozenClock
from cryptolens.resources import app_resources
from tests.auth.conftest import MakeClient
from tests.auth.helpers import (
    API,
    enable_two_factor,
    fetch_csrf,
    login,
    login_totp,
    mail_arrives,
    register,
    strong_password,
)
from tests.fakes.smtp import SmtpSink

ACCOUNT_TABLES = (
    "users",
    "user_sessions",
    "one_time_tokens",
    "totp_credentials",
    "backup_codes",
    "watchlist_items",
    "subscriptions",
)
# The SMTP sink's own logger (aiosmtpd) is the mail server, not our application.
FOREIGN_LOGGERS = ("mail.log",)


async def _raw_values(app: FastAPI) -> list[str]:
    values: list[str] = []
    async with app_resources(app).engine.connect() as connection:
        for table in ACCOUNT_TABLES:
            rows = (await connection.execute(text(f"SELECT * FROM {table}"))).all()
            values += [str(value) for row in rows for value in row if value is not None]
    return values


def _logged_text(records: list[logging.LogRecord]) -> str:
    parts = []
    for record in records:
        if record.name.startswith(FOREIGN_LOGGERS):
            continue
        parts.append(record.getMessage())
        parts += [repr(value) for value in vars(record).values()]
    return "\n".join(parts)


async def test_secrets_are_never_stored_or_logged_in_clear(
    app: FastAPI,
    make_client: MakeClient,
    smtp_sink: SmtpSink,
    clock: FrozenClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    browser = make_client()
    await fetch_csrf(browser)
    email, password = "secretive@example.com", strong_password()
    await register(browser, email, password)
    verify_token = smtp_sink.last_link_to(email, "/verify-email")
    await login(browser, email, password)
    session_token = browser.cookies["cl_session"]
    secret, backup_codes = await enable_two_factor(browser, clock.now())
    rotated_session = browser.cookies["cl_session"]
    await browser.post(f"{API}/logout")

    clock.advance(timedelta(seconds=30))
    await login(browser, email, password)
    pending_token = browser.cookies["cl_pending_login"]
    await login_totp(browser, code_at(secret, clock.now()))
    await browser.post(f"{API}/forgot-password", json={"email": email})
    await mail_arrives(smtp_sink, email, 2)
    reset_token = smtp_sink.last_link_to(email, "/reset-password")
    new_password = strong_password()
    await browser.post(
        f"{API}/reset-password", json={"token": reset_token, "new_password": new_password}
    )
    # An unused reset link stays in the table (hashed) until it expires.
    await browser.post(f"{API}/forgot-password", json={"email": email})
    await mail_arrives(smtp_sink, email, 4)
    live_reset_token = smtp_sink.last_link_to(email, "/reset-password")

    secrets_in_play = {
        "password": password,
        "new password": new_password,
        "session token": session_token,
        "rotated session token": rotated_session,
        "pending login token": pending_token,
        "verification token": verify_token,
        "reset token": reset_token,
        "live reset token": live_reset_token,
        "totp secret": secret,
        **{f"backup code {n}": code for n, code in enumerate(backup_codes)},
        **{f"backup code {n} typed": normalize_backup_code(c) for n, c in enumerate(backup_codes)},
    }

    stored = await _raw_values(app)
    assert any(value == email for value in stored), "the raw rows were read"
    logged = _logged_text(caplog.records)
    assert "auth.login_succeeded" in logged, "the logs were captured"
    for name, secret_value in secrets_in_play.items():
        assert not any(secret_value in value for value in stored), f"{name} stored in clear"
        assert secret_value not in logged, f"{name} written to a log"
