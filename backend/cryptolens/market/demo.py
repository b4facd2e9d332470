"""Loading the replay (demo) market into the database: the default symbols, backfilled."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.timeframes import DAY_MS
from cryptolens.db import unit_of_work
from cryptolens.market import service
from cryptolens.market.backfill import PageProgress
from cryptolens.market.sources.base import CandleSource
from cryptolens.market.sources.replay import (
    Clock,
    CsvReplayMarket,
    CsvSeries,
    ReplaySource,
    read_candle_csv,
    wall_clock_ms,
)
from cryptolens.market.workflows import FetchReport, FetchRequest, fetch_market_data
from cryptolens.settings import MarketSettings

# The demo keeps two days of 1m candles more than the 14 a backtest warms up on, so a premium
# user can backtest a day or two on a fresh installation.
DEMO_MINUTE_DAYS = 16


async def load_replay_market(
    session_factory: async_sessionmaker[AsyncSession],
    source: CandleSource,
    symbols: Sequence[str],
    *,
    timeframes: Sequence[str],
    backfill_depth_days: Mapping[str, int] | None = None,
    progress: PageProgress | None = None,
) -> FetchReport:
    """Follows `symbols` on the replay source and fetches them (a backfill the first time,
    new minutes afterwards), like the exchange would be."""
    async with unit_of_work(session_factory) as session:
        listings = await source.list_markets()
        for symbol in symbols:
            await service.follow_symbol(session, source, symbol, listings=listings)
    return await fetch_market_data(
        session_factory,
        source,
        FetchRequest(backfill_depth_days=backfill_depth_days),
        timeframes=timeframes,
        progress=progress,
    )


async def load_demo_market(
    session_factory: async_sessionmaker[AsyncSession],
    settings: MarketSettings,
    *,
    timeframes: Sequence[str],
    seed: int | None = None,
    clock: Clock = wall_clock_ms,
    progress: PageProgress | None = None,
) -> FetchReport:
    """The synthetic market of `replay_seed` for the default symbols, live on the clock."""
    source = ReplaySource.synthetic(
        settings.replay_seed if seed is None else seed, settings.default_symbols, clock=clock
    )
    try:
        return await load_replay_market(
            session_factory,
            source,
            settings.default_symbols,
            timeframes=timeframes,
            backfill_depth_days={
                **settings.backfill_depth_days,
                "1m": max(settings.backfill_depth_days["1m"], DEMO_MINUTE_DAYS),
            },
            progress=progress,
        )
    finally:
        await source.close()


async def load_csv_market(
    session_factory: async_sessionmaker[AsyncSession],
    settings: MarketSettings,
    minute_files: Mapping[str, Path],
    *,
    timeframes: Sequence[str],
    clock: Clock = wall_clock_ms,
    progress: PageProgress | None = None,
) -> FetchReport:
    """Real 1m candles from CSV files (symbol -> file), moved forward by whole days so the
    newest file ends by today: the charts look current, UTC buckets stay aligned."""
    now = clock()
    newest = max(int(read_candle_csv(path).open_time[-1]) for path in minute_files.values())
    shift = max(0, (now - newest) // DAY_MS * DAY_MS)
    market = CsvReplayMarket(
        [CsvSeries(symbol, "1m", path) for symbol, path in minute_files.items()], shift_ms=shift
    )
    source = ReplaySource(market, clock=clock)
    return await load_replay_market(
        session_factory,
        source,
        list(minute_files),
        timeframes=timeframes,
        backfill_depth_days=settings.backfill_depth_days,
        progress=progress,
    )
