"""Clients for API tests: anonymous ones (any client IP, http or https) and signed-in ones of
a given tier (session cookie and CSRF header set). Registered in tests/conftest.py."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import httpx
import pytest
from fastapi import FastAPI

from cryptolens.auth.accounts import create_user
from cryptolens.auth.sessions import ClientInfo, start_session
from cryptolens.billing.service import grant_subscription
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.resources import app_resources
from tests.auth.helpers import fetch_csrf, plant_session, strong_password

MakeClient = Callable[..., httpx.AsyncClient]


@pytest.fixture
async def make_client(app: FastAPI) -> AsyncIterator[MakeClient]:
    """Anonymous clients; `ip` sets the client address the app sees, `https` the scheme."""
    opened: list[httpx.AsyncClient] = []

    def make(ip: str = "127.0.0.1", https: bool = False) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=(ip, 51000))
        base_url = "https://testserver" if https else "http://testserver"
        client = httpx.AsyncClient(transport=transport, base_url=base_url)
        opened.append(client)
        return client

    yield make
    for client in opened:
        await client.aclose()


@dataclass
class UserClient:
    http: httpx.AsyncClient
    user_id: int
    email: str
    password: str
    session_token: str


MakeUserClient = Callable[..., Awaitable[UserClient]]


@pytest.fixture
async def make_user_client(
    app: FastAPI, make_client: MakeClient, clock: FrozenClock
) -> MakeUserClient:
    """A signed-in client (session cookie and CSRF header set) of a given tier:

    `await make_user_client("pro")`, `await make_user_client(admin=True)`,
    `await make_user_client(verified=False)`."""

    async def make(
        tier: str = "free", *, admin: bool = False, verified: bool = True, ip: str = "127.0.0.1"
    ) -> UserClient:
        resources = app_resources(app)
        toolkit = resources.auth_toolkit
        email = f"{tier}-{secrets.token_hex(4)}@example.com"
        password = strong_password()
        now = clock.now()
        async with unit_of_work(resources.session_factory) as db:
            user = await create_user(
                db,
                toolkit.hasher,
                now,
                email=email,
                password=password,
                is_admin=admin,
                is_verified=verified,
            )
            if tier != "free":
                await grant_subscription(db, user.id, f"{tier}_monthly", now)
            token = await start_session(
                db, toolkit.security, user.id, now, ClientInfo(ip=ip, user_agent="pytest")
            )
        client = make_client(ip=ip)
        plant_session(client, token)
        await fetch_csrf(client)
        return UserClient(
            http=client, user_id=user.id, email=email, password=password, session_token=token
        )

    return make
