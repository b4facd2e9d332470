"""Backtest routes while MariaDB is refused or black-holed, on a real `cryptolens serve` whose
database connections go through a FaultProxy: listing backtests, the live parameters and a
submission answer 503 `service_unavailable` with Retry-After within the request bound, never a
500 nor a hang, and the refused submission stored nothing; after the outage the list answers."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.auth.accounts import create_user
from cryptolens.backtests.models import Backtest
from cryptolens.billing.service import grant_subscription
from cryptolens.core.security import PasswordHasher
from cryptolens.db import unit_of_work
from tests.auth.helpers import fetch_csrf, login, strong_password
from tests.conftest import MYSQL_URL
from tests.fakes.fault_proxy import FaultProxy, Mode
from tests.portfolio.test_db_faults import BOUND_SECONDS, Trader, timed
from tests.processes import ApiProcess, module_api

pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)

API = "/api/v1"


@pytest.fixture(scope="module")
async def api(
    database_proxy: FaultProxy, db_engine: AsyncEngine, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[ApiProcess]:
    assert MYSQL_URL
    async with module_api(
        tmp_path_factory.mktemp("backtest-db-faults"),
        db_engine,
        database_url=database_proxy.url_for(MYSQL_URL),
        redis_url=None,
    ) as process:
        yield process


@pytest.fixture
async def premium(
    api: ApiProcess,
    database_proxy: FaultProxy,
    session_factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[Trader]:
    database_proxy.set_mode("pass")
    email, password = f"bt-faults-{time.monotonic_ns()}@example.com", strong_password()
    now = datetime.now(UTC)
    async with unit_of_work(session_factory) as db:
        user = await create_user(
            db, PasswordHasher(cheap=True), now, email=email, password=password, is_verified=True
        )
        await grant_subscription(db, user.id, "premium_monthly", now)
    async with httpx.AsyncClient(base_url=api.base_url, timeout=BOUND_SECONDS * 4) as http:
        await fetch_csrf(http)
        answer = await login(http, email, password)
        assert answer.status_code == 200, answer.text
        yield Trader(http, user.id, 0)
    database_proxy.set_mode("pass")


@pytest.mark.parametrize("mode", ["refuse", "blackhole"])
async def test_backtest_calls_are_prompt_503s_during_an_outage(
    mode: Mode,
    premium: Trader,
    database_proxy: FaultProxy,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    assert (await timed(premium, "GET", f"{API}/backtests", None)).status == 200
    end = (int(time.time() * 1000) // 60_000 - 60) * 60_000
    submission = {"symbol": "ANON/BTC", "start": end - 86_400_000, "end": end}
    calls = [
        ("GET", f"{API}/backtests", None),
        ("GET", f"{API}/backtests/parameters", None),
        ("POST", f"{API}/backtests", submission),
    ]
    with database_proxy.fault(mode):
        during = [await timed(premium, *call) for call in calls + calls]
    for answer in during:
        assert answer.status == 503, answer
        assert answer.code == "service_unavailable", answer
        assert answer.retry_after is not None and int(answer.retry_after) >= 1, answer
        assert answer.seconds < BOUND_SECONDS, answer

    back_at = time.monotonic()
    while (listed := await timed(premium, "GET", f"{API}/backtests", None)).status != 200:
        assert time.monotonic() - back_at < BOUND_SECONDS, listed
        await asyncio.sleep(0.2)
    async with session_factory() as db:
        stored = await db.scalar(
            select(func.count()).select_from(Backtest).where(Backtest.user_id == premium.user_id)
        )
    assert stored == 0
