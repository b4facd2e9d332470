"""`cryptolens backtest-run`: one replay of a stored symbol with the live settings and the given
tunable parameters, printed as a table or JSON. Like a user backtest (docs/rules/backtest.md),
it writes nothing: no backtest row, nothing live. (`cryptolens backtest`, signals/commands.py,
is the other thing: it fills the live statistics from history.)"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from tqdm import tqdm

from cryptolens.backtests import parameters, results, service
from cryptolens.core.errors import AppError
from cryptolens.core.instants import instant_argument
from cryptolens.core.logging import configure_logging
from cryptolens.db import create_engine, create_session_factory, unit_of_work
from cryptolens.market import service as market
from cryptolens.settings import Settings, get_settings
from cryptolens.signals import reads as signals

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
COLUMNS = ("count", "resolved", "win_rate", "avg_r", "sum_r", "profit_factor", "max_drawdown_r")


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "backtest-run",
        help="replay a stored symbol with your own parameters and print the results "
        "(writes nothing)",
    )
    command.add_argument("--symbol", required=True, help="a stored symbol, like BTC/USDT")
    command.add_argument("--start", required=True, type=instant_argument, help="ISO-8601 or ms")
    command.add_argument("--end", required=True, type=instant_argument, help="exclusive")
    command.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=f"a tunable parameter ({', '.join(parameters.TUNABLE_NAMES)}); the value is JSON "
        "(true, 2, 0.3) or, for confluence_timeframes, a comma list (4h,1h); repeatable",
    )
    command.add_argument("--json", action="store_true", help="print JSON instead of a table")
    command.set_defaults(handler=run_backtest_command)


def parse_params(items: list[str]) -> parameters.TunableParameters:
    """`name=value` items as the tunable parameters; ValueError naming the bad one."""
    given: dict[str, Any] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        if not sep or name not in parameters.TUNABLE_NAMES:
            raise ValueError(
                f"--param {item!r}: expected NAME=VALUE with NAME one of "
                f"{', '.join(parameters.TUNABLE_NAMES)}"
            )
        try:
            value: Any = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        if name == "confluence_timeframes" and isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        given[name] = value
    try:
        return parameters.TunableParameters.model_validate(given)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise ValueError(f"--param {field}: {first['msg']}") from None


def run_backtest_command(args: argparse.Namespace) -> int:
    settings = get_settings()
    configure_logging(
        "WARNING" if settings.log_level.upper() == "INFO" else settings.log_level,
        settings.log_format,
    )
    try:
        given = parse_params(args.param)
        service.check_range(args.start, args.end, datetime.now(UTC))
    except ValueError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    except AppError as error:
        print(error.message.replace("body.", ""), file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return asyncio.run(_run(args, settings, given))
    except (OperationalError, ProgrammingError) as error:
        print(f"database error: {error.orig}; has `cryptolens migrate` run?", file=sys.stderr)
        return EXIT_FAILED


async def _run(
    args: argparse.Namespace, settings: Settings, given: parameters.TunableParameters
) -> int:
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        factory = create_session_factory(engine)
        try:
            symbol_id, cycle = await _prepare(factory, settings, args.symbol, given)
            outcome = await _replay(factory, symbol_id, args.start, args.end, cycle)
        except market.SymbolNotFoundError:
            print(f"{args.symbol}: not a stored symbol", file=sys.stderr)
            return EXIT_BAD_INPUT
        except AppError as error:
            print(error.message.replace("body.", ""), file=sys.stderr)
            return EXIT_BAD_INPUT
        except signals.InsufficientHistoryError as error:
            print(f"insufficient history: {error}", file=sys.stderr)
            return EXIT_BAD_INPUT
    finally:
        await engine.dispose()
    report = _report(args.symbol, args.start, args.end, cycle, outcome)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print_table(report)
    return EXIT_OK


async def _prepare(
    factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    name: str,
    given: parameters.TunableParameters,
) -> tuple[int, Any]:
    async with unit_of_work(factory) as session:
        symbol = await market.find_symbol(session, name)
        live = await parameters.live_settings(session, settings)
    return symbol.id, parameters.cycle_settings(live, given)


async def _replay(
    factory: async_sessionmaker[AsyncSession], symbol_id: int, start: int, end: int, cycle: Any
) -> signals.ReplayOutcome:
    with tqdm(total=100, unit="%", file=sys.stderr, leave=False) as bar:

        async def on_progress(progress: signals.ReplayProgress) -> None:
            percent = progress.minutes_done * 100 // max(1, progress.minutes_total)
            bar.update(percent - bar.n)

        return await signals.replay_range(
            factory, symbol_id, start, end, cycle, on_progress=on_progress
        )


def _report(
    symbol: str, start: int, end: int, cycle: Any, outcome: signals.ReplayOutcome
) -> dict[str, Any]:
    return {
        "symbol": symbol,
        "start": start,
        "end": end,
        "parameters": parameters.values_used(cycle),
        "minutes_replayed": outcome.minutes_replayed,
        "minutes_missing": outcome.minutes_missing,
        "summary": results.summarize(outcome.signals).as_dict(),
        "by_setup": [
            {"anchor_type": kind, "anchor_timeframe": timeframe, **figures.as_dict()}
            for kind, timeframe, figures in results.by_setup(outcome.signals)
        ],
    }


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _print_table(report: dict[str, Any]) -> None:
    used = ", ".join(f"{name}={report['parameters'][name]}" for name in parameters.TUNABLE_NAMES)
    print(
        f"{report['symbol']} [{report['start']}, {report['end']}): "
        f"{report['minutes_replayed']} minutes replayed, {report['minutes_missing']} missing"
    )
    print(f"  {used}")
    rows = [("overall", report["summary"])] + [
        (f"{line['anchor_type']} {line['anchor_timeframe']}", line) for line in report["by_setup"]
    ]
    header = ("setup", *COLUMNS)
    table = [header] + [
        (setup, *tuple(_cell(figures[column]) for column in COLUMNS)) for setup, figures in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
