"""`cryptolens backtest`: replays a symbol's stored 1m candles (optionally imported from a CSV
first) through the live cycle and prints the setup statistics. `cryptolens scan`: runs the
pending live cycles of followed symbols on what is stored (no fetch)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from tqdm import tqdm

from cryptolens.core.instants import instant_argument
from cryptolens.core.logging import configure_logging
from cryptolens.db import create_engine, create_session_factory, to_ms, unit_of_work
from cryptolens.market import service as market
from cryptolens.patterns import service as patterns
from cryptolens.settings import Settings, get_settings
from cryptolens.signals.live_cycles import run_pending_cycles
from cryptolens.signals.settings import CycleSettings
from cryptolens.signals.setups import SetupStatistics, setup_statistics
from cryptolens.signals.warm_up import warm_up_if_new
from cryptolens.signals.workflows import ReplayReport, plan_replay, replay_cycles

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def register(subparsers: Any) -> None:
    backtest = subparsers.add_parser(
        "backtest", help="replay stored 1m candles through the signal cycle, as live"
    )
    backtest.add_argument("--symbol", required=True, help="like BTC/USDT")
    backtest.add_argument("--since", required=True, type=instant_argument, help="ISO-8601 or ms")
    backtest.add_argument("--until", type=instant_argument, help="up to DATE (exclusive)")
    backtest.add_argument("--file", type=Path, help="import this CSV of 1m candles first")
    backtest.set_defaults(handler=run_backtest)

    scan = subparsers.add_parser(
        "scan", help="run the pending detection/signal cycles on stored candles (no fetch)"
    )
    scan.add_argument(
        "--symbol", action="append", help="like BTC/USDT (repeatable; default: every followed)"
    )
    scan.set_defaults(handler=run_scan)


def run_backtest(args: argparse.Namespace) -> int:
    settings = get_settings()
    configure_logging(
        "WARNING" if settings.log_level.upper() == "INFO" else settings.log_level,
        settings.log_format,
    )
    minutes = None
    if args.file is not None:
        try:
            detector_series = patterns.read_candles_csv(args.file)
        except (patterns.CandleFileError, OSError) as error:
            print(f"{args.file}: {error}", file=sys.stderr)
            return EXIT_BAD_INPUT
        minutes = market.CandleSeries(
            detector_series.time,
            detector_series.open,
            detector_series.high,
            detector_series.low,
            detector_series.close,
            detector_series.volume,
        )
    try:
        return asyncio.run(_backtest(args, settings, minutes))
    except (OperationalError, ProgrammingError) as error:
        print(f"database error: {error.orig}; has `cryptolens migrate` run?", file=sys.stderr)
        return EXIT_FAILED


async def _backtest(
    args: argparse.Namespace, settings: Settings, minutes: market.CandleSeries | None
) -> int:
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        factory = create_session_factory(engine)
        symbol_id = await _symbol_id(factory, args.symbol, minutes)
        if symbol_id is None:
            print(f"unknown symbol {args.symbol}", file=sys.stderr)
            return EXIT_FAILED
        report, statistics = await backtest(
            factory, symbol_id, args.since, args.until, CycleSettings.of(settings)
        )
    finally:
        await engine.dispose()
    _print_report(args.symbol, report, statistics)
    return EXIT_OK


async def _symbol_id(
    factory: async_sessionmaker[AsyncSession], name: str, minutes: market.CandleSeries | None
) -> int | None:
    async with unit_of_work(factory) as session:
        if minutes is not None:
            return (await market.store_replayed_minutes(session, name, minutes)).id
        try:
            return (await market.find_symbol(session, name)).id
        except market.SymbolNotFoundError:
            return None


async def backtest(
    factory: async_sessionmaker[AsyncSession],
    symbol_id: int,
    since: int,
    until: int | None,
    settings: CycleSettings,
) -> tuple[ReplayReport, list[SetupStatistics]]:
    """Replays with a progress bar, then the symbol's setup statistics at the last cycle."""
    plan = await plan_replay(factory, symbol_id, since, until)
    with tqdm(total=len(plan.closes), unit=" cycles", file=sys.stderr, leave=False) as bar:
        report = await replay_cycles(
            factory, symbol_id, plan, settings, progress=lambda done: _advance(bar, done)
        )
    statistics: list[SetupStatistics] = []
    if report.last_close is not None:
        async with unit_of_work(factory) as session:
            statistics = await setup_statistics(
                session, report.last_close, settings.signals.stats_windows_days, symbol_id=symbol_id
            )
    return report, statistics


def _advance(bar: tqdm[Any], done: int) -> None:
    bar.update(done)


def _print_report(symbol: str, report: ReplayReport, statistics: list[SetupStatistics]) -> None:
    print(
        f"{symbol}: {report.cycles} cycles, {report.patterns_created} new patterns, "
        f"{report.signals_created} new signals"
    )
    for line in statistics:
        setup = (
            "overall" if line.anchor_type is None else f"{line.anchor_type} {line.anchor_timeframe}"
        )
        for window in line.windows:
            win_rate = "-" if window.win_rate is None else f"{window.win_rate:.1%}"
            avg_r = "-" if window.avg_r is None else f"{window.avg_r:+.3f}R"
            print(
                f"  {setup:<22} {window.window_days:>3}d  signals={window.count:<4} "
                f"triggered={window.triggered:<4} wins={window.wins:<4} "
                f"win_rate={win_rate:<7} resolved={window.resolved:<4} avg_r={avg_r}"
            )


def run_scan(args: argparse.Namespace) -> int:
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    return asyncio.run(_scan(settings, args.symbol))


async def _scan(settings: Settings, names: list[str] | None) -> int:
    engine = create_engine(settings.resolved_database_url, settings)
    factory = create_session_factory(engine)
    cycle_settings = CycleSettings.of(settings)
    status = EXIT_OK
    try:
        async with unit_of_work(factory) as session:
            followed = await market.active_symbols_all(session)
        wanted = set(names) if names else None
        if wanted:
            missing = wanted - {symbol.symbol for symbol in followed}
            for name in sorted(missing):
                print(f"{name}: not a followed symbol", file=sys.stderr)
                status = EXIT_FAILED
        now = to_ms(datetime.now(UTC))
        for symbol in followed:
            if wanted is not None and symbol.symbol not in wanted:
                continue
            async with unit_of_work(factory) as session:
                warmed = await warm_up_if_new(session, symbol.id, now, cycle_settings)
                cycles = await run_pending_cycles(session, symbol.id, now, cycle_settings)
            if warmed.cycles:
                print(
                    f"{symbol.symbol}: warm-up replayed {warmed.cycles} cycles, "
                    f"{warmed.patterns} patterns, {warmed.signals} signals"
                )
            created = sum(len(cycle.patterns_created) for cycle in cycles)
            signals = sum(len(cycle.signals_created) for cycle in cycles)
            print(f"{symbol.symbol}: {len(cycles)} cycles, {created} patterns, {signals} signals")
    finally:
        await engine.dispose()
    return status
