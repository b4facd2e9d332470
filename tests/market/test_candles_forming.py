"""The candles API for charts (issue 17): the forming candle of a timeframe built from the newest
minutes, whose close is the symbol list's last price, and paging back by time with `end` and
`meta.next_cursor` down to the first stored candle."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.core.timeframes import HOUR_MS, MINUTE_MS
from cryptolens.db import to_ms, unit_of_work, utcnow
from cryptolens.market import repository
from cryptolens.market.candles import OHLCV, CandleSeries, bucket_start
from cryptolens.market.forming import candle_so_far
from cryptolens.market.models import Symbol
from tests.clients import MakeUserClient

Factory = async_sessionmaker[AsyncSession]
CANDLES = "/api/v1/symbols/BTC-USDT/candles"
CLOSED_HOURS = 25
# Minutes stored of the newest (forming) hour.
FORMING_MINUTES = 37


def hours(first: int, count: int) -> list[OHLCV]:
    return [
        OHLCV(first + i * HOUR_MS, 100.0 + i, 103.0 + i, 98.0 + i, 101.0 + i, 50.0 + i)
        for i in range(count)
    ]


def minutes(first: int, count: int) -> list[OHLCV]:
    """A walk with its extremes inside: the highest high at minute 7, the lowest low at 20."""
    rows = []
    for i in range(count):
        price = 200.0 + (i % 5) - i * 0.1
        high = price + (9.0 if i == 7 else 1.0)
        low = price - (8.0 if i == 20 else 1.0)
        rows.append(OHLCV(first + i * MINUTE_MS, price, high, low, price + 0.25, 1.0 + i))
    return rows


async def store_market(factory: Factory, now: int) -> int:
    """BTC/USDT with CLOSED_HOURS closed 1h candles before the current hour, the minutes of
    the hour before it (built into its candle) and FORMING_MINUTES minutes of the current one.
    Returns the current hour's open time."""
    current = bucket_start(now, "1h")
    first_hour = current - CLOSED_HOURS * HOUR_MS
    async with unit_of_work(factory) as session:
        symbol = Symbol(
            symbol="BTC/USDT",
            exchange="binance",
            base="BTC",
            quote="USDT",
            is_active=True,
            tick_size=0.01,
            price_precision=2,
            added_at=utcnow(),
        )
        session.add(symbol)
        await session.flush()
        await repository.upsert_candles(session, symbol.id, "1h", hours(first_hour, CLOSED_HOURS))
        await repository.upsert_candles(session, symbol.id, "1m", minutes(current - HOUR_MS, 60))
        await repository.upsert_candles(session, symbol.id, "1m", minutes(current, FORMING_MINUTES))
    return current


async def get_data(http: httpx.AsyncClient, **params: Any) -> tuple[Any, dict[str, Any]]:
    response = await http.get(CANDLES, params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    return body["data"], body["meta"]


def test_the_forming_candle_is_made_of_its_bucket_minutes_only() -> None:
    earlier = minutes(HOUR_MS, 60)
    current = minutes(2 * HOUR_MS, 21)
    forming = candle_so_far(CandleSeries.from_candles(earlier + current), "1h")
    assert forming == OHLCV(
        2 * HOUR_MS,
        current[0].open,
        max(c.high for c in current),
        min(c.low for c in current),
        current[-1].close,
        sum(c.volume for c in current),
    )
    # 4h: the bucket 00:00-04:00 holds both hours' minutes.
    four_hours = candle_so_far(CandleSeries.from_candles(earlier + current), "4h")
    assert four_hours is not None and four_hours.open_time == 0
    assert four_hours.open == earlier[0].open and four_hours.close == current[-1].close
    assert four_hours.volume == sum(c.volume for c in earlier + current)
    assert candle_so_far(CandleSeries.empty(), "1h") is None


async def test_the_1h_forming_candle_closes_at_the_symbol_list_last_price(
    make_user_client: MakeUserClient, session_factory: Factory, clock: FrozenClock
) -> None:
    current = await store_market(session_factory, to_ms(clock.now()))
    http = (await make_user_client("premium")).http
    listed = (await http.get("/api/v1/symbols")).json()["data"]
    last_price = next(s["last_price"] for s in listed if s["symbol"] == "BTC/USDT")

    candles, meta = await get_data(http, timeframe="1h", include_forming="true")
    *closed, forming = candles
    assert forming["forming"] is True and not any(c["forming"] for c in closed)
    assert forming["close"] == last_price
    assert forming["time"] == current == closed[-1]["time"] + HOUR_MS
    stored = minutes(current, FORMING_MINUTES)
    assert (forming["open"], forming["high"], forming["low"], forming["volume"]) == (
        stored[0].open,
        stored[7].high,
        stored[20].low,
        sum(c.volume for c in stored),
    )
    assert meta["count"] == CLOSED_HOURS + 1

    # Not asked: closed candles only, as before.
    plain, _ = await get_data(http, timeframe="1h")
    assert plain == closed

    table, compact_meta = await get_data(
        http, timeframe="1h", include_forming="true", format="compact"
    )
    assert table["columns"] == ["time", "open", "high", "low", "close", "volume"]
    assert len(table["rows"]) == CLOSED_HOURS and compact_meta["count"] == CLOSED_HOURS + 1
    assert dict(zip(table["columns"], table["forming"], strict=True)) == {
        key: value for key, value in forming.items() if key != "forming"
    }
    unasked, _ = await get_data(http, timeframe="1h", format="compact")
    assert unasked["forming"] is None and unasked["rows"] == table["rows"]

    # 1m candles are stored once closed: no forming one, the newest closes at the last price.
    one_minute, _ = await get_data(http, timeframe="1m", include_forming="true", limit=5)
    assert not any(c["forming"] for c in one_minute)
    assert one_minute[-1]["close"] == last_price

    # An older page (ending before the forming bucket) has none.
    older, _ = await get_data(
        http, timeframe="1h", include_forming="true", end=current - 2 * HOUR_MS
    )
    assert not any(c["forming"] for c in older)


async def test_no_forming_candle_once_its_bucket_is_stored_closed(
    make_user_client: MakeUserClient, session_factory: Factory, clock: FrozenClock
) -> None:
    current = await store_market(session_factory, to_ms(clock.now()))
    async with unit_of_work(session_factory) as session:
        symbol = await repository.find_symbol_by_name(session, "BTC/USDT")
        assert symbol is not None
        await repository.upsert_candles(session, symbol.id, "1h", hours(current, 1))
    http = (await make_user_client("premium")).http

    candles, _ = await get_data(http, timeframe="1h", include_forming="true")
    assert candles[-1]["time"] == current and candles[-1]["forming"] is False
    # 4h: the current 4h bucket is not stored, so it forms from its minutes.
    four_hours, _ = await get_data(http, timeframe="4h", include_forming="true")
    assert [c["time"] for c in four_hours] == [bucket_start(current, "4h")]
    assert four_hours[0]["forming"] is True


async def test_paging_back_by_end_reaches_the_first_candle(
    make_user_client: MakeUserClient, session_factory: Factory, clock: FrozenClock
) -> None:
    current = await store_market(session_factory, to_ms(clock.now()))
    http = (await make_user_client("premium")).http
    expected = [c.open_time for c in hours(current - CLOSED_HOURS * HOUR_MS, CLOSED_HOURS)]

    pages: list[list[int]] = []
    params: dict[str, Any] = {"timeframe": "1h", "limit": 10, "include_forming": "true"}
    while True:
        candles, meta = await get_data(http, **params)
        pages.append([c["time"] for c in candles if not c["forming"]])
        assert any(c["forming"] for c in candles) == (len(pages) == 1)
        if "next_cursor" not in meta:  # absent once the first candle is on the page
            break
        # The cursor is the newest candle before this page: the next page's `end`.
        assert int(meta["next_cursor"]) == candles[0]["time"] - HOUR_MS
        params["end"] = meta["next_cursor"]
    assert [len(page) for page in pages] == [10, 10, 5]
    assert [time for page in reversed(pages) for time in page] == expected

    # A page that ends exactly at the first candle has nothing further back.
    first, meta = await get_data(http, timeframe="1h", end=expected[0], limit=10)
    assert [c["time"] for c in first] == expected[:1] and "next_cursor" not in meta
    # `end` between candles: the `limit` newest before it.
    between, _ = await get_data(http, timeframe="1h", end=expected[12] + 1, limit=3)
    assert [c["time"] for c in between] == expected[10:13]
    # Forward paging by `start` still gives the next start; the last page has the forming one.
    forward, meta = await get_data(
        http, timeframe="1h", start=expected[0], limit=20, include_forming="true"
    )
    assert meta["next_cursor"] == str(expected[20]) and not any(c["forming"] for c in forward)
    last, meta = await get_data(
        http, timeframe="1h", start=expected[20], limit=20, include_forming="true"
    )
    assert "next_cursor" not in meta
    assert [c["time"] for c in last] == [*expected[20:], current] and last[-1]["forming"]
