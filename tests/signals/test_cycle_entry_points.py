"""`cryptolens backtest` and the live entry point run the same cycle: the same patterns,
signals and statistics; the command itself imports a CSV, replays it and is idempotent."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.core.metrics import SIGNAL_OUTCOMES_TOTAL, SIGNALS_TOTAL
from cryptolens.core.timeframes import MINUTE_MS
from cryptolens.db import unit_of_work
from cryptolens.market.candles import CandleSeries
from cryptolens.patterns.models import Pattern
from cryptolens.settings import SignalSettings
from cryptolens.signals.commands import backtest
from cryptolens.signals.cycle import CycleResult
from cryptolens.signals.lifecycle import FINAL_STATUSES
from cryptolens.signals.live_cycles import run_pending_cycles
from cryptolens.signals.models import Signal
from cryptolens.signals.repository import last_cycle_at
from cryptolens.signals.settings import CycleSettings
from cryptolens.signals.setups import setup_statistics
from cryptolens.signals.tasks import count_signal_metrics
from tests.signals.conftest import head, store_symbol

# The first signals come 703 and 958 candles into the file; MariaDB replays a shorter slice.
CYCLES = {"sqlite": 1_500, "mysql": 1_100}
MIN_SIGNALS = {"sqlite": 3, "mysql": 2}

_SIGNAL_FIELDS = (
    "direction",
    "entry",
    "stop_loss",
    "take_profit_3",
    "created_at",
    "status",
    "triggered_at",
    "stopped_at",
    "tp1_at",
    "outcome_r",
    "setup_stats",
)


async def _outcome(
    factory: async_sessionmaker[AsyncSession], symbol_id: int, now: int
) -> tuple[list[Any], list[Any], list[Any]]:
    async with factory() as session:
        patterns = (
            await session.execute(
                select(
                    Pattern.timeframe,
                    Pattern.type,
                    Pattern.direction,
                    Pattern.formed_at,
                    Pattern.status,
                    Pattern.fill_pct,
                )
                .where(Pattern.symbol_id == symbol_id)
                .order_by(Pattern.formed_at, Pattern.timeframe, Pattern.type, Pattern.direction)
            )
        ).all()
        signals = [
            tuple(getattr(s, name) for name in _SIGNAL_FIELDS)
            for s in await session.scalars(
                select(Signal).where(Signal.symbol_id == symbol_id).order_by(Signal.created_at)
            )
        ]
        statistics = [
            (line.anchor_type, line.anchor_timeframe, line.windows)
            for line in await setup_statistics(
                session, now, SignalSettings().stats_windows_days, symbol_id=symbol_id
            )
        ]
    return list(patterns), signals, list(statistics)


async def test_backtest_equals_live_minute_by_minute(
    session_factory: async_sessionmaker[AsyncSession],
    db_engine: AsyncEngine,
    anon_minutes: CandleSeries,
) -> None:
    backend = db_engine.dialect.name
    minutes = head(anon_minutes, CYCLES[backend])
    settings = CycleSettings()
    replayed = await store_symbol(session_factory, "ANON/BTC", minutes)
    live = await store_symbol(session_factory, "LIVE/BTC", minutes)
    now = int(minutes.open_time[-1]) + MINUTE_MS

    report, _ = await backtest(session_factory, replayed, 0, None, settings)
    assert report.cycles == CYCLES[backend]
    assert report.signals_created >= MIN_SIGNALS[backend]

    counted_before = _signal_metrics()
    cycles: list[CycleResult] = []
    for close in (minutes.open_time + MINUTE_MS).tolist():
        # Each minute the live job runs the cycles its fetch made due (here: one).
        async with unit_of_work(session_factory) as session:
            cycles += await run_pending_cycles(session, live, int(close), settings)
        count_signal_metrics(cycles[-1:])
    assert len(cycles) == CYCLES[backend]

    assert await _outcome(session_factory, live, now) == await _outcome(
        session_factory, replayed, now
    )
    # The metrics counted each new signal by direction and each final status once.
    async with session_factory() as session:
        stored = list(await session.scalars(select(Signal).where(Signal.symbol_id == live)))
    expected = Counter(("signals", s.direction) for s in stored) + Counter(
        ("outcomes", s.status) for s in stored if s.status in FINAL_STATUSES
    )
    assert any(key[0] == "outcomes" for key in expected)
    assert _signal_metrics() - counted_before == expected
    await _check_ended_patterns(session_factory, live, cycles)


async def _check_ended_patterns(
    factory: async_sessionmaker[AsyncSession], symbol_id: int, cycles: list[CycleResult]
) -> None:
    """A cycle names the patterns that stopped being active (the counts /stats caches depend
    on), each once, apart from those whose fill or touch only moved."""
    ended = [pattern_id for cycle in cycles for pattern_id in cycle.patterns_ended]
    updated = {pattern_id for cycle in cycles for pattern_id in cycle.patterns_updated}
    async with factory() as session:
        stored = list(await session.scalars(select(Pattern).where(Pattern.symbol_id == symbol_id)))
    finished = {p.id for p in stored if p.status != "active"}
    assert len(ended) == len(set(ended))
    assert set(ended) == finished & updated
    fill_only = [c for c in cycles if c.patterns_updated and not c.patterns_ended]
    assert fill_only, "the series moved no pattern's fill alone"
    assert any(not c.changed_counts and c.changed_anything for c in fill_only)


def _signal_metrics() -> Counter[tuple[str, str]]:
    counted: Counter[tuple[str, str]] = Counter()
    for family, kind, label in (
        (SIGNALS_TOTAL, "signals", "direction"),
        (SIGNAL_OUTCOMES_TOTAL, "outcomes", "outcome"),
    ):
        for metric in family.collect():
            for sample in metric.samples:
                if sample.name.endswith("_total"):
                    counted[(kind, sample.labels[label])] += int(sample.value)
    return counted


async def test_live_catch_up_runs_every_missed_minute_once(
    session_factory: async_sessionmaker[AsyncSession], anon_minutes: CandleSeries
) -> None:
    minutes = head(anon_minutes, 200)
    symbol_id = await store_symbol(session_factory, "ANON/BTC", minutes)
    closes = (minutes.open_time + MINUTE_MS).tolist()
    async with unit_of_work(session_factory) as session:
        first = await run_pending_cycles(
            session,
            symbol_id,
            int(closes[100]),
            CycleSettings(signals=SignalSettings(warm_up_minutes=30)),
        )
    # The warm-up replays the 30 minutes before the first live cycle and stores them; only the
    # first live cycle (T0) is a cycle result.
    assert [r.close for r in first] == closes[100:101]
    async with session_factory() as session:
        assert await last_cycle_at(session, symbol_id) == closes[100]
    async with unit_of_work(session_factory) as session:
        missed = await run_pending_cycles(session, symbol_id, int(closes[-1]), CycleSettings())
        again = await run_pending_cycles(session, symbol_id, int(closes[-1]), CycleSettings())
    assert [r.close for r in missed] == closes[101:]
    assert again == []


def _write_csv(path: Path, minutes: CandleSeries) -> None:
    rows = ["time,open,high,low,close,volume"]
    for values in zip(
        minutes.open_time.tolist(),
        minutes.open.tolist(),
        minutes.high.tolist(),
        minutes.low.tolist(),
        minutes.close.tolist(),
        minutes.volume.tolist(),
        strict=True,
    ):
        rows.append(",".join(repr(value) for value in values))
    path.write_text("\n".join(rows) + "\n")


def test_backtest_command_imports_replays_and_is_idempotent(
    tmp_path: Path,
    anon_minutes: CandleSeries,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import asyncio

    from cryptolens.cli import main
    from cryptolens.db import create_engine
    from cryptolens.settings import get_settings
    from cryptolens.system import migrations

    url = f"sqlite+aiosqlite:///{(tmp_path / 'backtest.db').as_posix()}"
    monkeypatch.setenv("CRYPTOLENS_DATABASE_URL", url)
    monkeypatch.setenv("CRYPTOLENS_VAR_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        settings = get_settings()

        async def migrate() -> None:
            engine = create_engine(url, settings)
            await migrations.upgrade(engine)
            await engine.dispose()

        asyncio.run(migrate())
        csv_path = tmp_path / "anon.csv"
        _write_csv(csv_path, head(anon_minutes, 700))
        since = str(int(anon_minutes.open_time[0]))
        args = ["backtest", "--symbol", "ANON/BTC", "--since", since, "--file", str(csv_path)]
        assert main(args) == 0
        first = capsys.readouterr().out
        assert "ANON/BTC: 700 cycles" in first
        assert main(["backtest", "--symbol", "ANON/BTC", "--since", since]) == 0
        second = capsys.readouterr().out
        assert "0 new patterns, 0 new signals" in second
        assert "new patterns, 0 new signals" in first and " 0 new patterns" not in first
        assert main(["backtest", "--symbol", "NOPE/BTC", "--since", since]) == 1
        bad = tmp_path / "bad.csv"
        bad.write_text("time,open,high,low,close,volume\n1,2,1,1,1,1\n")
        assert main([*args[:-1], str(bad)]) == 2
        assert np.isfinite(float(since))
    finally:
        get_settings.cache_clear()


def test_scan_command_runs_the_pending_cycles_once(
    tmp_path: Path,
    anon_minutes: CandleSeries,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import asyncio

    from cryptolens.cli import main
    from cryptolens.db import create_engine, create_session_factory
    from cryptolens.market import service as market
    from cryptolens.settings import get_settings
    from cryptolens.system import migrations

    url = f"sqlite+aiosqlite:///{(tmp_path / 'scan.db').as_posix()}"
    monkeypatch.setenv("CRYPTOLENS_DATABASE_URL", url)
    monkeypatch.setenv("CRYPTOLENS_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("CRYPTOLENS_SIGNAL_WARM_UP_MINUTES", "120")
    get_settings.cache_clear()
    try:
        settings = get_settings()

        async def prepare() -> None:
            engine = create_engine(url, settings)
            await migrations.upgrade(engine)
            async with unit_of_work(create_session_factory(engine)) as session:
                await market.store_replayed_minutes(session, "ANON/BTC", head(anon_minutes, 600))
            await engine.dispose()

        asyncio.run(prepare())
        assert main(["scan"]) == 0
        first = capsys.readouterr().out.splitlines()
        # The stored minutes of the 120 before the newest are the warm-up (the series has
        # holes); the newest is the live cycle.
        opens = head(anon_minutes, 600).open_time
        warmed = int(((opens >= opens[-1] - 120 * MINUTE_MS) & (opens < opens[-1])).sum())
        assert 100 < warmed < 120
        assert first[0].startswith(f"ANON/BTC: warm-up replayed {warmed} cycles, ")
        assert " 0 patterns" not in first[0]
        assert first[1].startswith("ANON/BTC: 1 cycles, ")
        assert main(["scan", "--symbol", "ANON/BTC"]) == 0
        assert capsys.readouterr().out.startswith("ANON/BTC: 0 cycles, 0 patterns, 0 signals")
        assert main(["scan", "--symbol", "NOPE/BTC"]) == 1
        assert "NOPE/BTC: not a followed symbol" in capsys.readouterr().err
    finally:
        get_settings.cache_clear()
