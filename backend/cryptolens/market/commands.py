"""`cryptolens fetch`, `cryptolens symbols add|remove|list` and `cryptolens demo`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from tqdm import tqdm

from cryptolens.core.instants import instant_argument
from cryptolens.core.logging import configure_logging
from cryptolens.core.timeframes import timeframe_ms
from cryptolens.db import create_engine, create_session_factory, unit_of_work
from cryptolens.market import service
from cryptolens.market.bootstrap import probe_exchange
from cryptolens.market.demo import load_csv_market, load_demo_market
from cryptolens.market.errors import CandleSourceError, SymbolNotFoundError, SymbolNotListedError
from cryptolens.market.sources.base import CandleSource, DataSource
from cryptolens.market.sources.factory import open_candle_source
from cryptolens.market.symbols import InvalidSymbolError, normalize_symbol
from cryptolens.market.workflows import FetchReport, FetchRequest, fetch_market_data
from cryptolens.settings import Settings, get_settings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_UNREACHABLE = 3


def register(subparsers: Any) -> None:
    fetch = subparsers.add_parser(
        "fetch", help="fetch candles: backfill new symbols, else the newest minutes"
    )
    fetch.add_argument(
        "--symbol", dest="symbols", action="append", metavar="S", help="only S (repeatable)"
    )
    fetch.add_argument("--timeframe", help="only this timeframe (fetched directly)")
    fetch.add_argument("--since", type=instant_argument, help="fetch from DATE (ISO-8601 or ms)")
    fetch.add_argument("--until", type=instant_argument, help="fetch up to DATE (exclusive)")
    fetch.add_argument(
        "--source", choices=["exchange", "replay"], help="data source (default: settings)"
    )
    fetch.set_defaults(handler=_fetch)

    symbols = subparsers.add_parser("symbols", help="follow, unfollow and list symbols")
    actions = symbols.add_subparsers(dest="symbols_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="follow symbols (backfilled by the next fetch)")
    add.add_argument("names", nargs="+", metavar="SYMBOL", help="like BTC/USDT")
    add.add_argument("--no-backfill", action="store_true", help="leave it to the next fetch")
    add.add_argument("--source", choices=["exchange", "replay"])
    add.set_defaults(handler=_symbols_add)
    remove = actions.add_parser("remove", help="stop following symbols (keeps candles)")
    remove.add_argument("names", nargs="+", metavar="SYMBOL")
    remove.add_argument("--source", choices=["exchange", "replay"])
    remove.set_defaults(handler=_symbols_remove)
    listing = actions.add_parser("list", help="followed symbols and their freshness")
    listing.add_argument("--all", action="store_true", help="include removed symbols")
    listing.set_defaults(handler=_symbols_list)

    demo = subparsers.add_parser("demo", help="load the replay (demo) market into the database")
    demo.add_argument("--seed", type=int, help="synthetic market seed (default: replay_seed)")
    demo.add_argument(
        "--csv",
        dest="csv_files",
        action="append",
        type=_symbol_file,
        metavar="SYMBOL=FILE",
        help="replay real 1m candles from FILE (time,open,high,low,close,volume) as SYMBOL",
    )
    demo.set_defaults(handler=_demo)


def _symbol_file(raw: str) -> tuple[str, Path]:
    symbol, separator, path = raw.partition("=")
    if not separator or not Path(path).is_file():
        raise argparse.ArgumentTypeError(f"expected SYMBOL=FILE with an existing file: {raw!r}")
    try:
        return normalize_symbol(symbol), Path(path)
    except InvalidSymbolError as invalid:
        raise argparse.ArgumentTypeError(invalid.message) from None


# -- plumbing ---------------------------------------------------------------------------------


@asynccontextmanager
async def _database(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        yield create_session_factory(engine)
    finally:
        await engine.dispose()


def _run(main: Callable[[Settings], Coroutine[Any, Any, int]]) -> int:
    settings = get_settings()
    configure_logging(
        "WARNING" if settings.log_level.upper() == "INFO" else settings.log_level,
        settings.log_format,
    )
    try:
        return asyncio.run(main(settings))
    except (OperationalError, ProgrammingError) as error:
        print(f"database error: {error.orig}; has `cryptolens migrate` run?", file=sys.stderr)
        return EXIT_FAILED


def _data_source(args: argparse.Namespace, settings: Settings) -> DataSource:
    chosen: DataSource = args.source or settings.market.data_source
    return chosen


async def _unreachable(source_kind: DataSource, settings: Settings) -> bool:
    if source_kind != "exchange":
        return False
    reason = await probe_exchange(settings.market)
    if reason is None:
        return False
    where = settings.market.exchange_api_url or "its public API"
    print(f"cannot reach exchange {settings.market.exchange} at {where}: {reason}", file=sys.stderr)
    return True


class _ProgressBar:
    """tqdm on stderr counting stored candles, labelled with the symbol and timeframe."""

    def __init__(self) -> None:
        self.bar = tqdm(unit=" candles", file=sys.stderr, dynamic_ncols=True, leave=False)

    def __call__(self, symbol: str, timeframe: str, candles: int) -> None:
        self.bar.set_description(f"{symbol} {timeframe}", refresh=False)
        self.bar.update(candles)

    def close(self) -> None:
        self.bar.close()


async def _fetch_with_progress(
    factory: async_sessionmaker[AsyncSession],
    source: CandleSource,
    request: FetchRequest,
    settings: Settings,
) -> FetchReport:
    bar = _ProgressBar()
    try:
        return await fetch_market_data(
            factory, source, request, timeframes=settings.scan.timeframes, progress=bar
        )
    finally:
        bar.close()


def _print_summary(report: FetchReport) -> None:
    for entry in report.symbols:
        by_length = sorted(entry.stored.items(), key=lambda item: timeframe_ms(item[0]))
        counts = " ".join(f"{tf}={count}" for tf, count in by_length)
        status = "ok" if entry.ok else f"FAILED: {entry.error}"
        extras = f" rejected={entry.rejected}" if entry.rejected else ""
        extras += f" known_gaps={entry.known_gaps}" if entry.known_gaps else ""
        extras += " (backfilled)" if entry.backfilled else ""
        print(f"{entry.symbol:<14} {counts or 'nothing new'}{extras}  {status}")
    print(
        f"{len(report.symbols)} symbols from {report.exchange}: "
        f"{report.candles_stored} candles stored, {len(report.failed)} failed"
    )


# -- handlers ---------------------------------------------------------------------------------


def _fetch(args: argparse.Namespace) -> int:
    async def main(settings: Settings) -> int:
        kind = _data_source(args, settings)
        if args.timeframe and args.timeframe not in settings.scan.timeframes:
            print(f"unknown timeframe {args.timeframe!r}", file=sys.stderr)
            return EXIT_FAILED
        if await _unreachable(kind, settings):
            return EXIT_UNREACHABLE
        request = FetchRequest(
            symbols=[normalize_symbol(name) for name in args.symbols or []] or None,
            timeframes=[args.timeframe] if args.timeframe else None,
            since=args.since,
            until=args.until,
            backfill_depth_days=settings.market.backfill_depth_days,
        )
        source = open_candle_source(kind, settings.market)
        try:
            async with _database(settings) as factory:
                report = await _fetch_with_progress(factory, source, request, settings)
        finally:
            await source.close()
        _print_summary(report)
        return EXIT_FAILED if report.failed or not report.symbols else EXIT_OK

    return _run(main)


def _symbols_add(args: argparse.Namespace) -> int:
    async def main(settings: Settings) -> int:
        kind = _data_source(args, settings)
        if await _unreachable(kind, settings):
            return EXIT_UNREACHABLE
        source = open_candle_source(kind, settings.market)
        try:
            async with _database(settings) as factory:
                names = []
                try:
                    async with unit_of_work(factory) as session:
                        listings = await source.list_markets()
                        for raw in args.names:
                            symbol = await service.follow_symbol(
                                session, source, raw, listings=listings
                            )
                            names.append(symbol.symbol)
                except (SymbolNotListedError, CandleSourceError) as refused:
                    print(refused.message, file=sys.stderr)
                    return EXIT_FAILED
                print(f"following {', '.join(names)} on {source.exchange_id}")
                if args.no_backfill:
                    return EXIT_OK
                report = await _fetch_with_progress(
                    factory,
                    source,
                    FetchRequest(
                        symbols=names, backfill_depth_days=settings.market.backfill_depth_days
                    ),
                    settings,
                )
        finally:
            await source.close()
        _print_summary(report)
        return EXIT_FAILED if report.failed else EXIT_OK

    return _run(main)


def _symbols_remove(args: argparse.Namespace) -> int:
    async def main(settings: Settings) -> int:
        exchange = (
            "replay" if _data_source(args, settings) == "replay" else settings.market.exchange
        )
        async with _database(settings) as factory:
            try:
                async with unit_of_work(factory) as session:
                    for raw in args.names:
                        symbol = await service.unfollow_symbol(session, raw, exchange)
                        print(f"removed {symbol.symbol} from {exchange} (candles kept)")
            except SymbolNotFoundError as missing:
                print(missing.message, file=sys.stderr)
                return EXIT_FAILED
        return EXIT_OK

    return _run(main)


def _symbols_list(args: argparse.Namespace) -> int:
    async def main(settings: Settings) -> int:
        async with _database(settings) as factory, unit_of_work(factory) as session:
            overviews = await service.symbol_overviews(session, include_inactive=args.all)
        if not overviews:
            print("no symbols followed; add some with `cryptolens symbols add BTC/USDT`")
        for item in overviews:
            price = "-" if item.last_price is None else f"{item.last_price:g}"
            tick = "-" if item.tick_size is None else f"{item.tick_size:g}"
            state = "active" if item.is_active else "removed"
            print(
                f"{item.symbol:<14} {item.exchange:<10} {state:<8} "
                f"{item.freshness.value:<7} last={price} tick={tick}"
            )
        return EXIT_OK

    return _run(main)


def _demo(args: argparse.Namespace) -> int:
    async def main(settings: Settings) -> int:
        async with _database(settings) as factory:
            bar = _ProgressBar()
            try:
                if args.csv_files:
                    report = await load_csv_market(
                        factory,
                        settings.market,
                        dict(args.csv_files),
                        timeframes=settings.scan.timeframes,
                        progress=bar,
                    )
                else:
                    report = await load_demo_market(
                        factory,
                        settings.market,
                        timeframes=settings.scan.timeframes,
                        seed=args.seed,
                        progress=bar,
                    )
            finally:
                bar.close()
        _print_summary(report)
        return EXIT_FAILED if report.failed else EXIT_OK

    return _run(main)
