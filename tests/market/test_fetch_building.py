"""The regular fetch cycle against the fake exchange: backfill every timeframe to its depth,
then new minutes and the higher timeframes built from them, known gaps, late minutes."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.market.backfill import backfill_depth_ms
from cryptolens.market.candles import OHLCV
from cryptolens.market.sources.ccxt_source import CcxtSource
from cryptolens.market.workflows import FetchRequest, fetch_market_data
from tests.data_files import candle_file
from tests.fakes.exchange import FakeExchange
from tests.fakes.exchange_data import INTERVAL_MS, csv_market, generated_market, klines
from tests.market.conftest import (
    DAY,
    FAKE_NOW_MS,
    MINUTE,
    assert_same_candles,
    follow,
    stored_candles,
    stored_gaps,
    symbol_row,
)

Factory = async_sessionmaker[AsyncSession]
TIMEFRAMES = ["1m", "5m", "15m", "1h", "4h", "1d"]


def last_closed(now: int, timeframe: str) -> int:
    step = INTERVAL_MS[timeframe]
    return now - now % step - step


def exchange_candles(
    fake: FakeExchange, timeframe: str, first: int, last: int, market: str = "BTCUSDT"
) -> list[OHLCV]:
    """What the exchange itself answers for closed candles in [first, last]."""
    rows = klines(
        fake.markets[market],
        INTERVAL_MS[timeframe],
        now_ms=fake.now_ms,
        start=first,
        end=last,
        limit=1_000_000,
    )
    return [OHLCV(*row) for row in rows]


async def follow_btc(
    fake: FakeExchange, source: CcxtSource, factory: Factory, history_days: int
) -> None:
    fake.add_market(
        generated_market(
            "BTC",
            "USDT",
            start_ms=FAKE_NOW_MS - history_days * DAY,
            end_ms=FAKE_NOW_MS + DAY,
            seed=11,
            price=40_000,
        )
    )
    await follow(factory, source, ["BTC/USDT"])


@pytest.fixture
async def btc_with_years(
    fake_exchange: FakeExchange, exchange_source: CcxtSource, session_factory: Factory
) -> None:
    """More history than the deepest backfill (1d: three years)."""
    await follow_btc(fake_exchange, exchange_source, session_factory, 3 * 366)


@pytest.fixture
async def btc_followed(
    fake_exchange: FakeExchange, exchange_source: CcxtSource, session_factory: Factory
) -> None:
    await follow_btc(fake_exchange, exchange_source, session_factory, 5)


@pytest.mark.usefixtures("btc_with_years")
async def test_a_new_symbol_is_backfilled_to_each_depth_then_built_from_minutes(
    session_factory: Factory, exchange_source: CcxtSource, fake_exchange: FakeExchange
) -> None:
    report = await fetch_market_data(session_factory, exchange_source)

    [entry] = report.symbols
    assert entry.ok and entry.backfilled
    assert (await symbol_row(session_factory, "BTC/USDT")).backfilled_at is not None
    day_start = FAKE_NOW_MS - FAKE_NOW_MS % DAY
    for timeframe in TIMEFRAMES:
        stored = await stored_candles(session_factory, timeframe=timeframe, symbol="BTC/USDT")
        oldest_wanted = FAKE_NOW_MS - backfill_depth_ms(timeframe)
        # Back to the depth (moved to a UTC day boundary), up to the last closed candle only.
        assert stored[0].open_time == oldest_wanted - oldest_wanted % DAY
        assert stored[-1].open_time == last_closed(FAKE_NOW_MS, timeframe)
        assert (
            len(stored)
            == (stored[-1].open_time - stored[0].open_time) // INTERVAL_MS[timeframe] + 1
        )
        # Every timeframe has more than the 70 candles pattern detection needs.
        assert len(stored) > 70
        recent = [c for c in stored if c.open_time >= day_start - 2 * DAY]
        assert_same_candles(
            recent,
            exchange_candles(fake_exchange, timeframe, recent[0].open_time, recent[-1].open_time),
        )

    # 65 minutes later: new minutes are fetched and the completed buckets built from them.
    fake_exchange.advance(65 * MINUTE)
    now = fake_exchange.now_ms
    update = await fetch_market_data(session_factory, exchange_source)

    [entry] = update.symbols
    assert entry.ok and not entry.backfilled
    assert entry.stored["1m"] == 65
    assert entry.stored["5m"] == 13  # 12:30 .. 13:30
    assert entry.stored["15m"] == 4  # 12:30 .. 13:15
    assert entry.stored["1h"] == 1  # 12:00
    assert entry.stored["4h"] == 0 and entry.stored["1d"] == 0  # still open
    for timeframe in TIMEFRAMES:
        stored = await stored_candles(session_factory, "BTC/USDT", timeframe)
        assert stored[-1].open_time == last_closed(now, timeframe)
        # A candle built from 1m agrees with the exchange's own candle for that bucket.
        tail = [c for c in stored if c.open_time >= FAKE_NOW_MS - 2 * 60 * MINUTE]
        if tail:
            assert_same_candles(
                tail,
                exchange_candles(fake_exchange, timeframe, tail[0].open_time, tail[-1].open_time),
            )


@pytest.mark.usefixtures("btc_with_years")
async def test_backfill_depths_follow_the_setting(
    session_factory: Factory, exchange_source: CcxtSource
) -> None:
    depths = {"4h": 90, "1d": 200}  # the others: the spec's defaults
    report = await fetch_market_data(
        session_factory, exchange_source, FetchRequest(backfill_depth_days=depths)
    )
    assert report.symbols[0].backfilled
    for timeframe, days in (("4h", 90), ("1d", 200), ("1h", 180), ("1m", 14)):
        stored = await stored_candles(session_factory, timeframe=timeframe, symbol="BTC/USDT")
        oldest_wanted = FAKE_NOW_MS - days * DAY
        assert stored[0].open_time == oldest_wanted - oldest_wanted % DAY, timeframe


@pytest.mark.usefixtures("btc_followed")
async def test_minutes_the_exchange_skips_are_known_gaps_and_buckets_span_them(
    session_factory: Factory, exchange_source: CcxtSource, fake_exchange: FakeExchange
) -> None:
    first = FAKE_NOW_MS - FAKE_NOW_MS % DAY - DAY  # yesterday 00:00
    await fetch_market_data(
        session_factory, exchange_source, FetchRequest(since=first, timeframes=TIMEFRAMES)
    )
    # No trades from 12:36 to 12:42 (the buckets 12:35 and 12:40 lose minutes)...
    gap_start = FAKE_NOW_MS - FAKE_NOW_MS % MINUTE + 2 * MINUTE
    fake_exchange.markets["BTCUSDT"].drop_minutes(gap_start, gap_start + 7 * MINUTE)
    # ... and none from 12:48 up to now (12:50:10) either: not yet known to be empty, since
    # the exchange has answered nothing after them.
    tail_gap = gap_start + 12 * MINUTE
    fake_exchange.markets["BTCUSDT"].drop_minutes(tail_gap, tail_gap + 3 * MINUTE)
    fake_exchange.now_ms = tail_gap + 2 * MINUTE + 10_000

    await fetch_market_data(session_factory, exchange_source)

    assert await stored_gaps(session_factory, "BTC/USDT") == [(gap_start, gap_start + 7 * MINUTE)]
    five_minutes = {c.open_time: c for c in await stored_candles(session_factory, "BTC/USDT", "5m")}
    spanning = [
        gap_start - gap_start % (5 * MINUTE),
        gap_start - gap_start % (5 * MINUTE) + 5 * MINUTE,
    ]
    for bucket in spanning:
        assert_same_candles(
            [five_minutes[bucket]], exchange_candles(fake_exchange, "5m", bucket, bucket)
        )
    # The bucket holding the trailing hole is not built: nothing says those minutes are empty.
    trailing_bucket = tail_gap - tail_gap % (5 * MINUTE)
    assert trailing_bucket not in five_minutes

    # A candle arrives after the hole: now it is a known gap and the bucket is built.
    fake_exchange.advance(2 * MINUTE)
    await fetch_market_data(session_factory, exchange_source)
    assert (tail_gap, tail_gap + 3 * MINUTE) in await stored_gaps(session_factory, "BTC/USDT")
    five_minutes = {c.open_time: c for c in await stored_candles(session_factory, "BTC/USDT", "5m")}
    assert_same_candles(
        [five_minutes[trailing_bucket]],
        exchange_candles(fake_exchange, "5m", trailing_bucket, trailing_bucket),
    )


@pytest.mark.usefixtures("btc_followed")
async def test_the_candle_in_progress_is_never_stored(
    session_factory: Factory, exchange_source: CcxtSource, fake_exchange: FakeExchange
) -> None:
    since = FAKE_NOW_MS - DAY
    await fetch_market_data(
        session_factory, exchange_source, FetchRequest(since=since, timeframes=TIMEFRAMES)
    )
    in_progress = FAKE_NOW_MS - FAKE_NOW_MS % MINUTE
    minutes = await stored_candles(session_factory, "BTC/USDT", "1m")
    assert minutes[-1].open_time == in_progress - MINUTE

    # Once it has closed it is stored with its final prices, not the partial ones served earlier.
    fake_exchange.advance(MINUTE)
    await fetch_market_data(session_factory, exchange_source)
    minutes = await stored_candles(session_factory, "BTC/USDT", "1m")
    assert minutes[-1] == OHLCV(
        *fake_exchange.markets["BTCUSDT"].minute_rows(in_progress, in_progress)[0]
    )

    # With a hole in the range, a page asked for the closed minutes runs on into the candle
    # in progress: it is still not stored.
    fake_exchange.markets["BTCUSDT"].drop_minutes(in_progress + MINUTE, in_progress + 3 * MINUTE)
    fake_exchange.advance(4 * MINUTE)
    await fetch_market_data(session_factory, exchange_source)
    minutes = await stored_candles(session_factory, "BTC/USDT", "1m")
    now_open = fake_exchange.now_ms - fake_exchange.now_ms % MINUTE
    assert minutes[-1].open_time == now_open - MINUTE
    assert [r.params["limit"] for r in fake_exchange.klines_requests()][-1] == "4"


@pytest.mark.usefixtures("btc_followed")
async def test_a_minute_corrected_later_rebuilds_its_buckets(
    session_factory: Factory, exchange_source: CcxtSource, fake_exchange: FakeExchange
) -> None:
    since = FAKE_NOW_MS - FAKE_NOW_MS % DAY - DAY
    await fetch_market_data(
        session_factory, exchange_source, FetchRequest(since=since, timeframes=TIMEFRAMES)
    )
    corrected = since + 3 * 60 * MINUTE + 7 * MINUTE  # 03:07 yesterday
    old = fake_exchange.markets["BTCUSDT"].minute_rows(corrected, corrected)[0]
    new_high = round(old[2] * 1.05, 2)
    fake_exchange.markets["BTCUSDT"].replace_minute(
        corrected, (old[1], new_high, old[3], old[4], old[5] + 100)
    )

    # Re-fetching that window's minutes rebuilds the higher timeframes containing it.
    await fetch_market_data(
        session_factory,
        exchange_source,
        FetchRequest(since=corrected, until=corrected + MINUTE, timeframes=["1m"]),
    )

    for timeframe in ["5m", "15m", "1h", "4h", "1d"]:
        bucket = corrected - corrected % INTERVAL_MS[timeframe]
        stored = {
            c.open_time: c for c in await stored_candles(session_factory, "BTC/USDT", timeframe)
        }
        assert_same_candles(
            [stored[bucket]], exchange_candles(fake_exchange, timeframe, bucket, bucket)
        )
        assert stored[bucket].high >= new_high


async def test_real_minutes_through_the_exchange_build_the_exchanges_own_candles(
    session_factory: Factory,
    exchange_source: CcxtSource,
    fake_exchange: FakeExchange,
) -> None:
    """FTX BTC-PERP, January 2022, moved by whole days so that it ends now."""
    path = candle_file("BTC-PERP_USD-1m.csv")
    last_open = 1_643_693_460_000  # 2022-02-01 05:31, the file's last minute
    shift = (FAKE_NOW_MS - last_open) // DAY * DAY
    fake_exchange.add_market(csv_market("BTC", "USD", path, shift_ms=shift, tick_size="1"))
    await follow(session_factory, exchange_source, ["BTC/USD"])
    since = 1_642_809_600_000 + shift  # 2022-01-22 00:00: ten days of minutes

    report = await fetch_market_data(
        session_factory, exchange_source, FetchRequest(since=since, timeframes=["1m"])
    )

    assert report.failed == [] and report.symbols[0].rejected == 0
    minutes = await stored_candles(session_factory, "BTC/USD", "1m")
    assert len(minutes) == (last_open - (since - shift)) // MINUTE + 1
    for timeframe in ["5m", "15m", "1h", "4h", "1d"]:
        built = await stored_candles(session_factory, "BTC/USD", timeframe)
        assert len(built) >= 10  # complete buckets only: 10 days, the last one partial
        assert_same_candles(
            built,
            exchange_candles(
                fake_exchange, timeframe, built[0].open_time, built[-1].open_time, "BTCUSD"
            ),
        )


@pytest.mark.usefixtures("btc_followed")
async def test_unsound_candles_from_the_exchange_are_rejected_and_counted(
    session_factory: Factory,
    exchange_source: CcxtSource,
    fake_exchange: FakeExchange,
    caplog: pytest.LogCaptureFixture,
) -> None:
    bad = FAKE_NOW_MS - FAKE_NOW_MS % MINUTE - 10 * MINUTE
    row = fake_exchange.markets["BTCUSDT"].minute_rows(bad, bad)[0]
    fake_exchange.markets["BTCUSDT"].replace_minute(
        bad, (row[1], row[1] * 0.5, row[3], row[4], row[5])
    )

    report = await fetch_market_data(
        session_factory,
        exchange_source,
        FetchRequest(since=bad - 20 * MINUTE, timeframes=["1m"]),
    )

    [entry] = report.symbols
    assert entry.ok and entry.rejected == 1 and entry.stored["1m"] == 29
    stored = {c.open_time for c in await stored_candles(session_factory, "BTC/USDT", "1m")}
    assert bad not in stored and bad - MINUTE in stored and bad + MINUTE in stored
    # The bucket missing that minute is not built: the minute is bad data, not a known gap.
    five = {c.open_time for c in await stored_candles(session_factory, "BTC/USDT", "5m")}
    assert bad - bad % (5 * MINUTE) not in five
    assert any(r.getMessage() == "market.candle_rejected" for r in caplog.records)


@pytest.mark.usefixtures("btc_followed")
async def test_one_chosen_timeframe_is_fetched_on_its_own_from_its_newest_candle(
    session_factory: Factory, exchange_source: CcxtSource, fake_exchange: FakeExchange
) -> None:
    only_hours = FetchRequest(timeframes=["1h"])

    report = await fetch_market_data(session_factory, exchange_source, only_hours)

    # All the exchange has but its first hour, which began at the listing (12:34): partial.
    assert report.symbols[0].stored == {"1h": 5 * 24 - 1}
    assert await stored_candles(session_factory, "BTC/USDT", "1m") == []
    assert (await symbol_row(session_factory, "BTC/USDT")).backfilled_at is None

    fake_exchange.advance(2 * 60 * MINUTE)
    fake_exchange.requests.clear()
    again = await fetch_market_data(session_factory, exchange_source, only_hours)
    assert again.symbols[0].stored == {"1h": 2}
    [request] = fake_exchange.klines_requests()
    assert int(request.params["startTime"]) == last_closed(FAKE_NOW_MS, "1h") + 60 * MINUTE
