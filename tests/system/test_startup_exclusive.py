"""Serving processes started together on one database take turns through the start-up work
that writes (loading the replay market, the demo accounts): none fails on another's lock or
rows, none starts on a half-loaded market. Real `cryptolens serve` processes, both backends."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.market.models import Candle
from cryptolens.startup.exclusive import one_process_at_a_time
from tests.processes import ApiProcess, free_port, start_api

READY = "CryptoLens is ready"


async def _logged(api: ApiProcess, line: str, *, times: int = 1) -> None:
    deadline = asyncio.get_running_loop().time() + 120
    while api.log_path.read_text().count(line) < times:
        assert api.process.poll() is None, api.log_tail()
        assert asyncio.get_running_loop().time() < deadline, api.log_tail()
        await asyncio.sleep(0.1)


async def test_a_process_waits_while_another_holds_the_start_up_lock(
    db_engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    tmp_path: Path,
) -> None:
    url = db_engine.url.render_as_string(hide_password=False)
    async with one_process_at_a_time(db_engine):
        api = start_api(tmp_path, database_url=url, redis_url=None)
        try:
            await _logged(api, "startup.waiting_for_another_process")
            await asyncio.sleep(2)
            assert api.process.poll() is None, api.log_tail()
            log = api.log_path.read_text()
            assert "startup.data_source" not in log
            assert "market.demo_loaded" not in log
        except BaseException:
            api.stop()
            raise
    try:
        await api.wait_live(within_seconds=240)
        assert "market.demo_loaded" in api.log_path.read_text()
    finally:
        api.stop()


async def test_the_exchange_is_asked_before_the_turn_only_the_writes_wait(
    db_engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],  # empties the tables afterwards
    tmp_path: Path,
) -> None:
    """A process starting on an empty database probes the exchange while another holds the
    lock (processes started together do not wait out each other's probe timeout); the replay
    market it falls back to is loaded only in its turn."""
    url = db_engine.url.render_as_string(hide_password=False)
    nothing_listens = f"http://127.0.0.1:{free_port()}"
    exchange = {
        "CRYPTOLENS_DATA_SOURCE": "exchange",
        "CRYPTOLENS_EXCHANGE_API_URL": nothing_listens,
    }
    async with one_process_at_a_time(db_engine):
        api = start_api(tmp_path, database_url=url, redis_url=None, env=exchange)
        try:
            await _logged(api, "startup.waiting_for_another_process")
            await _logged(api, "market.replay_fallback")
            assert "market.demo_loaded" not in api.log_path.read_text()
        except BaseException:
            api.stop()
            raise
    try:
        await api.wait_live(within_seconds=240)
        log = api.log_path.read_text()
        assert log.index("market.replay_fallback") < log.index("market.demo_loaded"), log
    finally:
        api.stop()


async def _launch_log(tmp_path: Path, url: str, workers: int) -> str:
    """The log of a launch of `workers` processes, once every one of them has started."""
    api = start_api(tmp_path, database_url=url, redis_url=None, workers=workers)
    try:
        await api.wait_live(within_seconds=240)
        await _logged(api, "Application startup complete.", times=workers)
        return api.log_path.read_text()
    finally:
        api.stop()


async def test_three_workers_on_a_fresh_database_load_the_demo_once_and_all_serve(
    db_engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    tmp_path: Path,
) -> None:
    """Also one console start block per launch (core/launch.py), not one per worker: the
    first launch's from the process that made the demo accounts, with their passwords."""
    url = db_engine.url.render_as_string(hide_password=False)
    embedded = db_engine.dialect.name == "sqlite"  # the demo accounts exist there only

    log = await _launch_log(tmp_path / "first", url, workers=3)

    assert "failed to start" not in log
    loads = [line for line in log.splitlines() if "market.demo_loaded" in line]
    assert len(loads) == 1, log
    stored = int(loads[0].rsplit("candles=", 1)[1].split()[0])
    async with session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(Candle)) == stored
    assert log.count(READY) == 1, log
    if embedded:
        assert log.count("auth.demo_accounts_created count=4") == 1
        assert "demo_accounts_made_by_another_process" not in log
        assert "Demo accounts (passwords shown once):" in log, log

    # A new launch (its own launch directory): its own block again, the accounts by email.
    again = await _launch_log(tmp_path / "again", url, workers=2)
    assert again.count(READY) == 1, again
    assert "market.demo_loaded" not in again
    if embedded:
        assert "Demo accounts (passwords shown at the first start):" in again, again
