"""A process remembers who a session cookie is and what their tier allows for a moment
(access_memo_seconds): a change committed by this process is seen at once, one committed
elsewhere within that moment, and a memo of 0 s remembers nothing."""

from __future__ import annotations

from datetime import timedelta

import httpx
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.access.memo import AccessMemo
from cryptolens.access.session_cookie import SESSION_COOKIE
from cryptolens.billing import service as billing_service
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.resources import app_resources
from tests.clients import MakeUserClient


async def matrix_symbols(http: httpx.AsyncClient) -> list[str] | int:
    answer = await http.get("/api/v1/matrix")
    if answer.status_code != 200:
        return answer.status_code
    return [row["symbol"] for row in answer.json()["data"]]


async def delete_sessions_elsewhere(engine: AsyncEngine) -> None:
    """What a logout-everywhere in another process looks like from here: rows gone, no
    commit through this process's sessions."""
    async with engine.begin() as connection:
        await connection.execute(text("DELETE FROM user_sessions"))


async def test_a_tier_change_committed_here_is_seen_at_once(
    make_user_client: MakeUserClient,
    market_rows: dict[str, int],
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    free = await make_user_client("free")
    assert await matrix_symbols(free.http) == ["BTC/USDT"]
    async with unit_of_work(session_factory) as db:
        await billing_service.grant_subscription(db, free.user_id, "premium", clock.now())
    assert await matrix_symbols(free.http) == ["BTC/USDT", "ETH/USDT"]


async def test_a_logout_here_ends_the_session_at_once(
    make_user_client: MakeUserClient, market_rows: dict[str, int], app: FastAPI
) -> None:
    user = await make_user_client("premium")
    assert await matrix_symbols(user.http) == ["BTC/USDT", "ETH/USDT"]
    assert (await user.http.post("/api/v1/auth/logout")).status_code == 200
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as replay:
        replay.cookies.set(SESSION_COOKIE, user.session_token)
        assert await matrix_symbols(replay) == 401


async def test_a_change_made_elsewhere_is_seen_within_the_memo_time(
    make_user_client: MakeUserClient,
    market_rows: dict[str, int],
    db_engine: AsyncEngine,
    clock: FrozenClock,
) -> None:
    user = await make_user_client("premium")
    assert await matrix_symbols(user.http) == ["BTC/USDT", "ETH/USDT"]
    await delete_sessions_elsewhere(db_engine)
    clock.advance(timedelta(seconds=1.9))
    assert await matrix_symbols(user.http) == ["BTC/USDT", "ETH/USDT"]
    clock.advance(timedelta(seconds=0.1))
    assert await matrix_symbols(user.http) == 401


async def test_a_memo_of_zero_seconds_remembers_nothing(
    make_user_client: MakeUserClient,
    market_rows: dict[str, int],
    db_engine: AsyncEngine,
    app: FastAPI,
) -> None:
    app_resources(app).access_memo = AccessMemo(0)
    user = await make_user_client("premium")
    assert await matrix_symbols(user.http) == ["BTC/USDT", "ETH/USDT"]
    await delete_sessions_elsewhere(db_engine)
    assert await matrix_symbols(user.http) == 401


async def test_a_remembered_session_still_needs_the_csrf_header_to_write(
    make_user_client: MakeUserClient, market_rows: dict[str, int]
) -> None:
    user = await make_user_client("pro")
    before = await matrix_symbols(user.http)  # remembered from here on
    assert isinstance(before, list) and "ETH/USDT" not in before
    token = user.http.headers.pop("X-CSRF-Token")
    refused = await user.http.put("/api/v1/auth/me/watchlist", json={"symbols": ["ETH/USDT"]})
    assert (refused.status_code, refused.json()["meta"]["code"]) == (403, "csrf_failed")
    user.http.headers["X-CSRF-Token"] = token
    accepted = await user.http.put("/api/v1/auth/me/watchlist", json={"symbols": ["ETH/USDT"]})
    assert accepted.status_code == 200, accepted.text
    # The watchlist write is this process's own: the pro view follows it at once.
    after = await matrix_symbols(user.http)
    assert isinstance(after, list) and "ETH/USDT" in after
