"""Acceptance of the fetch service: the real ccxt client against the fake exchange, stored
in the real databases (SQLite, and MariaDB when configured)."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.market.candles import OHLCV
from cryptolens.market.sources.ccxt_source import CcxtSource
from cryptolens.market.workflows import FetchReport, FetchRequest, fetch_market_data
from tests.fakes.exchange import FOREVER, FakeExchange
from tests.fakes.exchange_data import generated_market, klines
from tests.market.conftest import (
    DAY,
    FAKE_NOW_MS,
    MINUTE,
    RecordedWaits,
    follow,
    stored_candles,
    symbol_row,
)

SYMBOLS = ["BTC/USDT", "ETH/USDT", "SOL/USDT"]
PRICES = {"BTC": 62_000.0, "ETH": 3_100.0, "SOL": 140.0}
THREE_DAYS_AGO = FAKE_NOW_MS - 3 * DAY
FIRST_MINUTE = -(-THREE_DAYS_AGO // MINUTE) * MINUTE
LAST_CLOSED_MINUTE = FAKE_NOW_MS - FAKE_NOW_MS % MINUTE - MINUTE
EXPECTED_MINUTES = (LAST_CLOSED_MINUTE - FIRST_MINUTE) // MINUTE + 1
WINDOW = FetchRequest(since=THREE_DAYS_AGO, timeframes=["1m"])

Factory = async_sessionmaker[AsyncSession]


@pytest.fixture
async def three_markets(
    fake_exchange: FakeExchange, exchange_source: CcxtSource, session_factory: Factory
) -> None:
    for seed, (base, price) in enumerate(PRICES.items()):
        fake_exchange.add_market(
            generated_market(
                base,
                "USDT",
                start_ms=FAKE_NOW_MS - 4 * DAY,
                end_ms=FAKE_NOW_MS + DAY,
                seed=seed,
                price=price,
            )
        )
    await follow(session_factory, exchange_source, SYMBOLS)
    fake_exchange.requests.clear()


def exchange_minutes(fake: FakeExchange, symbol: str, first: int, last: int) -> list[OHLCV]:
    """The exchange's own closed 1m candles in [first, last]."""
    market = fake.markets[symbol.replace("/", "")]
    return [OHLCV(*row) for row in market.minute_rows(first, last)]


async def fetch(factory: Factory, source: CcxtSource, request: FetchRequest) -> FetchReport:
    return await fetch_market_data(factory, source, request)


@pytest.mark.usefixtures("three_markets")
async def test_a_three_day_backfill_lands_every_candle_exactly_once(
    session_factory: Factory, exchange_source: CcxtSource, fake_exchange: FakeExchange
) -> None:
    report = await fetch(session_factory, exchange_source, WINDOW)

    assert report.failed == []
    for symbol in SYMBOLS:
        stored = await stored_candles(session_factory, symbol, "1m")
        assert len(stored) == EXPECTED_MINUTES
        assert stored == exchange_minutes(fake_exchange, symbol, FIRST_MINUTE, LAST_CLOSED_MINUTE)
        # Pages are contiguous and never overlap: each candle was asked for exactly once.
        requests = fake_exchange.klines_requests(symbol.replace("/", ""))
        spans = [(int(r.params["startTime"]), int(r.params["limit"])) for r in requests]
        assert spans[0][0] == FIRST_MINUTE
        for (start, limit), (next_start, _) in itertools.pairwise(spans):
            assert next_start == start + limit * MINUTE
        assert sum(limit for _, limit in spans) == EXPECTED_MINUTES
        assert all(limit <= 1000 for _, limit in spans)
    assert [entry.stored["1m"] for entry in report.symbols] == [EXPECTED_MINUTES] * 3


@pytest.mark.usefixtures("three_markets")
async def test_fetching_the_same_range_again_changes_nothing(
    session_factory: Factory, exchange_source: CcxtSource
) -> None:
    await fetch(session_factory, exchange_source, WINDOW)
    before = {symbol: await stored_candles(session_factory, symbol, "1m") for symbol in SYMBOLS}

    again = await fetch(session_factory, exchange_source, WINDOW)

    assert again.failed == []
    after = {symbol: await stored_candles(session_factory, symbol, "1m") for symbol in SYMBOLS}
    assert after == before


@pytest.mark.usefixtures("three_markets")
async def test_the_regular_fetch_after_a_backfill_inserts_nothing_new(
    session_factory: Factory, exchange_source: CcxtSource, fake_exchange: FakeExchange
) -> None:
    # A full-timeframe window marks the symbols backfilled; the regular fetch then starts
    # after the newest stored minute.
    await fetch(session_factory, exchange_source, FetchRequest(since=THREE_DAYS_AGO))
    fake_exchange.requests.clear()

    report = await fetch(session_factory, exchange_source, FetchRequest())

    assert report.failed == []
    assert report.candles_stored == 0
    # Nothing closed since the newest stored minute: not even a request is made.
    assert fake_exchange.klines_requests() == []
    for symbol in SYMBOLS:
        assert len(await stored_candles(session_factory, symbol, "1m")) == EXPECTED_MINUTES

    # A minute later exactly one more minute has closed: one request, for it alone.
    fake_exchange.advance(MINUTE)
    report = await fetch(session_factory, exchange_source, FetchRequest())
    assert [entry.stored["1m"] for entry in report.symbols] == [1, 1, 1]
    for symbol in SYMBOLS:
        [request] = fake_exchange.klines_requests(symbol.replace("/", ""))
        assert int(request.params["startTime"]) == LAST_CLOSED_MINUTE + MINUTE
        assert request.params["limit"] == "1"


@pytest.mark.usefixtures("three_markets")
async def test_an_interrupted_run_restarted_ends_with_the_same_rows(
    session_factory: Factory, exchange_source: CcxtSource, fake_exchange: FakeExchange
) -> None:
    # 5 pages per symbol: stop in the middle of the second symbol.
    fake_exchange.pause_klines_after = 7
    run = asyncio.create_task(fetch(session_factory, exchange_source, WINDOW))
    await asyncio.wait_for(fake_exchange.klines_paused.wait(), 30)
    run.cancel()
    with pytest.raises(asyncio.CancelledError):
        await run
    first, second = SYMBOLS[0], SYMBOLS[1]
    assert len(await stored_candles(session_factory, first, "1m")) == EXPECTED_MINUTES
    assert await stored_candles(session_factory, second, "1m") == []  # its step rolled back

    fake_exchange.release_klines()
    report = await fetch(session_factory, exchange_source, WINDOW)

    assert report.failed == []
    for symbol in SYMBOLS:
        assert await stored_candles(session_factory, symbol, "1m") == exchange_minutes(
            fake_exchange, symbol, FIRST_MINUTE, LAST_CLOSED_MINUTE
        )


@pytest.mark.usefixtures("three_markets")
async def test_rate_limits_server_errors_and_timeouts_are_retried_and_the_fetch_completes(
    session_factory: Factory,
    exchange_source: CcxtSource,
    fake_exchange: FakeExchange,
    waits: RecordedWaits,
) -> None:
    fake_exchange.fail(endpoint="klines", symbol="BTCUSDT", status=429, retry_after="2", times=2)
    fake_exchange.fail(endpoint="klines", symbol="ETHUSDT", status=502, times=1, after=2)
    fake_exchange.fail(endpoint="klines", symbol="SOLUSDT", status=200, delay_s=2.0, after=3)
    fake_exchange.fail(endpoint="time", status=503, times=1)

    report = await fetch(session_factory, exchange_source, WINDOW)

    assert report.failed == []
    for symbol in SYMBOLS:
        assert len(await stored_candles(session_factory, symbol, "1m")) == EXPECTED_MINUTES
    assert sorted(waits.delays) == [0.75, 0.75, 0.75, 2.0, 2.0]
    assert [r.status for r in fake_exchange.klines_requests("BTCUSDT")][:3] == [429, 429, 200]


@pytest.mark.usefixtures("three_markets")
async def test_a_permanently_failing_symbol_is_recorded_and_leaves_no_partial_rows(
    session_factory: Factory,
    exchange_source: CcxtSource,
    fake_exchange: FakeExchange,
) -> None:
    # ETH answers two pages, then fails for good: its window is rolled back entirely.
    fake_exchange.fail(endpoint="klines", symbol="ETHUSDT", status=500, times=FOREVER, after=2)
    # SOL was delisted: Binance says "Invalid symbol", which is not worth a retry.
    fake_exchange.fail(
        endpoint="klines",
        symbol="SOLUSDT",
        status=400,
        body='{"code":-1121,"msg":"Invalid symbol."}',
        times=FOREVER,
    )

    report = await fetch(session_factory, exchange_source, WINDOW)

    by_symbol = {entry.symbol: entry for entry in report.symbols}
    assert by_symbol["BTC/USDT"].ok
    assert len(await stored_candles(session_factory, "BTC/USDT", "1m")) == EXPECTED_MINUTES
    eth_error = by_symbol["ETH/USDT"].error
    assert eth_error is not None and "failed after 5 tries" in eth_error and "ETH/USDT" in eth_error
    sol_error = by_symbol["SOL/USDT"].error
    assert sol_error is not None and "BadSymbol" in sol_error
    assert len(fake_exchange.klines_requests("SOLUSDT")) == 1
    assert await stored_candles(session_factory, "ETH/USDT", "1m") == []
    assert await stored_candles(session_factory, "SOL/USDT", "1m") == []
    assert (await symbol_row(session_factory, "ETH/USDT")).last_fetch_error == eth_error
    assert (await symbol_row(session_factory, "BTC/USDT")).last_fetch_error is None

    # Once the exchange recovers, the next run clears the recorded error.
    fake_exchange.faults.clear()
    recovered = await fetch(session_factory, exchange_source, WINDOW)
    assert recovered.failed == []
    assert (await symbol_row(session_factory, "ETH/USDT")).last_fetch_error is None


@pytest.mark.usefixtures("three_markets")
async def test_an_exchange_that_is_down_fails_every_symbol_clearly(
    session_factory: Factory, exchange_source: CcxtSource, fake_exchange: FakeExchange
) -> None:
    fake_exchange.fail(status=503, times=FOREVER)

    report = await fetch(session_factory, exchange_source, WINDOW)

    assert [entry.symbol for entry in report.failed] == SYMBOLS
    for entry in report.failed:
        assert entry.error is not None
        assert "binance: fetch server time failed after 5 tries" in entry.error
    for symbol in SYMBOLS:
        assert await stored_candles(session_factory, symbol, "1m") == []


async def test_a_symbol_that_is_not_followed_is_reported(
    session_factory: Factory, exchange_source: CcxtSource
) -> None:
    report = await fetch(session_factory, exchange_source, FetchRequest(symbols=["DOGE/USDT"]))
    [entry] = report.symbols
    assert entry.error == "DOGE/USDT is not an active symbol"


def test_the_fake_aggregates_like_binance() -> None:
    market = generated_market("BTC", "USDT", start_ms=0, end_ms=DAY, seed=1)
    hourly = klines(market, 60 * MINUTE, now_ms=DAY, start=0, end=None, limit=1000)
    assert len(hourly) == 24
    first_hour = market.minute_rows(0, 59 * MINUTE)
    assert hourly[0][1] == first_hour[0][1]
    assert hourly[0][4] == first_hour[-1][4]
