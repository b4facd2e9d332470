"""Steps of the account flows as the SPA performs them, over HTTP with real cookies."""

from __future__ import annotations

import asyncio
import secrets
import time
from datetime import datetime
from typing import Any

import httpx
import pyotp

from cryptolens.auth.totp import code_at
from tests.fakes.smtp import SmtpSink

API = "/api/v1/auth"


def strong_password() -> str:
    return f"Tr4der-{secrets.token_hex(6)}"


def plant_session(client: httpx.AsyncClient, token: str) -> None:
    """Puts a session cookie in the jar as the server would have set it."""
    client.cookies.set("cl_session", token, domain="testserver.local", path="/")


async def fetch_csrf(client: httpx.AsyncClient) -> str:
    """GET /csrf like the SPA does first; the client then echoes the token on every request,
    and, like the SPA (which reads the cookie before each request), follows each new token
    the server sets (login, password change, two-factor on or off, logout)."""
    response = await client.get(f"{API}/csrf")
    assert response.status_code == 200, response.text
    token: str = response.json()["data"]["csrf_token"]
    assert client.cookies.get("cl_csrf") == token
    client.headers["X-CSRF-Token"] = token
    _follow_new_tokens(client)
    return token


def _follow_new_tokens(client: httpx.AsyncClient) -> None:
    async def follow(response: httpx.Response) -> None:
        # The jar has taken the response's cookies by now.
        if any(value.startswith("cl_csrf=") for value in response.headers.get_list("set-cookie")):
            client.headers["X-CSRF-Token"] = client.cookies["cl_csrf"]

    hooks = client.event_hooks["response"]
    if not any(getattr(hook, "follows_csrf", False) for hook in hooks):
        follow.follows_csrf = True  # type: ignore[attr-defined]
        client.event_hooks["response"] = [*hooks, follow]


async def register(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await client.post(f"{API}/register", json={"email": email, "password": password})


async def login(
    client: httpx.AsyncClient, email: str, password: str, code: str | None = None
) -> httpx.Response:
    body: dict[str, Any] = {"email": email, "password": password}
    if code is not None:
        body["totp_code"] = code
    return _follow_csrf(client, await client.post(f"{API}/login", json=body))


async def login_totp(client: httpx.AsyncClient, code: str) -> httpx.Response:
    return _follow_csrf(client, await client.post(f"{API}/login/totp", json={"code": code}))


def _follow_csrf(client: httpx.AsyncClient, response: httpx.Response) -> httpx.Response:
    # Signing in refreshes the CSRF cookie; the SPA reads it again, so does this client.
    if "cl_csrf" in client.cookies:
        client.headers["X-CSRF-Token"] = client.cookies["cl_csrf"]
    return response


async def me(client: httpx.AsyncClient) -> httpx.Response:
    return await client.get(f"{API}/me")


async def enable_two_factor(client: httpx.AsyncClient, now: datetime) -> tuple[str, list[str]]:
    """Sets TOTP up and enables it; returns the secret and the backup codes."""
    setup = await client.post(f"{API}/2fa/setup")
    assert setup.status_code == 200, setup.text
    secret: str = setup.json()["data"]["secret"]
    enabled = await client.post(f"{API}/2fa/enable", json={"code": code_at(secret, now)})
    assert enabled.status_code == 200, enabled.text
    codes: list[str] = enabled.json()["data"]["backup_codes"]
    return secret, codes


def wrong_code(secret: str, now: datetime) -> str:
    """A six-digit code that is valid for none of the accepted steps."""
    totp = pyotp.TOTP(secret)
    valid = {totp.at(now.timestamp() + offset) for offset in (-30, 0, 30)}
    candidate = 0
    while f"{candidate:06d}" in valid:
        candidate += 1
    return f"{candidate:06d}"


async def mail_arrives(sink: SmtpSink, address: str, count: int, within: float = 10.0) -> None:
    """Waits until `address` has `count` mails: token mails are sent by a job, after the
    answer (forgot-password, resend-verification)."""
    deadline = time.monotonic() + within
    while len(sink.mails_to(address)) < count:
        assert time.monotonic() < deadline, f"{address} has not received {count} mails"
        await asyncio.sleep(0.02)


def error_of(response: httpx.Response) -> tuple[int, str, str]:
    """Status, message and machine code: what a refusal tells the caller."""
    body = response.json()
    assert body["success"] is False
    return response.status_code, body["error"], body["meta"]["code"]
