"""Portfolio routes while MariaDB is refused or black-holed, on a real `cryptolens serve` whose
database connections go through a FaultProxy the test controls: listing portfolios, creating
one and recording a trade answer 503 `service_unavailable` with Retry-After, within twice the
configured database waits (connect + statement), never a 500 nor a hang; once the database is
back they succeed without a restart, and nothing the refused writes carried was stored.

The whole-API picture (every route, a stalled cookie lookup, webhooks) is
tests/reliability/test_database_faults.py; this file is the portfolio writes'."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.auth.accounts import create_user
from cryptolens.billing.service import grant_subscription
from cryptolens.core.security import PasswordHasher
from cryptolens.db import unit_of_work
from cryptolens.portfolio.models import Portfolio, Trade
from cryptolens.settings import DatabaseSettings
from tests.auth.helpers import fetch_csrf, login, strong_password
from tests.conftest import MYSQL_URL
from tests.fakes.fault_proxy import FaultProxy, Mode
from tests.processes import ApiProcess, module_api
from tests.signals.conftest import head, read_anon_minutes, store_symbol

# Production's shape: MariaDB behind the proxy, a separate API process (no Redis needed).
pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)

API = "/api/v1"
# The API runs with the default waits; CI machines are slow, so twice them.
BOUND_SECONDS = 2 * DatabaseSettings().request_wait_seconds
SYMBOL = "ANON/BTC"  # stored by module_api, and again for each test (tables are emptied)
OUTAGE_MARK = "during-outage"


@pytest.fixture(scope="module")
async def api(
    database_proxy: FaultProxy, db_engine: AsyncEngine, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[ApiProcess]:
    assert MYSQL_URL
    async with module_api(
        tmp_path_factory.mktemp("portfolio-db-faults"),
        db_engine,
        database_url=database_proxy.url_for(MYSQL_URL),
        redis_url=None,
    ) as process:
        yield process


@dataclass
class Trader:
    http: httpx.AsyncClient
    user_id: int
    portfolio_id: int


@pytest.fixture
async def trader(
    api: ApiProcess,
    database_proxy: FaultProxy,
    session_factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[Trader]:
    """A premium user (no portfolio or trade limit in the way), signed in while the database
    is up, with one portfolio made over HTTP."""
    database_proxy.set_mode("pass")
    await store_symbol(session_factory, SYMBOL, head(read_anon_minutes(), 10))
    email, password = f"faults-{time.monotonic_ns()}@example.com", strong_password()
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
        made = await http.post(f"{API}/portfolios", json={"name": "Before"})
        assert made.status_code == 201, made.text
        yield Trader(http, user.id, made.json()["data"]["id"])
    database_proxy.set_mode("pass")


def requests_of(trader: Trader, mark: str) -> list[tuple[str, str, dict[str, Any] | None]]:
    """The three portfolio calls, the writes' bodies carrying `mark`."""
    trade = {
        "symbol": SYMBOL,
        "direction": "long",
        "entry_price": "0.0001",
        "quantity": "3",
        "setup_notes": mark,
    }
    return [
        ("GET", f"{API}/portfolios", None),
        ("POST", f"{API}/portfolios", {"name": mark}),
        ("POST", f"{API}/portfolios/{trader.portfolio_id}/trades", trade),
    ]


def reads_of(trader: Trader) -> list[tuple[str, str, dict[str, Any] | None]]:
    """The portfolio's other reads: tags, its reports and the CSV export (whose errors stay
    JSON envelopes)."""
    portfolio = f"{API}/portfolios/{trader.portfolio_id}"
    return [
        ("GET", f"{API}/tags", None),
        ("GET", f"{portfolio}/stats", None),
        ("GET", f"{portfolio}/equity", None),
        ("GET", f"{portfolio}/export.csv", None),
    ]


@dataclass(frozen=True)
class Answer:
    call: str
    status: int
    seconds: float
    code: str | None
    retry_after: str | None


async def timed(trader: Trader, method: str, path: str, body: dict[str, Any] | None) -> Answer:
    started = time.monotonic()
    try:
        response = await trader.http.request(method, path, json=body)
    except httpx.TimeoutException:  # a hang: reported as such, not as a test error
        return Answer(f"{method} {path}", 0, time.monotonic() - started, "client timeout", None)
    seconds = time.monotonic() - started
    code = None
    if response.headers.get("content-type", "").startswith("application/json"):
        code = (response.json().get("meta") or {}).get("code")
    return Answer(
        f"{method} {path}", response.status_code, seconds, code, response.headers.get("retry-after")
    )


async def stored(
    factory: async_sessionmaker[AsyncSession], user_id: int
) -> tuple[list[str], list[str | None]]:
    """The user's portfolio names and trade notes, as the database holds them."""
    async with factory() as db:
        names = await db.scalars(
            select(Portfolio.name).where(Portfolio.user_id == user_id).order_by(Portfolio.id)
        )
        notes = await db.scalars(
            select(Trade.setup_notes).where(Trade.user_id == user_id).order_by(Trade.id)
        )
        return list(names), list(notes)


@pytest.mark.parametrize("mode", ["refuse", "blackhole"])
async def test_portfolio_calls_are_prompt_503s_during_an_outage_and_work_after_it(
    mode: Mode,
    trader: Trader,
    database_proxy: FaultProxy,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    # Up: each call works (its session's lookup and pooled connections are warm).
    warm = await timed(trader, *requests_of(trader, "warm-up")[0])
    assert warm.status == 200, warm

    with database_proxy.fault(mode):
        # One after the other: a stuck pooled connection must not make the next call wait.
        during = [await timed(trader, *call) for call in requests_of(trader, OUTAGE_MARK)]
        during += [await timed(trader, *call) for call in reads_of(trader)]
        # Asked again while it lasts (pooled connections are gone or stuck by now): the same.
        during += [await timed(trader, *call) for call in requests_of(trader, OUTAGE_MARK)]
    print(f"{mode}: " + ", ".join(f"{answer.seconds * 1000:.0f} ms" for answer in during))
    for answer in during:
        assert answer.status == 503, answer
        assert answer.code == "service_unavailable", answer
        assert answer.retry_after is not None and int(answer.retry_after) >= 1, answer
        assert answer.seconds < BOUND_SECONDS, answer

    # Back, without a restart: within the bound, every call succeeds.
    back_at = time.monotonic()
    while (listed := await timed(trader, *requests_of(trader, "after")[0])).status != 200:
        assert time.monotonic() - back_at < BOUND_SECONDS, listed
        await asyncio.sleep(0.2)
    after = [await timed(trader, *call) for call in requests_of(trader, "after")[1:]]
    assert [answer.status for answer in after] == [201, 201], after

    # Nothing the refused writes carried was stored: only what was answered 201.
    names, notes = await stored(session_factory, trader.user_id)
    assert names == ["Before", "after"]
    assert notes == ["after"]
    listed_names = [
        item["name"] for item in (await trader.http.get(f"{API}/portfolios")).json()["data"]
    ]
    assert listed_names == ["Before", "after"]
