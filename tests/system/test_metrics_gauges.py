"""The business gauges of /metrics: `cryptolens_users_active`,
`cryptolens_subscriptions_active{plan}` and `cryptolens_symbols_by_freshness{freshness}`,
counted on scrape and kept 60 s in the shared cache (so API processes agree), their samples
omitted, never 0, while the database is down."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens.admin.stats.gauges import GAUGES_KEY, GAUGES_TTL_SECONDS
from cryptolens.app import create_app
from cryptolens.core.clock import FrozenClock
from cryptolens.db import create_engine, unit_of_work
from cryptolens.market import repository as market_repository
from cryptolens.market import service as market_service
from cryptolens.market.candles import OHLCV
from cryptolens.market.sources.replay import ReplaySource
from cryptolens.resources import app_resources
from cryptolens.settings import Settings
from tests.admin.accounts import Factory, add_account
from tests.conftest import MYSQL_URL, make_settings
from tests.fakes.fault_proxy import FaultProxy
from tests.processes import start_api
from tests.system.metrics_text import gauge, samples

USERS = "cryptolens_users_active"
SUBSCRIPTIONS = "cryptolens_subscriptions_active"
FRESHNESS = "cryptolens_symbols_by_freshness"
MINUTE_MS = 60_000


async def seed(factory: Factory, clock: FrozenClock) -> None:
    """Active and verified: 5 users (two free, one whose pro grace is over, a lifetime
    premium, an expired premium); not counted: an inactive user and an unverified one (whose
    pro subscription counts). Conferring: pro 1, premium 1."""
    now = clock.now()
    await add_account(factory, now)
    await add_account(factory, now)
    await add_account(factory, now, active=False)
    await add_account(factory, now, verified=False, plan="pro_yearly")  # counted under pro
    await add_account(factory, now, plan="pro_monthly", expires_at=now - timedelta(days=10))
    await add_account(factory, now, plan="premium")
    await add_account(factory, now, plan="premium_monthly", status="expired", expires_at=now)


async def scrape(client: httpx.AsyncClient) -> str:
    response = await client.get("/metrics")
    assert response.status_code == 200
    return response.text


async def test_the_gauges_count_users_and_subscriptions_on_scrape(
    client: httpx.AsyncClient, app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    await seed(session_factory, clock)

    text = await scrape(client)

    assert gauge(text, USERS) == 5
    assert gauge(text, SUBSCRIPTIONS, plan="pro") == 1
    assert gauge(text, SUBSCRIPTIONS, plan="premium") == 1
    assert len(samples(text, SUBSCRIPTIONS)) == 2
    # Kept in the cache: a user added now shows only once the 60 s are over.
    await add_account(session_factory, clock.now())
    assert gauge(await scrape(client), USERS) == 5
    cache = app_resources(app).cache
    assert await cache.get(GAUGES_KEY) == {
        "users_active": 5,
        "subscriptions_active": {"pro": 1, "premium": 1},
        "symbols_by_freshness": {"live": 0, "recent": 0, "stale": 0, "old": 0, "none": 0},
    }
    await cache.delete(GAUGES_KEY)  # what the TTL does after 60 s
    assert gauge(await scrape(client), USERS) == 6


async def test_symbols_are_counted_by_the_age_of_their_newest_minute(
    client: httpx.AsyncClient, app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    """What the stale-data alert reads (docker/prometheus/alerts.yml: CryptoLensDataStale)."""
    now_ms = int(clock.now().timestamp() * 1000)
    newest = now_ms - now_ms % MINUTE_MS - MINUTE_MS
    async with unit_of_work(session_factory) as session:
        replay = ReplaySource.synthetic(9, ["BTC/USDT", "ETH/USDT", "XRP/USDT"])
        btc, eth, _ = [
            await market_service.follow_symbol(session, replay, name)
            for name in ("BTC/USDT", "ETH/USDT", "XRP/USDT")
        ]
        for symbol, open_time in ((btc, newest), (eth, newest - 3 * 60 * MINUTE_MS)):
            candle = OHLCV(open_time, 100.0, 101.0, 99.0, 100.0, 1.0)
            await market_repository.upsert_candles(session, symbol.id, "1m", [candle])

    text = await scrape(client)

    assert gauge(text, FRESHNESS, freshness="live") == 1
    assert gauge(text, FRESHNESS, freshness="stale") == 1
    assert gauge(text, FRESHNESS, freshness="none") == 1
    assert gauge(text, FRESHNESS, freshness="recent") == 0
    assert gauge(text, FRESHNESS, freshness="old") == 0


async def _app_on_redis(
    test_settings: Settings, db_engine: AsyncEngine, redis_url: str, clock: FrozenClock
) -> FastAPI:
    settings = make_settings(
        test_settings.var_dir, database_url=test_settings.database_url, redis_url=redis_url
    )
    return create_app(settings, engine=db_engine, clock=clock)


async def test_api_processes_agree_through_the_shared_cache(
    test_settings: Settings,
    db_engine: AsyncEngine,
    session_factory: Factory,
    redis_url: str,
    redis_client: Redis,
    clock: FrozenClock,
) -> None:
    """Two apps (two API processes' worth of resources) on one Redis: the second serves
    the first's counts, even after the database changed, until the shared entry expires."""
    await seed(session_factory, clock)
    first = await _app_on_redis(test_settings, db_engine, redis_url, clock)
    second = await _app_on_redis(test_settings, db_engine, redis_url, clock)
    async with first.router.lifespan_context(first), second.router.lifespan_context(second):
        transports = [httpx.ASGITransport(app=each) for each in (first, second)]
        async with (
            httpx.AsyncClient(transport=transports[0], base_url="http://a") as one,
            httpx.AsyncClient(transport=transports[1], base_url="http://b") as two,
        ):
            assert gauge(await scrape(one), USERS) == 5
            await add_account(session_factory, clock.now())
            assert gauge(await scrape(two), USERS) == 5
            ttl = await redis_client.ttl(f"cryptolens:cache:{GAUGES_KEY}")
            assert 0 < ttl <= GAUGES_TTL_SECONDS
            await redis_client.delete(f"cryptolens:cache:{GAUGES_KEY}")
            assert gauge(await scrape(two), USERS) == 6
            assert gauge(await scrape(one), USERS) == 6


@pytest.mark.parametrize("db_engine", ["sqlite"], indirect=True)
async def test_a_database_that_cannot_answer_omits_the_samples(
    test_settings: Settings, var_dir: Path, clock: FrozenClock
) -> None:
    """In process: the database file cannot even be opened. The scrape still answers, with
    the other metrics, and without a sample of either gauge (never a 0); nothing is cached."""
    missing = var_dir / "no-such-directory" / "cryptolens.db"
    url = f"sqlite+aiosqlite:///{missing.as_posix()}"
    engine = create_engine(url, make_settings(var_dir, database_url=url))
    app = create_app(test_settings, engine=engine, clock=clock)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            await http.get("/api/health")
            text = await scrape(http)
            assert f"# TYPE {USERS} gauge" in text
            assert samples(text, USERS) == []
            assert samples(text, SUBSCRIPTIONS) == []
            assert samples(text, FRESHNESS) == []
            assert "# TYPE cryptolens_http_requests_total counter" in text  # the rest is served
            assert await app_resources(app).cache.get(GAUGES_KEY) is None


mysql_only = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)


@pytest.fixture
def db_proxy() -> Iterator[FaultProxy]:
    assert MYSQL_URL
    url = make_url(MYSQL_URL)
    with FaultProxy(url.host or "127.0.0.1", url.port or 3306) as proxy:
        yield proxy


@pytest.fixture
async def proxied_api(
    db_engine: AsyncEngine, db_proxy: FaultProxy, tmp_path: Path
) -> AsyncIterator[str]:
    assert MYSQL_URL
    api = start_api(tmp_path, database_url=db_proxy.url_for(MYSQL_URL), redis_url=None)
    try:
        await api.wait_live(within_seconds=240)
        yield api.base_url
    finally:
        api.stop()
        sys.stderr.write(f"--- API process log (tail) ---\n{api.log_tail()}\n")


@mysql_only
async def test_a_refused_database_omits_the_samples_of_a_real_api_process(
    proxied_api: str, db_proxy: FaultProxy, session_factory: Factory, clock: FrozenClock
) -> None:
    await seed(session_factory, clock)
    async with httpx.AsyncClient(base_url=proxied_api, timeout=30) as http:
        db_proxy.set_mode("refuse")
        started = time.monotonic()
        text = await scrape(http)
        assert time.monotonic() - started < 10
        assert samples(text, USERS) == [] and samples(text, SUBSCRIPTIONS) == []
        assert samples(text, FRESHNESS) == []
        assert f"# TYPE {USERS} gauge" in text

        db_proxy.set_mode("pass")
        deadline = time.monotonic() + 15
        while gauge(text := await scrape(http), USERS) is None:
            assert time.monotonic() < deadline, "the gauges never came back"
            await asyncio.sleep(0.3)
        assert gauge(text, USERS) == 5
        assert gauge(text, SUBSCRIPTIONS, plan="premium") == 1
