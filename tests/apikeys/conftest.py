"""Fixtures of the API key tests: a premium user, keys made through the API, clients that
present a key (and nothing else: no cookie, no CSRF header)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from tests.clients import MakeClient, MakeUserClient, UserClient

KEYS = "/api/v1/api-keys"
SIGNALS = "/api/v1/signals"

CreateKey = Callable[..., Awaitable[tuple[str, dict[str, Any]]]]
KeyClient = Callable[..., httpx.AsyncClient]


@pytest.fixture
async def premium(make_user_client: MakeUserClient) -> UserClient:
    return await make_user_client("premium")


@pytest.fixture
def create_key(premium: UserClient) -> CreateKey:
    """`key, data = await create_key(scopes=["read:signals"], owner=...)`: made by the owner
    (the premium user by default), the key in clear and the rest of the answer."""

    async def create(owner: UserClient | None = None, **body: Any) -> tuple[str, dict[str, Any]]:
        body.setdefault("name", "script")
        body.setdefault("scopes", ["all"])
        response = await (owner or premium).http.post(KEYS, json=body)
        assert response.status_code == 201, response.text
        data: dict[str, Any] = response.json()["data"]
        return data.pop("key"), data

    return create


@pytest.fixture
def key_client(make_client: MakeClient) -> KeyClient:
    """A client presenting `key` in X-API-Key (or as a Bearer token), from `ip`."""

    def make(key: str, ip: str = "127.0.0.1", *, bearer: bool = False) -> httpx.AsyncClient:
        client = make_client(ip=ip)
        if bearer:
            client.headers["Authorization"] = f"Bearer {key}"
        else:
            client.headers["X-API-Key"] = key
        return client

    return make
