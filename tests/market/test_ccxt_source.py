"""The real ccxt binance client against the fake exchange: requests, parsing, errors."""

from __future__ import annotations

import pytest

from cryptolens.market.errors import ExchangeRequestError, ExchangeUnavailableError
from cryptolens.market.sources.ccxt_source import CcxtSource
from tests.fakes.exchange import FOREVER, FakeExchange, dead_port_url
from tests.fakes.exchange_data import generated_market
from tests.market.conftest import FAKE_NOW_MS, MINUTE, RecordedWaits

SINCE = FAKE_NOW_MS - FAKE_NOW_MS % MINUTE - 10 * MINUTE


@pytest.fixture(autouse=True)
def btc_market(fake_exchange: FakeExchange) -> None:
    fake_exchange.add_market(
        generated_market(
            "BTC",
            "USDT",
            start_ms=FAKE_NOW_MS - 86_400_000,
            end_ms=FAKE_NOW_MS + 3_600_000,
            seed=7,
            price=60_000,
        )
    )
    fake_exchange.add_market(
        generated_market(
            "XRP",
            "USDT",
            start_ms=FAKE_NOW_MS - 86_400_000,
            end_ms=FAKE_NOW_MS,
            seed=8,
            price=0.6,
            tick_size="0.0001",
        )
    )


async def test_markets_come_from_spot_exchange_info_only(
    exchange_source: CcxtSource, fake_exchange: FakeExchange
) -> None:
    listings = {market.symbol: market for market in await exchange_source.list_markets()}
    assert set(listings) == {"BTC/USDT", "XRP/USDT"}
    assert listings["XRP/USDT"].tick_size == 0.0001
    assert listings["XRP/USDT"].price_precision == 4
    assert listings["BTC/USDT"].price_precision == 2
    # Spot only: no futures (fapi/dapi) or margin (sapi) endpoints were asked for.
    assert [request.endpoint for request in fake_exchange.requests] == ["exchangeInfo"]


async def test_klines_requests_use_start_time_and_limit(
    exchange_source: CcxtSource, fake_exchange: FakeExchange
) -> None:
    candles = await exchange_source.fetch_ohlcv("BTC/USDT", "1m", SINCE, 5)
    assert [c.open_time for c in candles] == [SINCE + i * MINUTE for i in range(5)]
    [request] = fake_exchange.klines_requests()
    assert request.params == {
        "symbol": "BTCUSDT",
        "interval": "1m",
        "startTime": str(SINCE),
        "limit": "5",
    }
    assert all(c.low <= min(c.open, c.close) <= max(c.open, c.close) <= c.high for c in candles)


async def test_the_candle_in_progress_is_served_and_newest(
    exchange_source: CcxtSource,
) -> None:
    candles = await exchange_source.fetch_ohlcv("BTC/USDT", "1m", SINCE, 1000)
    assert candles[-1].open_time == FAKE_NOW_MS - FAKE_NOW_MS % MINUTE
    assert len(candles) == 11


async def test_server_time_is_the_exchange_clock(
    exchange_source: CcxtSource, fake_exchange: FakeExchange
) -> None:
    assert await exchange_source.fetch_time() == FAKE_NOW_MS
    fake_exchange.advance(90_000)
    assert await exchange_source.fetch_time() == FAKE_NOW_MS + 90_000


@pytest.mark.parametrize(
    ("fault", "expected_waits"),
    [
        ({"status": 429, "retry_after": "3"}, [3.0, 3.0]),
        ({"status": 418, "retry_after": "2"}, [2.0, 2.0]),
        ({"status": 503, "body": "busy"}, [0.75, 1.5]),
        (
            {"status": 502, "body": "<html>bad gateway</html>", "content_type": "text/html"},
            [0.75, 1.5],
        ),
        ({"status": 504}, [0.75, 1.5]),
        ({"status": 200, "delay_s": 2.0}, [0.75, 1.5]),  # answers after the 0.3 s timeout
    ],
    ids=["429", "418", "503", "502-html", "504", "timeout"],
)
async def test_transient_failures_are_retried_with_backoff(
    exchange_source: CcxtSource,
    fake_exchange: FakeExchange,
    waits: RecordedWaits,
    fault: dict[str, object],
    expected_waits: list[float],
) -> None:
    await exchange_source.list_markets()
    fake_exchange.fail(endpoint="klines", times=2, **fault)
    candles = await exchange_source.fetch_ohlcv("BTC/USDT", "1m", SINCE, 3)
    assert len(candles) == 3
    assert waits.delays == expected_waits
    assert len(fake_exchange.klines_requests()) == 3


async def test_a_persistent_outage_fails_after_five_tries(
    exchange_source: CcxtSource, fake_exchange: FakeExchange, waits: RecordedWaits
) -> None:
    await exchange_source.list_markets()
    fake_exchange.fail(endpoint="klines", status=500, times=FOREVER)
    with pytest.raises(ExchangeUnavailableError, match="failed after 5 tries") as raised:
        await exchange_source.fetch_ohlcv("BTC/USDT", "1m", SINCE, 3)
    assert "binance" in raised.value.message and "BTC/USDT" in raised.value.message
    assert len(fake_exchange.klines_requests()) == 5
    assert waits.delays == [0.75, 1.5, 3.0, 6.0]


async def test_a_retry_after_longer_than_the_cap_is_not_waited_out(
    exchange_source: CcxtSource, fake_exchange: FakeExchange, waits: RecordedWaits
) -> None:
    await exchange_source.list_markets()
    fake_exchange.fail(endpoint="klines", status=418, retry_after="7200")
    with pytest.raises(ExchangeUnavailableError, match="retry after 7200 s"):
        await exchange_source.fetch_ohlcv("BTC/USDT", "1m", SINCE, 3)
    assert waits.delays == []


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ({"status": 400, "body": '{"code":-1121,"msg":"Invalid symbol."}'}, "BadSymbol"),
        (
            {"status": 200, "body": "<html>maintenance</html>", "content_type": "text/html"},
            "BadResponse",
        ),
        ({"status": 200, "body": '[[1709555400000, "1"'}, "BadResponse"),
        ({"status": 200, "body": '{"unexpected": "object"}'}, "BadResponse"),
    ],
    ids=["bad-symbol", "html", "truncated-json", "wrong-shape"],
)
async def test_permanent_errors_fail_at_once(
    exchange_source: CcxtSource,
    fake_exchange: FakeExchange,
    waits: RecordedWaits,
    fault: dict[str, object],
    message: str,
) -> None:
    await exchange_source.list_markets()
    fake_exchange.fail(endpoint="klines", **fault)
    with pytest.raises(ExchangeRequestError, match=message):
        await exchange_source.fetch_ohlcv("BTC/USDT", "1m", SINCE, 3)
    assert len(fake_exchange.klines_requests()) == 1
    assert waits.delays == []


async def test_rows_with_missing_prices_reach_validation_as_nan(
    exchange_source: CcxtSource, fake_exchange: FakeExchange
) -> None:
    await exchange_source.list_markets()
    fake_exchange.fail(
        endpoint="klines",
        status=200,
        body=f'[[{SINCE}, null, "2", "1", "1.5", "3", 0, "0", 1, "0", "0", "0"]]',
    )
    [candle] = await exchange_source.fetch_ohlcv("BTC/USDT", "1m", SINCE, 1)
    assert candle.open_time == SINCE
    assert candle.open != candle.open  # NaN: validation rejects it


async def test_an_unknown_symbol_is_a_permanent_error(exchange_source: CcxtSource) -> None:
    with pytest.raises(ExchangeRequestError, match="BadSymbol"):
        await exchange_source.fetch_ohlcv("DOGE/USDT", "1m", SINCE, 3)


async def test_an_unreachable_host_is_retried_then_reported(waits: RecordedWaits) -> None:
    source = CcxtSource("binance", api_url=dead_port_url(), timeout_ms=300, retry=waits.policy())
    try:
        with pytest.raises(ExchangeUnavailableError, match="ExchangeNotAvailable"):
            await source.fetch_time()
    finally:
        await source.close()
    assert len(waits.delays) == 4


def test_an_unknown_exchange_id_is_refused() -> None:
    with pytest.raises(ValueError, match="no exchange 'nosuchexchange'"):
        CcxtSource("nosuchexchange")
