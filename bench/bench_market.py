"""Market-data benchmarks (run by `make bench`).

1. Bulk upsert throughput of 1,000,000 1m candles into SQLite and into MariaDB/MySQL (a
   throwaway database `cryptolens_bench`, created, migrated with alembic and dropped here),
   first as inserts, then again as updates of the same rows. Target on MariaDB: >= 50,000 rows/s.
2. Aggregation of 1,000,000 1m candles into 5m, 15m, 1h, 4h and 1d. Target: < 0.5 s.

MariaDB: CRYPTOLENS_BENCH_MYSQL_URL (a server URL without database), default
mysql+asyncmy://root@127.0.0.1:3306. Exits non-zero when a target is missed (`make bench` fails).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from cryptolens.db import create_engine, create_session_factory, unit_of_work, utcnow
from cryptolens.market import repository
from cryptolens.market.aggregation import aggregate_many
from cryptolens.market.candles import CandleSeries
from cryptolens.market.models import Symbol
from cryptolens.settings import Settings
from cryptolens.system import migrations
from throwaway_mysql import DEFAULT_SERVER_URL, throwaway_database

ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))
MINUTE_MS = 60_000
BENCH_DATABASE = "cryptolens_bench"
UPSERT_TARGET_ROWS_PER_S = 50_000
AGGREGATION_TARGET_S = 0.5
BUILT = ["5m", "15m", "1h", "4h", "1d"]


def synthetic_minutes(count: int, seed: int = 1) -> CandleSeries:
    rng = np.random.default_rng(seed)
    start = 1_600_000_000_000 - 1_600_000_000_000 % 86_400_000
    closes = 30_000 * np.exp(np.cumsum(rng.normal(0, 0.0008, count)))
    opens = np.concatenate(([30_000.0], closes[:-1]))
    wick = np.abs(rng.normal(0, 0.0005, (2, count)))
    return CandleSeries(
        open_time=start + np.arange(count, dtype=np.int64) * MINUTE_MS,
        open=np.round(opens, 2),
        high=np.round(np.maximum(opens, closes) * (1 + wick[0]), 2),
        low=np.round(np.minimum(opens, closes) * (1 - wick[1]), 2),
        close=np.round(closes, 2),
        volume=np.round(rng.lognormal(1, 0.8, count), 4),
    )


async def upsert_throughput(url: str, minutes: CandleSeries) -> tuple[float, float]:
    """Rows per second for the first upsert (inserts) and the second (updates)."""
    settings = Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
    engine = create_engine(url, settings)
    try:
        await migrations.upgrade(engine)
        factory = create_session_factory(engine)
        async with unit_of_work(factory) as session:
            symbol = await repository.add_symbol(
                session,
                Symbol(
                    symbol="BENCH/USDT",
                    exchange="bench",
                    base="BENCH",
                    quote="USDT",
                    added_at=utcnow(),
                ),
            )
        rates = []
        for _ in range(2):
            started = time.perf_counter()
            async with unit_of_work(factory) as session:
                written = await repository.upsert_candles(session, symbol.id, "1m", minutes)
            rates.append(written / (time.perf_counter() - started))
        async with factory() as session:
            assert await repository.count_candles(session, symbol.id, "1m") == len(minutes)
        return rates[0], rates[1]
    finally:
        await engine.dispose()


async def mysql_throughput(server_url: str, minutes: CandleSeries) -> tuple[float, float]:
    async with throwaway_database(server_url, BENCH_DATABASE) as bench_url:
        return await upsert_throughput(bench_url, minutes)


def aggregation_seconds(minutes: CandleSeries, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        built = aggregate_many(minutes, BUILT)
        best = min(best, time.perf_counter() - started)
    assert len(built["1d"]) == len(minutes) // 1_440
    return best


def verdict(ok: bool) -> str:
    return "ok" if ok else "BELOW TARGET"


async def main() -> int:
    minutes = synthetic_minutes(ROWS)
    missed = False

    seconds = aggregation_seconds(minutes)
    print(
        f"aggregate {ROWS:,} 1m candles into {', '.join(BUILT)}: {seconds:.3f} s "
        f"(target < {AGGREGATION_TARGET_S} s) {verdict(seconds < AGGREGATION_TARGET_S)}"
    )
    missed |= seconds >= AGGREGATION_TARGET_S

    with tempfile.TemporaryDirectory() as folder:
        sqlite_url = f"sqlite+aiosqlite:///{(Path(folder) / 'bench.db').as_posix()}"
        inserts, updates = await upsert_throughput(sqlite_url, minutes)
    print(
        f"upsert {ROWS:,} candles, SQLite: {inserts:,.0f} rows/s new, {updates:,.0f} rows/s again"
    )

    server_url = os.environ.get("CRYPTOLENS_BENCH_MYSQL_URL", DEFAULT_SERVER_URL)
    try:
        inserts, updates = await mysql_throughput(server_url, minutes)
    except OSError as error:
        print(f"upsert, MariaDB: skipped, server unreachable ({error})")
        return 1
    ok = min(inserts, updates) >= UPSERT_TARGET_ROWS_PER_S
    print(
        f"upsert {ROWS:,} candles, MariaDB: {inserts:,.0f} rows/s new, {updates:,.0f} rows/s "
        f"again (target >= {UPSERT_TARGET_ROWS_PER_S:,}) {verdict(ok)}"
    )
    missed |= not ok
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
