"""A fetch that starts before a market's listing: its history begins at the exchange's first
candle (no known gap before it, no partial first bucket), a later hole is still a known gap, and
the higher timeframes agree with those the replay/import path builds from the same minutes."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import unit_of_work
from cryptolens.market import service
from cryptolens.market.candles import OHLCV, CandleSeries
from cryptolens.market.sources.ccxt_source import CcxtSource
from cryptolens.market.workflows import FetchRequest, fetch_market_data
from tests.fakes.exchange import FakeExchange
from tests.fakes.exchange_data import INTERVAL_MS, generated_market, klines
from tests.market.conftest import (
    DAY,
    FAKE_NOW_MS,
    MINUTE,
    assert_same_candles,
    follow,
    stored_candles,
    stored_gaps,
)

Factory = async_sessionmaker[AsyncSession]
BUILT = ["5m", "15m", "1h", "4h", "1d"]
TODAY = FAKE_NOW_MS - FAKE_NOW_MS % DAY
# Three days ago at 07:13: inside a bucket of every timeframe, so each first bucket is partial.
LISTED_MID_BUCKET = TODAY - 3 * DAY + 7 * 60 * MINUTE + 13 * MINUTE
# Yesterday 10:02 to 10:09: no trades, with candles after them (buckets 10:00 and 10:05 of 5m).
GAP = (TODAY - DAY + 10 * 60 * MINUTE + 2 * MINUTE, TODAY - DAY + 10 * 60 * MINUTE + 9 * MINUTE)


def list_market(fake: FakeExchange, listed_at: int) -> None:
    market = generated_market(
        "NEW", "USDT", start_ms=listed_at, end_ms=FAKE_NOW_MS + DAY, seed=23, price=2.5
    )
    market.drop_minutes(*GAP)
    fake.add_market(market)


def first_bucket_from(minute: int, timeframe: str) -> int:
    step = INTERVAL_MS[timeframe]
    return -(-minute // step) * step


def spans_gap(open_time: int, timeframe: str) -> bool:
    return open_time < GAP[1] and open_time + INTERVAL_MS[timeframe] > GAP[0]


async def built_by_import(factory: Factory, minutes: list[OHLCV]) -> dict[str, list[OHLCV]]:
    """The replay/import path: the same 1m candles stored under another name, then built."""
    async with unit_of_work(factory) as session:
        copy = await service.store_replayed_minutes(
            session, "COPY/USDT", CandleSeries.from_candles(minutes)
        )
        await service.build_buckets(
            session,
            copy.id,
            BUILT,
            first_minute=minutes[0].open_time,
            last_minute=minutes[-1].open_time,
            server_time=FAKE_NOW_MS,
        )
    return {tf: await stored_candles(factory, "COPY/USDT", tf) for tf in BUILT}


@pytest.mark.parametrize(
    ("listed_at", "fetch"),
    [
        (LISTED_MID_BUCKET, "backfill"),  # every timeframe fetched directly back to its depth
        (LISTED_MID_BUCKET, "minutes"),  # 1m only, the higher timeframes built from it
        (TODAY - 3 * DAY, "backfill"),  # listed at 00:00: every first bucket is complete
        (TODAY - 3 * DAY, "minutes"),
    ],
)
async def test_history_starts_at_the_first_candle_and_later_holes_stay_known_gaps(
    session_factory: Factory,
    exchange_source: CcxtSource,
    fake_exchange: FakeExchange,
    listed_at: int,
    fetch: str,
) -> None:
    list_market(fake_exchange, listed_at)
    await follow(session_factory, exchange_source, ["NEW/USDT"])
    request = (
        FetchRequest()  # a new symbol: backfilled from 14 days (1m) to 3 years (1d) back
        if fetch == "backfill"
        else FetchRequest(since=listed_at - 2 * DAY - 17 * MINUTE, timeframes=["1m"])
    )

    report = await fetch_market_data(session_factory, exchange_source, request)

    assert report.failed == []
    # The minutes before the listing are no gap; the hole after it is one.
    assert await stored_gaps(session_factory, "NEW/USDT") == [GAP]
    minutes = await stored_candles(session_factory, "NEW/USDT", "1m")
    assert minutes[0].open_time == listed_at
    from_import = await built_by_import(session_factory, minutes)
    for timeframe in BUILT:
        live = await stored_candles(session_factory, "NEW/USDT", timeframe)
        # The first candle is the first complete bucket at or after the listing.
        assert live[0].open_time == first_bucket_from(listed_at, timeframe), timeframe
        # The buckets spanning the known gap are built from the minutes present (the
        # exchange's own candles); the import, whose holes are never gaps, leaves them out.
        spanning = [c for c in live if spans_gap(c.open_time, timeframe)]
        assert spanning, timeframe
        for candle in spanning:
            [exchange_candle] = klines(
                fake_exchange.markets["NEWUSDT"],
                INTERVAL_MS[timeframe],
                now_ms=FAKE_NOW_MS,
                start=candle.open_time,
                end=candle.open_time,
                limit=1,
            )
            assert_same_candles([candle], [OHLCV(*exchange_candle)])
        # Every other bucket: the same open times and OHLCV as the import built.
        assert_same_candles(
            [c for c in live if not spans_gap(c.open_time, timeframe)], from_import[timeframe]
        )
