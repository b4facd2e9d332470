"""Runtime settings take effect in the jobs (admin.md "Runtime settings"): a job reads them at
its start, so a change made through the admin API is used by the next scan; the detectors
take min_zone_pct from them; log_level sets the cryptolens loggers; an API process keeps its
copy at most 10 s.

The scan runs the real `scan_symbol` job through the embedded runner, on a hand-built market
(tests/signals/scenario_builder.py) served by the replay source: one bullish setup whose 1m
and 5m fair value gaps agree (confluence 2) when the 5m bucket closes."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.admin.router import ADMIN_PREFIX
from cryptolens.core.cache import MemoryCache
from cryptolens.core.clock import FrozenClock
from cryptolens.db import from_ms, unit_of_work
from cryptolens.jobs.inline import InlineRunner
from cryptolens.jobs.minute import CANDLE_SOURCE
from cryptolens.jobs.runtime import create_jobs_runtime
from cryptolens.market.sources.replay import CsvReplayMarket, CsvSeries, ReplaySource
from cryptolens.patterns.models import Pattern
from cryptolens.settings import Settings
from cryptolens.signals.models import Signal
from cryptolens.system.runtime import service as runtime
from cryptolens.system.runtime.service import RuntimeSettingsMemo
from tests.clients import MakeUserClient
from tests.signals.conftest import store_symbol
from tests.signals.scenario_builder import MinuteScript, bullish_setup, close_time

SETTINGS = f"{ADMIN_PREFIX}/settings"
# Three scanned timeframes, so min_confluence 3 is in range; the script is too short for 15m
# patterns (70 buckets), so only 1m and 5m can agree.
TIMEFRAMES = ("1m", "5m", "15m")


@pytest.fixture
def test_settings(test_settings: Settings) -> Settings:
    return test_settings.model_copy(
        update={
            "scan": test_settings.scan.model_copy(update={"timeframes": TIMEFRAMES}),
            # The first scan of a symbol replays the whole script.
            "signals": test_settings.signals.model_copy(update={"warm_up_minutes": 10_000}),
        }
    )


@pytest.fixture
async def runner(
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> AsyncIterator[InlineRunner]:
    jobs = create_jobs_runtime(test_settings, session_factory, MemoryCache(), clock, None)
    assert jobs.runner is not None
    yield jobs.runner
    await jobs.stop()


def _script() -> MinuteScript:
    script = MinuteScript()
    setup = bullish_setup(script, 100.0, impulse=404)
    script.flat(setup.new_level, 10)
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


async def _scan(
    runner: InlineRunner,
    factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    tmp_path: Path,
    symbol: str,
) -> tuple[list[Pattern], list[Signal]]:
    """Stores the script as `symbol`, then runs the scan_symbol job at its last close."""
    script = _script()
    path = tmp_path / f"{symbol.replace('/', '-')}.csv"
    _write_csv(script, path)
    symbol_id = await store_symbol(factory, symbol, script.series())
    end = close_time(len(script) - 1)
    clock.set(from_ms(end))
    assert runner.ctx is not None
    runner.ctx.resources[CANDLE_SOURCE] = ReplaySource(
        CsvReplayMarket([CsvSeries(symbol, "1m", path)]), clock=lambda: end
    )
    job_id = await runner.enqueue("scan_symbol", symbol=symbol)
    assert job_id is not None
    outcome = await runner.wait_for(job_id)
    assert outcome is not None and outcome.status == "ok", outcome
    async with factory() as session:
        patterns = list(
            await session.scalars(select(Pattern).where(Pattern.symbol_id == symbol_id))
        )
        signals = list(await session.scalars(select(Signal).where(Signal.symbol_id == symbol_id)))
    return patterns, signals


def _fvgs(patterns: list[Pattern]) -> set[tuple[str, str, str]]:
    return {(p.timeframe, p.type, p.direction) for p in patterns if p.type == "fvg"}


async def test_a_settings_change_is_used_by_the_next_scan(
    app: FastAPI,
    make_user_client: MakeUserClient,
    runner: InlineRunner,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    tmp_path: Path,
) -> None:
    admin = await make_user_client(admin=True)
    started = clock.now()

    # At the default (2) the 1m and 5m gaps make a long.
    patterns, signals = await _scan(runner, session_factory, clock, tmp_path, "SETA/USDT")
    assert {("1m", "fvg", "bullish"), ("5m", "fvg", "bullish")} <= _fvgs(patterns)
    assert [(s.direction, s.confluence, s.timeframes) for s in signals] == [("long", 2, "5m,1m")]

    # min_confluence 3: the same market gives the same patterns and no signal.
    clock.set(started)
    response = await admin.http.put(f"{SETTINGS}/min_confluence", json={"value": 3})
    assert response.status_code == 200, response.text
    patterns, signals = await _scan(runner, session_factory, clock, tmp_path, "SETB/USDT")
    assert {("1m", "fvg", "bullish"), ("5m", "fvg", "bullish")} <= _fvgs(patterns)
    assert signals == []

    # Restored to the default: the next scan signals again.
    clock.set(started)
    assert (await admin.http.delete(f"{SETTINGS}/min_confluence")).status_code == 200
    _, signals = await _scan(runner, session_factory, clock, tmp_path, "SETC/USDT")
    assert [(s.direction, s.confluence) for s in signals] == [("long", 2)]
    # The stored signal of the first scan is untouched by the changes.
    async with session_factory() as session:
        assert len(list(await session.scalars(select(Signal)))) == 2


async def test_a_signal_keeps_the_stop_rule_it_was_created_with(
    make_user_client: MakeUserClient,
    runner: InlineRunner,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    tmp_path: Path,
) -> None:
    admin = await make_user_client(admin=True)
    started = clock.now()
    _, kept = await _scan(runner, session_factory, clock, tmp_path, "SETE/USDT")
    response = await admin.http.put(
        f"{SETTINGS}/move_stop_to_entry_after_tp1", json={"value": False}
    )
    assert response.status_code == 200, response.text
    clock.set(started)
    _, changed = await _scan(runner, session_factory, clock, tmp_path, "SETF/USDT")
    async with session_factory() as session:
        stored = {
            signal.id: signal.move_stop_to_entry_after_tp1
            for signal in await session.scalars(select(Signal))
        }
    # The signal made before the change keeps the rule it was made with; the next one has
    # the new rule (signals/service.py : plan_of follows only what is stored).
    assert [stored[s.id] for s in kept] == [True]
    assert [stored[s.id] for s in changed] == [False]


async def test_the_detectors_take_min_zone_pct_from_the_runtime_settings(
    runner: InlineRunner,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    tmp_path: Path,
) -> None:
    # The gaps are about 0.7 % of price: a 1 % minimum leaves no fair value gap at all.
    async with unit_of_work(session_factory) as session:
        await runtime.change_setting(
            session, runner_settings(runner), "min_zone_pct", 1, admin_id=None, now=clock.now()
        )
    patterns, signals = await _scan(runner, session_factory, clock, tmp_path, "SETD/USDT")
    assert _fvgs(patterns) == set()
    assert signals == []


def runner_settings(runner: InlineRunner) -> Settings:
    assert runner.ctx is not None
    return runner.ctx.settings


async def test_log_level_sets_the_cryptolens_loggers_at_the_next_job_start(
    runner: InlineRunner,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    logger = logging.getLogger("cryptolens")
    previous = logger.level
    try:
        async with unit_of_work(session_factory) as session:
            await runtime.change_setting(
                session,
                runner_settings(runner),
                "log_level",
                "ERROR",
                admin_id=None,
                now=clock.now(),
            )
        assert logger.level == previous  # nothing until a job starts
        job_id = await runner.enqueue("refresh_stats")
        assert job_id is not None
        outcome = await runner.wait_for(job_id)
        assert outcome is not None and outcome.status == "ok", outcome
        assert logger.level == logging.ERROR
        assert logging.getLogger("cryptolens.signals").getEffectiveLevel() == logging.ERROR
    finally:
        logger.setLevel(previous)


async def test_an_api_process_keeps_its_copy_at_most_ten_seconds(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
) -> None:
    seconds = [0.0]
    memo = RuntimeSettingsMemo(monotonic=lambda: seconds[0])
    assert memo.ttl_seconds == 10.0
    assert (await memo.get(session_factory, test_settings)).signals.default_rr == 3.0
    async with unit_of_work(session_factory) as session:
        await runtime.change_setting(
            session, test_settings, "default_rr", 5, admin_id=None, now=clock.now()
        )
    seconds[0] = 9.9
    assert (await memo.get(session_factory, test_settings)).signals.default_rr == 3.0
    seconds[0] = 10.0
    assert (await memo.get(session_factory, test_settings)).signals.default_rr == 5.0


def test_effective_settings_carry_every_key_into_its_group(test_settings: Settings) -> None:
    from cryptolens.system.runtime import registry

    values = registry.resolve(
        test_settings,
        {
            "min_confluence": 3,
            "confluence_timeframes": ["15m", "1m", "5m"],
            "signal_cooldown_hours": 0,
            "require_trend_alignment": True,
            "notifications_enabled": False,
            "notify_max_age_minutes": 30,
            "ob_impulse_multiplier": 2,
            "log_level": "DEBUG",
            # No longer valid (e.g. the environment changed): the default stays.
            "default_rr": 50,
        },
    )
    effective = registry.apply(test_settings, values)
    assert effective.signals.min_confluence == 3
    assert effective.signals.confluence_timeframes == ("1m", "5m", "15m")
    assert effective.signals.cooldown_ms == 0
    assert effective.signals.require_trend_alignment is True
    assert effective.signals.default_rr == 3.0
    assert effective.notifications.enabled is False
    assert effective.notifications.max_age_minutes == 30
    assert effective.scan.ob_impulse_multiplier == 2.0
    assert effective.log_level == "DEBUG"
    # The environment's settings are untouched.
    assert test_settings.signals.min_confluence == 2 and test_settings.log_level != "DEBUG"
