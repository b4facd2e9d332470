"""Scanning 50 symbols x 6 timeframes on MariaDB, end to end: one live cycle per symbol at a
UTC day boundary (so every timeframe has a new candle), i.e. load the windows, detect, store the
patterns, update lifecycles and run the signal step, as the minute's jobs do.

Exits 1 when the scan misses its target.

Run: .venv/bin/python bench/bench_scan.py [--mysql-url URL] [--symbols N]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time

import numpy as np
from sqlalchemy import func, select

from cryptolens.core.timeframes import DAY_MS, timeframe_ms
from cryptolens.db import create_engine, create_session_factory, unit_of_work, utcnow
from cryptolens.market import repository as market_repository
from cryptolens.market.candles import CandleSeries
from cryptolens.market.models import Symbol
from cryptolens.patterns.models import Pattern
from cryptolens.settings import ScanSettings, Settings
from cryptolens.signals.live_cycles import run_pending_cycles
from cryptolens.signals.settings import CycleSettings
from cryptolens.system import migrations
from throwaway_mysql import DEFAULT_SERVER_URL, throwaway_database

BENCH_DATABASE = "cryptolens_bench_scan"
TARGET_SECONDS = 5.0
# The live scan reads each timeframe's window: store that much history, and a little more.
WINDOWS = ScanSettings().windows
# A UTC midnight: the close of a 1m, 5m, 15m, 1h, 4h and 1d candle at once.
CYCLE_CLOSE = 1_700_006_400_000 - 1_700_006_400_000 % DAY_MS


def walk(timeframe: str, count: int, seed: int) -> CandleSeries:
    """A random walk volatile enough to form the patterns a real market does."""
    rng = np.random.default_rng(seed)
    step = timeframe_ms(timeframe)
    sigma = 0.0015 * np.sqrt(step / 60_000)
    closes = 100 * np.exp(np.cumsum(rng.normal(0, sigma, count)))
    opens = np.concatenate(([100.0], closes[:-1]))
    wick = np.abs(rng.normal(0, sigma / 2, (2, count)))
    return CandleSeries(
        open_time=CYCLE_CLOSE - step * np.arange(count, 0, -1, dtype=np.int64),
        open=opens,
        high=np.maximum(opens, closes) * (1 + wick[0]),
        low=np.minimum(opens, closes) * (1 - wick[1]),
        close=closes,
        volume=rng.lognormal(1, 0.8, count),
    )


async def prepare(url: str, symbols: int) -> list[int]:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    engine = create_engine(url, settings)
    await migrations.upgrade(engine)
    factory = create_session_factory(engine)
    ids = []
    async with unit_of_work(factory) as session:
        for index in range(symbols):
            symbol = Symbol(
                symbol=f"S{index:02d}/USDT",
                exchange="bench",
                base=f"S{index:02d}",
                quote="USDT",
                is_active=True,
                tick_size=None,
                added_at=utcnow(),
            )
            session.add(symbol)
            await session.flush()
            ids.append(symbol.id)
            for tf_index, (timeframe, count) in enumerate(WINDOWS.items()):
                series = walk(timeframe, count + 20, seed=index * 10 + tf_index)
                await market_repository.upsert_candles(session, symbol.id, timeframe, series)
    await engine.dispose()
    return ids


async def scan_all(url: str, ids: list[int]) -> tuple[float, int]:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    engine = create_engine(url, settings)
    factory = create_session_factory(engine)
    # No warm-up: the minute's live cycle alone, as for a symbol followed all along.
    signal_settings = CycleSettings(
        signals=settings.signals.model_copy(update={"warm_up_minutes": 0}), scan=settings.scan
    )
    started = time.perf_counter()
    for symbol_id in ids:
        async with unit_of_work(factory) as session:
            cycles = await run_pending_cycles(session, symbol_id, CYCLE_CLOSE, signal_settings)
            assert len(cycles) == 1
    elapsed = time.perf_counter() - started
    async with factory() as session:
        patterns = int(await session.scalar(select(func.count()).select_from(Pattern)) or 0)
    await engine.dispose()
    return elapsed, patterns


async def main(server_url: str, symbols: int) -> int:
    async with throwaway_database(server_url, BENCH_DATABASE) as url:
        ids = await prepare(url, symbols)
        elapsed, patterns = await scan_all(url, ids)
    ok = elapsed < TARGET_SECONDS
    print(
        f"scan {symbols} symbols x 6 timeframes on MariaDB (load, detect, store, lifecycle, "
        f"signal step): {elapsed:.2f} s, {patterns} patterns stored "
        f"(target < {TARGET_SECONDS:.0f} s) {'ok' if ok else 'MISSED'}"
    )
    return 0 if ok else 1  # a missed target fails `make bench`, as the other benches do


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mysql-url", default=DEFAULT_SERVER_URL)
    parser.add_argument("--symbols", type=int, default=50)
    arguments = parser.parse_args()
    sys.exit(asyncio.run(main(arguments.mysql_url, arguments.symbols)))
