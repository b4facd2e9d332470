"""Following symbols, reading candles, freshness and retention (service functions)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import from_ms, unit_of_work
from cryptolens.market import repository, service
from cryptolens.market.candles import OHLCV
from cryptolens.market.errors import SymbolNotFoundError, SymbolNotListedError
from cryptolens.market.freshness import Freshness, freshness_of
from cryptolens.market.gaps import KnownGap
from cryptolens.market.sources.replay import ReplaySource
from cryptolens.market.symbols import InvalidSymbolError, normalize_symbol, url_symbol
from tests.market.conftest import DAY, FAKE_NOW_MS, MINUTE, stored_candles

Factory = async_sessionmaker[AsyncSession]
NOW = from_ms(FAKE_NOW_MS)
TIMEFRAMES = ["1m", "5m", "15m", "1h", "4h", "1d"]


@pytest.fixture
def replay() -> ReplaySource:
    return ReplaySource.synthetic(
        9, ["BTC/USDT", "ETH/USDT", "XRP/USDT"], clock=lambda: FAKE_NOW_MS
    )


def minute_candles(first: int, count: int, price: float = 100.0) -> list[OHLCV]:
    return [
        OHLCV(first + i * MINUTE, price + i, price + i + 1, price + i - 1, price + i + 0.5, 1.0)
        for i in range(count)
    ]


async def test_symbol_names_are_normalised_and_checked() -> None:
    assert normalize_symbol(" btc-usdt ") == "BTC/USDT"
    assert url_symbol("BTC/USDT") == "BTC-USDT"
    for bad in ["BTCUSDT", "BTC/", "BTC/USDT; DROP TABLE", ""]:
        with pytest.raises(InvalidSymbolError):
            normalize_symbol(bad)


async def test_following_a_symbol_takes_its_market_info(
    session_factory: Factory, replay: ReplaySource
) -> None:
    async with unit_of_work(session_factory) as session:
        symbol = await service.follow_symbol(session, replay, "xrp-usdt")
    assert (symbol.symbol, symbol.exchange, symbol.base, symbol.quote) == (
        "XRP/USDT",
        "replay",
        "XRP",
        "USDT",
    )
    assert symbol.tick_size == 0.0001 and symbol.price_precision == 4
    assert symbol.is_active and symbol.backfilled_at is None


async def test_a_symbol_the_source_does_not_list_is_refused(
    session_factory: Factory, replay: ReplaySource
) -> None:
    async with unit_of_work(session_factory) as session:
        with pytest.raises(SymbolNotListedError, match="replay lists no spot market DOGE/USDT"):
            await service.follow_symbol(session, replay, "DOGE/USDT")


async def test_removing_is_a_soft_delete_and_following_again_backfills_again(
    session_factory: Factory, replay: ReplaySource
) -> None:
    async with unit_of_work(session_factory) as session:
        symbol = await service.follow_symbol(session, replay, "BTC/USDT")
        await repository.upsert_candles(
            session,
            symbol.id,
            "1m",
            minute_candles(FAKE_NOW_MS - FAKE_NOW_MS % MINUTE - 10 * MINUTE, 5),
        )
        await repository.mark_backfilled(session, symbol.id, NOW)

    async with unit_of_work(session_factory) as session:
        removed = await service.unfollow_symbol(session, "BTC-USDT", "replay")
    assert not removed.is_active and removed.removed_at is not None
    assert len(await stored_candles(session_factory, "BTC/USDT", "1m")) == 5
    async with session_factory() as session:
        assert await repository.list_symbols(session) == []
        with pytest.raises(SymbolNotFoundError):
            await service.unfollow_symbol(session, "BTC/USDT", "replay")

    async with unit_of_work(session_factory) as session:
        again = await service.follow_symbol(session, replay, "BTC/USDT")
    assert again.id == symbol.id
    assert again.is_active and again.removed_at is None and again.backfilled_at is None


async def test_overviews_show_freshness_last_price_and_daily_change(
    session_factory: Factory, replay: ReplaySource
) -> None:
    newest = FAKE_NOW_MS - FAKE_NOW_MS % MINUTE - MINUTE
    async with unit_of_work(session_factory) as session:
        btc, eth, xrp = [
            await service.follow_symbol(session, replay, name)
            for name in ["BTC/USDT", "ETH/USDT", "XRP/USDT"]
        ]
        await repository.upsert_candles(
            session,
            btc.id,
            "1m",
            [
                OHLCV(newest - DAY, 80.0, 81.0, 79.0, 80.0, 1.0),
                OHLCV(newest, 99.0, 101.0, 98.0, 100.0, 2.0),
            ],
        )
        await repository.upsert_candles(
            session, eth.id, "1m", minute_candles(newest - 3 * 60 * MINUTE, 1)
        )

    async with session_factory() as session:
        overviews = {item.symbol: item for item in await service.symbol_overviews(session, now=NOW)}
        counts = await service.freshness_counts(session, now=NOW)
        single = await service.symbol_overview(session, "btc-usdt", now=NOW)
        eth_freshness = await service.symbol_freshness(session, eth.id, now=NOW)

    assert overviews["BTC/USDT"].freshness is Freshness.LIVE
    assert overviews["BTC/USDT"].last_price == 100.0
    assert overviews["BTC/USDT"].change_24h_pct == 25.0
    assert overviews["BTC/USDT"].url_symbol == "BTC-USDT"
    assert overviews["ETH/USDT"].freshness is Freshness.STALE
    assert overviews["ETH/USDT"].change_24h_pct is None
    assert overviews["XRP/USDT"].freshness is Freshness.NONE
    assert overviews["XRP/USDT"].last_price is None
    assert counts.model_dump() == {"live": 1, "recent": 0, "stale": 1, "old": 0, "none": 1}
    assert single == overviews["BTC/USDT"]
    assert eth_freshness is Freshness.STALE
    assert xrp.id not in {btc.id, eth.id}


def test_freshness_thresholds() -> None:
    closed = 10 * DAY  # the newest candle closes one minute after it opens
    opened = closed - MINUTE
    assert freshness_of(None, closed) is Freshness.NONE
    assert freshness_of(opened, closed + 5 * MINUTE - 1) is Freshness.LIVE
    assert freshness_of(opened, closed + 5 * MINUTE) is Freshness.RECENT
    assert freshness_of(opened, closed + 60 * MINUTE) is Freshness.STALE
    assert freshness_of(opened, closed + DAY - 1) is Freshness.STALE
    assert freshness_of(opened, closed + DAY) is Freshness.OLD


async def test_candle_pages_follow_the_cursor(
    session_factory: Factory, replay: ReplaySource
) -> None:
    first = FAKE_NOW_MS - FAKE_NOW_MS % MINUTE - 100 * MINUTE
    async with unit_of_work(session_factory) as session:
        btc = await service.follow_symbol(session, replay, "BTC/USDT")
        await repository.upsert_candles(session, btc.id, "1m", minute_candles(first, 100))

    async with session_factory() as session:
        page = await service.candle_page(
            session, "BTC-USDT", "1m", allowed_timeframes=TIMEFRAMES, start=first, limit=40
        )
        assert [c.time for c in page.candles] == [first + i * MINUTE for i in range(40)]
        assert page.next_cursor == first + 40 * MINUTE
        last = await service.candle_page(
            session,
            "BTC/USDT",
            "1m",
            allowed_timeframes=TIMEFRAMES,
            start=first + 80 * MINUTE,
            limit=40,
        )
        assert len(last.candles) == 20 and last.next_cursor is None
        bounded = await service.candle_page(
            session,
            "BTC/USDT",
            "1m",
            allowed_timeframes=TIMEFRAMES,
            start=first,
            end=first + 9 * MINUTE,
            limit=40,
        )
        assert len(bounded.candles) == 10 and bounded.next_cursor is None
        newest = await service.candle_page(
            session, "BTC/USDT", "1m", allowed_timeframes=TIMEFRAMES, limit=3
        )
        assert [c.time for c in newest.candles] == [first + i * MINUTE for i in (97, 98, 99)]
        assert newest.candles[-1].close == 100 + 99 + 0.5

        with pytest.raises(service.UnsupportedTimeframeError) as refused:
            await service.candle_page(session, "BTC/USDT", "2h", allowed_timeframes=TIMEFRAMES)
        assert refused.value.status_code == 422
        with pytest.raises(SymbolNotFoundError) as missing:
            await service.candle_page(session, "ETH/USDT", "1m", allowed_timeframes=TIMEFRAMES)
        assert missing.value.message == "Not found: Symbol ETH/USDT not found"


async def test_the_detection_window_reads(session_factory: Factory, replay: ReplaySource) -> None:
    first = 1_000 * MINUTE
    async with unit_of_work(session_factory) as session:
        btc = await service.follow_symbol(session, replay, "BTC/USDT")
        await repository.upsert_candles(session, btc.id, "1m", minute_candles(first, 50))
    async with session_factory() as session:
        window = await service.recent_candles(session, btc.id, "1m", 10)
        later = await service.candles_from(session, btc.id, "1m", first + 45 * MINUTE)
    assert window.open_time.tolist() == [first + i * MINUTE for i in range(40, 50)]
    assert later.open_time.tolist() == [first + i * MINUTE for i in range(45, 50)]
    assert later.close.tolist() == [100 + i + 0.5 for i in range(45, 50)]


async def test_retention_deletes_only_old_candles_of_limited_timeframes(
    session_factory: Factory, replay: ReplaySource
) -> None:
    async with unit_of_work(session_factory) as session:
        btc = await service.follow_symbol(session, replay, "BTC/USDT")
        old, young = FAKE_NOW_MS - 31 * DAY, FAKE_NOW_MS - 29 * DAY
        for timeframe in ["1m", "5m", "1h"]:
            await repository.upsert_candles(
                session,
                btc.id,
                timeframe,
                [OHLCV(old - old % DAY, 1, 1, 1, 1, 1), OHLCV(young - young % DAY, 1, 1, 1, 1, 1)],
            )
        # Known gaps go with the candles around them.
        gaps = [KnownGap(old, old + 5 * MINUTE), KnownGap(young, young + 5 * MINUTE)]
        await repository.record_gaps(session, btc.id, "1m", gaps)
    async with unit_of_work(session_factory) as session:
        deleted = await service.delete_expired_candles(session, now=NOW)
        kept_gaps = await repository.load_gaps(session, btc.id, "1m", 0, FAKE_NOW_MS)
    assert kept_gaps == [KnownGap(young, young + 5 * MINUTE)]
    assert deleted == {"1m": 1, "5m": 0, "15m": 0}
    assert len(await stored_candles(session_factory, "BTC/USDT", "1m")) == 1
    assert len(await stored_candles(session_factory, "BTC/USDT", "5m")) == 2
    assert len(await stored_candles(session_factory, "BTC/USDT", "1h")) == 2
    assert NOW - timedelta(days=30) > from_ms(old)
