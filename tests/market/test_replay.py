"""The replay source: a deterministic synthetic market on the clock, and real CSV files."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.market.aggregation import aggregate
from cryptolens.market.candles import OHLCV, CandleSeries
from cryptolens.market.demo import load_replay_market
from cryptolens.market.sources.replay import (
    CsvReplayMarket,
    CsvSeries,
    ReplaySource,
    SyntheticReplayMarket,
)
from cryptolens.market.sources.synthetic import SyntheticMarket
from cryptolens.market.validation import check_candles
from cryptolens.market.workflows import fetch_market_data
from tests.data_files import candle_file
from tests.market.conftest import (
    DAY,
    FAKE_NOW_MS,
    MINUTE,
    assert_same_candles,
    stored_candles,
    stored_gaps,
)

Factory = async_sessionmaker[AsyncSession]
TIMEFRAMES = ["1m", "5m", "15m", "1h", "4h", "1d"]


class Clock:
    def __init__(self, now_ms: int) -> None:
        self.now_ms = now_ms

    def __call__(self) -> int:
        return self.now_ms


def test_the_synthetic_market_is_deterministic_per_seed() -> None:
    start, end = FAKE_NOW_MS - 2 * DAY, FAKE_NOW_MS
    first = SyntheticMarket(42, ["BTC/USDT"]).minutes("BTC/USDT", start, end)
    again = SyntheticMarket(42, ["BTC/USDT"]).minutes("BTC/USDT", start, end)
    other = SyntheticMarket(43, ["BTC/USDT"]).minutes("BTC/USDT", start, end)
    assert np.array_equal(first.close, again.close)
    assert not np.array_equal(first.close, other.close)
    # The same minute has the same candle whatever window asked for it.
    part = SyntheticMarket(42, ["BTC/USDT"]).minutes("BTC/USDT", end - 90 * MINUTE, end)
    assert part.to_candles() == first.to_candles()[-90:]


def test_synthetic_candles_are_sound_continuous_and_lively() -> None:
    minutes = SyntheticMarket(7, ["ETH/USDT"]).minutes(
        "ETH/USDT", FAKE_NOW_MS - 30 * DAY, FAKE_NOW_MS
    )
    assert len(minutes) == 30 * 1_440
    assert np.all(np.diff(minutes.open_time) == MINUTE)
    assert check_candles(minutes.to_candles(), symbol="ETH/USDT", timeframe="1m").rejected == 0
    # Consecutive minutes join up except at occasional price gaps.
    joined = np.isclose(minutes.open[1:], minutes.close[:-1], rtol=1e-9)
    assert 0.99 < joined.mean() < 1.0
    daily = aggregate(minutes, "1d")
    swings = (daily.high - daily.low) / daily.open
    assert 0.01 < float(np.median(swings)) < 0.2  # a trader would believe it
    # Impulses: some minutes move several typical minutes' worth at once.
    moves = np.abs(np.diff(np.log(minutes.close)))
    assert moves.max() > 6 * np.median(moves)


async def test_the_replay_source_runs_on_its_clock_like_an_exchange() -> None:
    clock = Clock(FAKE_NOW_MS)
    source = ReplaySource.synthetic(1, ["BTC/USDT"], clock=clock)
    in_progress = FAKE_NOW_MS - FAKE_NOW_MS % MINUTE
    candles = await source.fetch_ohlcv("BTC/USDT", "1m", in_progress - 5 * MINUTE, 1000)
    assert [c.open_time for c in candles][-1] == in_progress
    assert len(candles) == 6
    assert await source.fetch_time() == FAKE_NOW_MS

    clock.now_ms += MINUTE
    newer = await source.fetch_ohlcv("BTC/USDT", "1m", in_progress - 5 * MINUTE, 1000)
    assert len(newer) == 7
    assert newer[:6] == candles


async def test_direct_higher_timeframes_agree_with_those_built_from_minutes() -> None:
    clock = Clock(FAKE_NOW_MS)
    source = ReplaySource.synthetic(5, ["SOL/USDT"], clock=clock)
    since = FAKE_NOW_MS - FAKE_NOW_MS % DAY - 2 * DAY
    closed_minutes = [
        candle
        for start in range(since, FAKE_NOW_MS, 1000 * MINUTE)
        for candle in await source.fetch_ohlcv("SOL/USDT", "1m", start, 1000)
        if candle.open_time + MINUTE <= FAKE_NOW_MS
    ]
    minutes = CandleSeries.from_candles(closed_minutes)
    for timeframe in ["5m", "15m", "1h", "4h", "1d"]:
        direct = await source.fetch_ohlcv("SOL/USDT", timeframe, since, 1000)
        built = aggregate(minutes, timeframe).to_candles()
        # The last direct candle is the one in progress, served partial.
        assert_same_candles(direct[:-1], built)
        assert direct[-1].open_time == FAKE_NOW_MS - FAKE_NOW_MS % (
            direct[1].open_time - direct[0].open_time
        )


async def test_the_demo_market_loads_backfilled_and_keeps_up_with_the_clock(
    session_factory: Factory,
) -> None:
    clock = Clock(FAKE_NOW_MS)
    source = ReplaySource.synthetic(3, ["XRP/USDT"], clock=clock)
    report = await load_replay_market(session_factory, source, ["XRP/USDT"], timeframes=TIMEFRAMES)
    assert report.failed == [] and report.symbols[0].backfilled
    for timeframe in TIMEFRAMES:
        assert len(await stored_candles(session_factory, "XRP/USDT", timeframe)) > 70

    clock.now_ms += 10 * MINUTE
    update = await fetch_market_data(session_factory, source, timeframes=TIMEFRAMES)
    assert update.symbols[0].stored["1m"] == 10
    assert update.symbols[0].stored["5m"] == 2
    minutes = await stored_candles(session_factory, "XRP/USDT", "1m")
    assert minutes[-1].open_time == clock.now_ms - clock.now_ms % MINUTE - MINUTE


@pytest.fixture
def anon_btc_file() -> Path:
    return candle_file("ANON_BTC-1m.csv")


@pytest.fixture
def anon_btc_rows(anon_btc_file: Path) -> CandleSeries:
    with anon_btc_file.open(newline="") as handle:
        rows = [tuple(float(value) for value in row) for row in list(csv.reader(handle))[1:]]
    return CandleSeries.from_candles(rows)


async def test_csv_files_replay_real_candles_and_holes_are_never_known_gaps(
    session_factory: Factory, anon_btc_file: Path, anon_btc_rows: CandleSeries
) -> None:
    market = CsvReplayMarket([CsvSeries("ANON/BTC", "1m", anon_btc_file)])
    raw = anon_btc_rows
    end_of_data = int(raw.open_time[-1]) + MINUTE
    source = ReplaySource(market, clock=lambda: end_of_data)
    [listing] = await source.list_markets()
    assert listing.symbol == "ANON/BTC" and listing.tick_size == 1e-8

    await load_replay_market(session_factory, source, ["ANON/BTC"], timeframes=["1m", "5m", "1h"])

    minutes = await stored_candles(session_factory, "ANON/BTC", "1m")
    assert [c.open_time for c in minutes] == raw.open_time.tolist()  # all 13,681, holes kept
    assert await stored_gaps(session_factory, "ANON/BTC") == []
    # Five-minute buckets spanning a hole are not built from 1m ...
    built = await stored_candles(session_factory, "ANON/BTC", "5m")
    expected = aggregate(raw, "5m").to_candles()
    assert [c.open_time for c in built] == [c.open_time for c in expected]
    assert len(built) < (raw.open_time[-1] - raw.open_time[0]) // (5 * MINUTE)


class SourceWithABadSymbol(ReplaySource):
    """A replay market where one symbol's data makes the source blow up (a bug, not an
    exchange error): the fetch must carry on with the other symbols."""

    async def fetch_ohlcv(
        self, symbol: str, timeframe: str, since: int | None, limit: int
    ) -> list[OHLCV]:
        if symbol == "ETH/USDT":
            raise RuntimeError("unexpected shape")
        return await super().fetch_ohlcv(symbol, timeframe, since, limit)


async def test_an_unexpected_failure_of_one_symbol_does_not_stop_the_others(
    session_factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    market = SyntheticReplayMarket(2, ["BTC/USDT", "ETH/USDT"])
    source = SourceWithABadSymbol(market, clock=lambda: FAKE_NOW_MS)

    report = await load_replay_market(
        session_factory, source, ["BTC/USDT", "ETH/USDT"], timeframes=["1m", "1h"]
    )

    by_symbol = {entry.symbol: entry for entry in report.symbols}
    assert by_symbol["BTC/USDT"].ok and by_symbol["BTC/USDT"].stored["1m"] > 0
    assert by_symbol["ETH/USDT"].error == "internal error: RuntimeError: unexpected shape"
    assert any(r.getMessage() == "market.fetch_crashed" and r.exc_info for r in caplog.records)
