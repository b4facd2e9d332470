"""The write API with API keys (made through the keys API): a key needs the route's scope
(403 `scope_required` without it), the request records which key asked, and a key with either
write scope follows its owner's requests (and only theirs)."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.job_requests.models import JobRequest
from tests.clients import MakeClient, MakeUserClient, UserClient
from tests.job_requests.conftest import (
    FETCH_URL,
    JOBS_URL,
    SCAN_URL,
    data_of,
    error_code,
    finish_jobs,
)

pytestmark = pytest.mark.usefixtures("followed")

KEYS_URL = "/api/v1/api-keys"


async def new_key(owner: UserClient, *scopes: str) -> tuple[int, str]:
    created = data_of(
        await owner.http.post(KEYS_URL, json={"name": "-".join(scopes), "scopes": list(scopes)}),
        201,
    )
    return created["id"], created["key"]


def keyed(make_client: MakeClient, key: str) -> httpx.AsyncClient:
    client = make_client()
    client.headers["X-API-Key"] = key
    return client


async def test_a_key_needs_the_routes_scope(
    app: FastAPI,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    owner = await make_user_client("premium")
    _, reader_key = await new_key(owner, "read:symbols")
    reader = keyed(make_client, reader_key)
    for response in (
        await reader.post(SCAN_URL, json={}),
        await reader.post(FETCH_URL, json={"symbol": "BTC/USDT"}),
        await reader.get(f"{JOBS_URL}/job_x"),
    ):
        assert error_code(response) == (403, "scope_required"), response.text

    fetch_key_id, fetch_key = await new_key(owner, "write:fetch")
    fetcher = keyed(make_client, fetch_key)
    assert error_code(await fetcher.post(SCAN_URL, json={})) == (403, "scope_required")
    queued = data_of(await fetcher.post(FETCH_URL, json={"symbol": "BTC/USDT"}), 202)
    await finish_jobs(app, session_factory, queued["id"])
    assert data_of(await fetcher.get(f"{JOBS_URL}/{queued['id']}"))["status"] == "succeeded"
    async with session_factory() as session:
        row = await session.scalar(select(JobRequest).where(JobRequest.public_id == queued["id"]))
    assert row is not None and (row.user_id, row.api_key_id) == (owner.user_id, fetch_key_id)

    # The owner's session sees the key's request; a scan key follows its owner's fetch too.
    assert data_of(await owner.http.get(f"{JOBS_URL}/{queued['id']}"))["id"] == queued["id"]
    _, scan_key = await new_key(owner, "write:scan")
    scanner = keyed(make_client, scan_key)
    assert data_of(await scanner.get(f"{JOBS_URL}/{queued['id']}"))["kind"] == "fetch"
    scan = data_of(await scanner.post(SCAN_URL, json={"symbols": ["ETH/USDT"]}), 202)
    await finish_jobs(app, session_factory, scan["id"])

    # Another user's key: not found.
    stranger = await make_user_client("premium")
    _, stranger_key = await new_key(stranger, "write:scan", "write:fetch")
    other = keyed(make_client, stranger_key)
    assert error_code(await other.get(f"{JOBS_URL}/{queued['id']}")) == (404, "not_found")
