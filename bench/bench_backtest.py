"""One month of 1m candles replayed for one symbol (docs/rules/backtest.md "One replay"): the
BTC-PERP month from tests/data stored in a SQLite file, then `replay_range` over the 30 days
from its first candle (14 days of warm-up, 16 of results: 43,200 cycles), in a fresh process so
its peak memory is the replay's. For scale, the same cycles' rate over the live tables
(`run_cycle` on SQLite, one day) in the same run.

Targets (issue #20): the replay under 10 s, its process under 500 MB.
Exits 1 when a target is missed.

Run: .venv/bin/python bench/bench_backtest.py
"""

from __future__ import annotations

import asyncio
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

from cryptolens.core.timeframes import DAY_MS, MINUTE_MS
from cryptolens.db import create_engine, create_session_factory, unit_of_work
from cryptolens.market import service as market
from cryptolens.market.candles import CandleSeries
from cryptolens.patterns.csv_input import read_candles_csv
from cryptolens.settings import Settings
from cryptolens.signals.cycle import run_cycle
from cryptolens.signals.reads import replay_range
from cryptolens.signals.settings import CycleSettings
from cryptolens.system import migrations

CANDLES = Path(__file__).resolve().parents[1] / "tests" / "data" / "candles" / "BTC-PERP_USD-1m.csv"
MONTH_MINUTES = 43_200
TARGET_SECONDS = 10.0
TARGET_MB = 500.0
LIVE_SAMPLE_MINUTES = 1_440


def month() -> CandleSeries:
    series = read_candles_csv(CANDLES)
    minutes = CandleSeries(
        series.time, series.open, series.high, series.low, series.close, series.volume
    )
    return minutes[:MONTH_MINUTES]


async def store(url: str) -> tuple[int, int]:
    settings = Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
    engine = create_engine(url, settings)
    try:
        await migrations.upgrade(engine)
        async with unit_of_work(create_session_factory(engine)) as session:
            symbol = await market.store_replayed_minutes(session, "BTC/USD", month())
            return symbol.id, int(month().open_time[0])
    finally:
        await engine.dispose()


async def replay(url: str, symbol_id: int, first: int) -> tuple[float, int, int]:
    settings = Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
    engine = create_engine(url, settings)
    try:
        factory = create_session_factory(engine)
        start, end = first + 14 * DAY_MS, first + MONTH_MINUTES * MINUTE_MS
        began = time.perf_counter()
        outcome = await replay_range(factory, symbol_id, start, end, CycleSettings.of(settings))
        return time.perf_counter() - began, outcome.minutes_replayed, len(outcome.signals)
    finally:
        await engine.dispose()


def replay_in_child(url: str, symbol_id: int, first: int, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    seconds, cycles, signals = asyncio.run(replay(url, symbol_id, first))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.put((seconds, cycles, signals, peak_mb))


async def live_rate(url: str, symbol_id: int, first: int) -> float:
    """Cycles a second over the live tables, on a fresh copy of the symbol (a day of cycles)."""
    settings = Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
    engine = create_engine(url, settings)
    try:
        factory = create_session_factory(engine)
        async with unit_of_work(factory) as session:
            copy = await market.store_replayed_minutes(session, "LIVE/USD", month())
        cycle_settings = CycleSettings.of(settings)
        began = time.perf_counter()
        async with unit_of_work(factory) as session:
            for index in range(LIVE_SAMPLE_MINUTES):
                close = first + (index + 1) * MINUTE_MS
                await run_cycle(session, copy.id, close, cycle_settings)
        return LIVE_SAMPLE_MINUTES / (time.perf_counter() - began)
    finally:
        await engine.dispose()


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/bench.db"
        symbol_id, first = asyncio.run(store(url))
        results: multiprocessing.Queue = multiprocessing.get_context("spawn").Queue()  # type: ignore[type-arg]
        child = multiprocessing.get_context("spawn").Process(
            target=replay_in_child, args=(url, symbol_id, first, results)
        )
        child.start()
        seconds, cycles, signals, peak_mb = results.get(timeout=600)
        child.join()
        rate = asyncio.run(live_rate(url, symbol_id, first))
    print(
        f"replay of one month ({cycles:,} cycles, {signals} result signals): {seconds:.2f} s "
        f"({cycles / seconds:,.0f} cycles/s; target < {TARGET_SECONDS:.0f} s)"
    )
    print(f"replay process peak RSS: {peak_mb:.0f} MB (target < {TARGET_MB:.0f} MB)")
    print(
        f"for scale, cycles over the live tables (SQLite): {rate:,.0f} cycles/s, "
        f"so the month would take {cycles / rate:.0f} s there ({cycles / rate / seconds:.0f}x)"
    )
    ok = cycles == MONTH_MINUTES and seconds < TARGET_SECONDS and peak_mb < TARGET_MB
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
