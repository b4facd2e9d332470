"""Fan-out throughput: one signal pushed to 10,000 users through the real job function, to
the fake NTFY server (tests/fakes/ntfy.py) running in its own process, delivery rows
included (written in batches). Target: 10,000 deliveries in under 10 seconds.

Pool settings used here are the defaults: 16 keep-alive connections, 16 pushes in flight,
batches of 500 users. Outcomes are committed as the pushes complete, and a push's slot is
given back only once its outcome is (notifications/sending.py): a crash repeats at most 16.
The shared httpx client sends through aiohttp's pool (notifications/aiohttp_transport.py):
httpcore's own pool cost more CPU per request the more requests were in flight and capped
this at ~400 pushes/s.

Run: .venv/bin/python bench/bench_notifications.py [--users N] [--mysql-url SERVER_URL]
(SQLite, then a throwaway MariaDB database on the server)."""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from multiprocessing.process import BaseProcess
from pathlib import Path

from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fakes.ntfy import serve_forever  # noqa: E402
from tests.notifications.factories import UserSpec, add_signal, add_users  # noqa: E402

from cryptolens.core.cache import MemoryCache  # noqa: E402
from cryptolens.core.clock import SystemClock  # noqa: E402
from cryptolens.db import create_engine, create_session_factory  # noqa: E402
from cryptolens.jobs.runtime import create_jobs_runtime  # noqa: E402
from cryptolens.models_registry import load_all_models  # noqa: E402
from cryptolens.notifications.models import UserNotification  # noqa: E402
from cryptolens.notifications.tasks import notify_signal  # noqa: E402
from cryptolens.settings import NotificationSettings, Settings  # noqa: E402
from cryptolens.system import migrations  # noqa: E402
from throwaway_mysql import DEFAULT_SERVER_URL, throwaway_database  # noqa: E402

BENCH_DATABASE = "cryptolens_bench_notifications"
TARGET_SECONDS = 10.0
CONCURRENCY = 16


def start_fake_ntfy() -> tuple[BaseProcess, str]:
    context = multiprocessing.get_context("spawn")
    port_queue = context.Queue()
    process = context.Process(target=serve_forever, args=(port_queue,), daemon=True)
    process.start()
    return process, str(port_queue.get(timeout=120))


async def run(users: int, database_url: str | None, var_dir: Path, ntfy_url: str) -> bool:
    url = database_url or f"sqlite+aiosqlite:///{(var_dir / 'bench.db').as_posix()}"
    pushes = NotificationSettings(
        ntfy_url=ntfy_url, concurrency=CONCURRENCY, max_connections=CONCURRENCY
    )
    settings = Settings(
        _env_file=None, env="test", var_dir=var_dir, database_url=url, notifications=pushes
    )
    engine = create_engine(url, settings)
    await migrations.upgrade(engine)
    factory = create_session_factory(engine)
    now = datetime.now(UTC)
    # Premium users with default preferences: every one is entitled to the push at once.
    await add_users(factory, [UserSpec(tier="premium")] * users, now)
    signal_id = await add_signal(factory, now)
    runtime = create_jobs_runtime(settings, factory, MemoryCache(), SystemClock(), None)

    started = time.perf_counter()
    counters = await notify_signal(runtime.ctx, signal_id=signal_id)
    elapsed = time.perf_counter() - started

    async with factory() as db:
        statuses = Counter(
            await db.scalars(
                select(UserNotification.status).where(UserNotification.signal_id == signal_id)
            )
        )
    await runtime.stop()
    await engine.dispose()
    print(f"database: {engine.dialect.name}; users: {users}")
    print(
        f"pool: {pushes.max_connections} connections, {pushes.concurrency} in flight, "
        f"batches of {pushes.batch_size}"
    )
    print(f"delivery rows: {dict(statuses)}; job counters: {counters.details}")
    print(
        f"fan-out: {counters.notifications_sent} pushes in {elapsed:.2f} s = "
        f"{counters.notifications_sent / elapsed:,.0f} pushes/s"
    )
    scaled = elapsed * 10_000 / users
    passed = statuses.get("sent") == users and scaled < TARGET_SECONDS
    print(
        f"target: 10,000 deliveries < {TARGET_SECONDS:.0f} s -> {scaled:.2f} s "
        f"{'PASS' if passed else 'FAIL'}"
    )
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--mysql-url", default=DEFAULT_SERVER_URL, help="a MariaDB server")
    args = parser.parse_args()
    load_all_models()
    process, ntfy_url = start_fake_ntfy()
    try:
        passed = asyncio.run(both_databases(args.users, args.mysql_url, ntfy_url))
    finally:
        process.terminate()
        process.join(5)
    return 0 if passed else 1


async def both_databases(users: int, mysql_server_url: str, ntfy_url: str) -> bool:
    """The embedded default (SQLite), then production's database (MariaDB)."""
    with tempfile.TemporaryDirectory(prefix="bench-notifications-") as tmp:
        passed = await run(users, None, Path(tmp), ntfy_url)
        print()
        async with throwaway_database(mysql_server_url, BENCH_DATABASE) as url:
            passed &= await run(users, url, Path(tmp), ntfy_url)
    return passed


if __name__ == "__main__":
    sys.exit(main())
