"""Start-up in the embedded mode: exchange when reachable (or already used), else replay."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.market import repository, service
from cryptolens.market.bootstrap import bootstrap_market, probe_exchange
from cryptolens.market.candles import OHLCV
from cryptolens.market.sources.ccxt_source import CcxtSource
from cryptolens.market.sources.replay import ReplaySource
from cryptolens.settings import Settings
from tests.fakes.exchange import FakeExchange, dead_port_url
from tests.fakes.exchange_data import generated_market
from tests.market.conftest import DAY, FAKE_NOW_MS, stored_candles

Factory = async_sessionmaker[AsyncSession]


def settings_for(base: Settings, **changes: object) -> Settings:
    """`base` with the market settings changed (one default symbol unless told otherwise)."""
    market = base.market.model_copy(update={"default_symbols": ("BTC/USDT",), **changes})
    return base.model_copy(update={"market": market})


@pytest.fixture
def listed(fake_exchange: FakeExchange) -> FakeExchange:
    for base in ["BTC", "ETH"]:
        fake_exchange.add_market(
            generated_market(base, "USDT", start_ms=FAKE_NOW_MS - DAY, end_ms=FAKE_NOW_MS, seed=1)
        )
    return fake_exchange


async def test_an_unreachable_exchange_on_an_empty_database_switches_to_replay(
    session_factory: Factory, test_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings = settings_for(test_settings, exchange_api_url=dead_port_url())
    caplog.set_level(logging.INFO, logger="cryptolens.market")

    assert await bootstrap_market(session_factory, settings) == "replay"

    async with session_factory() as session:
        [symbol] = await repository.list_symbols(session)
    assert (symbol.symbol, symbol.exchange) == ("BTC/USDT", "replay")
    assert len(await stored_candles(session_factory, "BTC/USDT", "1d")) > 70
    [fallback] = [r for r in caplog.records if r.getMessage().startswith("market.replay_fallback")]
    assert fallback.levelno == logging.WARNING
    assert "ExchangeNotAvailable" in fallback.__dict__["reason"]


async def test_a_reachable_exchange_on_an_empty_database_follows_the_default_symbols(
    session_factory: Factory, test_settings: Settings, listed: FakeExchange
) -> None:
    # A demo loaded earlier, offline, is retired when the exchange becomes reachable.
    demo = ReplaySource.synthetic(1, ["BTC/USDT"], clock=lambda: FAKE_NOW_MS)
    async with unit_of_work(session_factory) as session:
        await service.follow_symbol(session, demo, "BTC/USDT")
    settings = settings_for(
        test_settings,
        exchange_api_url=listed.base_url,
        default_symbols=["BTC/USDT", "ETH/USDT", "SOL/USDT"],
    )

    assert await bootstrap_market(session_factory, settings) == "exchange"

    async with session_factory() as session:
        followed = await repository.list_symbols(session)
    # SOL/USDT is not listed by this exchange: skipped (and logged), not fatal.
    assert [(s.symbol, s.exchange) for s in followed] == [
        ("BTC/USDT", "binance"),
        ("ETH/USDT", "binance"),
    ]
    assert all(s.backfilled_at is None for s in followed)  # the first fetch backfills them


async def test_an_exchange_already_holding_candles_is_kept_without_probing(
    session_factory: Factory, test_settings: Settings, listed: FakeExchange
) -> None:
    source = CcxtSource("binance", api_url=listed.base_url)
    try:
        async with unit_of_work(session_factory) as session:
            btc = await service.follow_symbol(session, source, "BTC/USDT")
            await repository.upsert_candles(session, btc.id, "1m", [OHLCV(0, 1, 1, 1, 1, 1)])
    finally:
        await source.close()
    listed.requests.clear()
    # Even if the exchange is down right now: a transient outage must not flip to replay.
    listed.fail(status=503, times=-1)

    settings = settings_for(test_settings, exchange_api_url=listed.base_url)
    assert await bootstrap_market(session_factory, settings) == "exchange"
    assert listed.requests == []


async def test_the_replay_setting_loads_the_demo_once(
    session_factory: Factory, test_settings: Settings
) -> None:
    settings = settings_for(test_settings, data_source="replay", exchange_api_url=dead_port_url())

    assert await bootstrap_market(session_factory, settings) == "replay"
    first = await stored_candles(session_factory, "BTC/USDT", "4h")
    assert await bootstrap_market(session_factory, settings) == "replay"
    assert await stored_candles(session_factory, "BTC/USDT", "4h") == first


async def test_the_probe_says_why_the_exchange_is_unreachable(
    test_settings: Settings, listed: FakeExchange
) -> None:
    assert (
        await probe_exchange(settings_for(test_settings, exchange_api_url=listed.base_url).market)
        is None
    )
    listed.fail(endpoint="time", status=200, delay_s=1.0)
    reason = await probe_exchange(
        settings_for(test_settings, exchange_api_url=listed.base_url).market, timeout_ms=200
    )
    assert reason is not None and "RequestTimeout" in reason
