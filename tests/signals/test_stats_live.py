"""GET /stats follows the scans: the statistics are cached for minutes, but a scan that creates
or resolves a signal renews their generation before its live events go out, so the next read
(the SPA's, on the event) shows the new signal and the new win rate at once, for every tier's
scope. Runs the real `scan_symbol` job through the embedded runner, sharing the app's cache
(in-process, or Redis as between a worker and the API processes), on a hand-built market
(tests/signals/scenario_builder.py) served by the replay source on the test's clock."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from redis import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import from_ms, to_ms
from cryptolens.jobs.inline import InlineRunner
from cryptolens.jobs.minute import CANDLE_SOURCE
from cryptolens.jobs.runtime import create_jobs_runtime
from cryptolens.market.sources.replay import CsvReplayMarket, CsvSeries, ReplaySource
from cryptolens.resources import app_resources
from cryptolens.settings import Settings
from cryptolens.signals.models import Signal
from tests.clients import MakeUserClient
from tests.conftest import REDIS_URL
from tests.signals.conftest import head, store_symbol
from tests.signals.scenario_builder import (
    Candle,
    MinuteScript,
    bullish_setup,
    close_time,
)

SYMBOL = "BTC/USDT"  # the free tier's symbol: its scope counts it too
TIMEFRAMES = ("1m", "5m", "15m")
IMPULSE = 404
# The long's cycle: its 5m FVG completes when this minute's bucket closes (scenario 1 of
# tests/signals/test_scenarios.py).
SIGNAL_MINUTE = IMPULSE + 5


def _script() -> MinuteScript:
    """The long of scenario 1, then a dip to its entry (about 100.7) and a rally through its
    targets (the stop stays below 100)."""
    script = MinuteScript()
    setup = bullish_setup(script, 100.0, impulse=IMPULSE)
    script.flat(setup.new_level, 10)
    script.add(Candle(setup.new_level, setup.new_level + 0.02, 100.6, 100.75))
    for high in (101.5, 102.5, 103.5, 104.5, 105.5):
        script.add(Candle(high - 1.0, high, high - 1.05, high - 0.05))
    script.flat(105.45, 5)
    return script


def _write_csv(script: MinuteScript, path: Path) -> None:
    series = script.series()
    lines = ["time,open,high,low,close,volume"]
    for row in zip(
        series.open_time.tolist(),
        series.open.tolist(),
        series.high.tolist(),
        series.low.tolist(),
        series.close.tolist(),
        series.volume.tolist(),
        strict=True,
    ):
        lines.append(",".join(repr(value) for value in row))
    path.write_text("\n".join(lines) + "\n")


def _forget_cached_stats() -> None:
    """No statistics cached by an earlier test in this Redis database."""
    assert REDIS_URL
    client: Redis = Redis.from_url(REDIS_URL)
    try:
        stale = list(client.scan_iter(match="cryptolens:cache:stats:*", count=1000))
        if stale:
            client.delete(*stale)
    finally:
        client.close()


@pytest.fixture(params=["memory", "redis"])
def test_settings(request: pytest.FixtureRequest, test_settings: Settings) -> Settings:
    update: dict[str, Any] = {
        "scan": test_settings.scan.model_copy(update={"timeframes": TIMEFRAMES}),
        # The first scan of the symbol replays its stored minutes.
        "signals": test_settings.signals.model_copy(update={"warm_up_minutes": 10_000}),
    }
    if request.param == "redis":
        if not REDIS_URL:
            pytest.skip("CRYPTOLENS_TEST_REDIS_URL is not set")
        _forget_cached_stats()
        update["redis_url"] = REDIS_URL
    return test_settings.model_copy(update=update)


@pytest.fixture
def script_clock(clock: FrozenClock) -> Iterator[FrozenClock]:
    """The clock at the close of the minute before the signal's, before any user exists (their
    sessions and subscriptions start then)."""
    clock.set(from_ms(close_time(SIGNAL_MINUTE - 1)))
    yield clock


@pytest.fixture
async def scanner(
    app: FastAPI,
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    script_clock: FrozenClock,
    tmp_path: Path,
) -> AsyncIterator[InlineRunner]:
    """The embedded runner on the app's own cache (as a worker shares the API's Redis), its
    candle source replaying the script up to the test's clock."""
    cache = app_resources(app).cache
    jobs = create_jobs_runtime(test_settings, session_factory, cache, script_clock, None)
    assert jobs.runner is not None and jobs.runner.ctx is not None
    path = tmp_path / "script.csv"
    _write_csv(_script(), path)
    jobs.runner.ctx.resources[CANDLE_SOURCE] = ReplaySource(
        CsvReplayMarket([CsvSeries(SYMBOL, "1m", path)]), clock=lambda: to_ms(script_clock.now())
    )
    yield jobs.runner
    await jobs.stop()


async def _scan(runner: InlineRunner) -> None:
    job_id = await runner.enqueue("scan_symbol", symbol=SYMBOL)
    assert job_id is not None
    outcome = await runner.wait_for(job_id)
    assert outcome is not None and outcome.status == "ok", outcome


async def _signals(factory: async_sessionmaker[AsyncSession]) -> list[Signal]:
    async with factory() as session:
        return list(await session.scalars(select(Signal)))


def _month(stats: dict[str, Any]) -> tuple[int, int, int, float | None]:
    window = next(w for w in stats["overall"] if w["window_days"] == 30)
    return window["count"], window["wins"], window["decided"], window["win_rate"]


async def test_stats_show_a_new_and_a_resolved_signal_at_the_next_read(
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    scanner: InlineRunner,
    script_clock: FrozenClock,
) -> None:
    # The minutes before the signal's are stored; the scan replays them (patterns, no signal).
    await store_symbol(session_factory, SYMBOL, head(_script().series(), SIGNAL_MINUTE))
    await _scan(scanner)
    assert await _signals(session_factory) == []

    premium = (await make_user_client("premium")).http
    free = (await make_user_client("free")).http

    async def stats() -> list[dict[str, Any]]:
        seen = []
        for http in (premium, free):
            response = await http.get("/api/v1/stats")
            assert response.status_code == 200, response.text
            seen.append(response.json()["data"])
        return seen

    for seen in await stats():  # now cached, for minutes, per scope
        assert seen["signals_today"] == 0
        assert seen["overall"] == []  # no signal, no line
    assert [seen["scope"]["symbols"] for seen in await stats()] == [None, [SYMBOL]]

    # The next minute's scan fetches the signal's minute and creates the long.
    script_clock.set(from_ms(close_time(SIGNAL_MINUTE)))
    await _scan(scanner)
    [signal] = await _signals(session_factory)
    assert (signal.direction, signal.status) == ("long", "pending")
    for seen in await stats():
        assert seen["signals_today"] == 1, seen["scope"]
        assert _month(seen) == (1, 0, 0, None), seen["scope"]

    # The rest of the script: the entry is hit, then the targets (a tp1 counts as a win).
    script_clock.set(from_ms(close_time(len(_script()) - 1)))
    await _scan(scanner)
    [signal] = await _signals(session_factory)
    assert signal.triggered_at is not None and signal.tp1_at is not None, signal.status
    for seen in await stats():
        assert seen["signals_today"] == 1, seen["scope"]
        assert _month(seen) == (1, 1, 1, 1.0), seen["scope"]
