"""`cryptolens study`: the walk-forward parameter study in this process (docs/rules/backtest.md
"Walk-forward parameter study"), over the stored candles, with a progress bar; prints the
windows and aggregates as a table, or the study as JSON with --json. Like the API's, it is
recorded (in the admin's list) and changes nothing live."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import OperationalError, ProgrammingError
from tqdm import tqdm

from cryptolens.backtests import study_service
from cryptolens.backtests.study_jobs import Step, StudyWorker
from cryptolens.backtests.study_schemas import StudyIn, StudyOut, StudyWindowOut
from cryptolens.core.clock import SystemClock
from cryptolens.core.errors import AppError
from cryptolens.core.instants import instant_argument
from cryptolens.core.logging import configure_logging
from cryptolens.db import create_engine, create_session_factory, unit_of_work
from cryptolens.settings import Settings, get_settings

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def register(subparsers: Any) -> None:
    study = subparsers.add_parser(
        "study", help="walk-forward parameter study over stored candles (changes nothing live)"
    )
    study.add_argument("--symbol", action="append", required=True, help="like BTC/USDT (1-5)")
    study.add_argument("--start", required=True, type=instant_argument, help="ISO-8601 or ms")
    study.add_argument("--end", required=True, type=instant_argument, help="ISO-8601 or ms")
    study.add_argument(
        "--grid", required=True, help='JSON: tunable names to values, {"min_confluence": [2, 3]}'
    )
    study.add_argument("--train-days", type=int, default=60, help="14-180 (60)")
    study.add_argument("--test-days", type=int, default=14, help="7-60 (14)")
    study.add_argument("--min-sample", type=int, default=30, help="10-1000 (30)")
    study.add_argument("--json", action="store_true", help="print the study as JSON")
    study.set_defaults(handler=run_study)


def run_study(args: argparse.Namespace) -> int:
    settings = get_settings()
    configure_logging(
        "WARNING" if settings.log_level.upper() == "INFO" else settings.log_level,
        settings.log_format,
    )
    try:
        body = StudyIn.model_validate(
            {
                "symbols": args.symbol,
                "start": args.start,
                "end": args.end,
                "grid": json.loads(args.grid),
                "train_days": args.train_days,
                "test_days": args.test_days,
                "min_sample": args.min_sample,
            }
        )
    except (ValueError, ValidationError) as error:
        print(f"bad input: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return asyncio.run(_study(args, settings, body))
    except (OperationalError, ProgrammingError) as error:
        print(f"database error: {error.orig}; has `cryptolens migrate` run?", file=sys.stderr)
        return EXIT_FAILED


async def _study(args: argparse.Namespace, settings: Settings, body: StudyIn) -> int:
    engine = create_engine(settings.resolved_database_url, settings)
    clock = SystemClock()
    try:
        factory = create_session_factory(engine)
        try:
            async with unit_of_work(factory) as db:
                record = await study_service.submit(
                    db, body, environment=settings, user_id=None, now=clock.now()
                )
        except AppError as refused:
            print(f"{refused.code}: {refused.detail}", file=sys.stderr)
            return EXIT_BAD_INPUT
        worker = StudyWorker(factory, settings, clock.now)
        with tqdm(total=record.replays_total, unit=" replays", file=sys.stderr, leave=False) as bar:
            outcome = await worker.run_all(record.id, on_step=lambda: bar.update(1))
        async with unit_of_work(factory) as db:
            study = await study_service.get_study(db, record.id)
            windows = await study_service.list_windows(db, record.id, None)
    finally:
        await engine.dispose()
    if args.json:
        print(json.dumps(_document(study, windows), indent=2))
    else:
        _print_table(study, windows)
    return EXIT_OK if outcome is Step.FINISHED else EXIT_FAILED


def _document(study: StudyOut, windows: list[StudyWindowOut]) -> dict[str, Any]:
    return {
        **study.model_dump(mode="json"),
        "windows": [window.model_dump(mode="json") for window in windows],
    }


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _print_table(study: StudyOut, windows: list[StudyWindowOut]) -> None:
    print(f"study {study.id}: {study.status}" + (f" ({study.error})" if study.error else ""))
    print(
        f"{'symbol':<12} {'k':>2} {'status':<19} {'train n':>7} {'train R':>8} "
        f"{'test n':>6} {'test R':>8} {'base n':>6} {'base R':>8}  chosen"
    )
    for w in windows:
        print(
            f"{w.symbol:<12} {w.k:>2} {w.status:<19} {w.train_resolved or 0:>7} "
            f"{_number(w.train_avg_r):>8} {w.test_resolved or 0:>6} {_number(w.test_avg_r):>8} "
            f"{w.baseline_resolved or 0:>6} {_number(w.baseline_avg_r):>8}  "
            f"{json.dumps(w.chosen_values) if w.chosen_values else '-'}"
        )
    if study.aggregates is not None:
        overall = study.aggregates["overall"]
        for side in ("chosen", "baseline"):
            figures = overall[side]
            print(
                f"{side:<9} resolved {figures['resolved']}, win rate "
                f"{_number(figures['win_rate'])}, avg R {_number(figures['avg_r'])}, "
                f"profit factor {_number(figures['profit_factor'])}, max drawdown R "
                f"{_number(figures['max_drawdown_r'])}, windows with test avg R > 0: "
                f"{figures['windows_positive']}"
            )
        print(
            f"overfitting gap (mean train - mean test avg R): {_number(overall['overfitting_gap'])}"
        )
    print(study.warning)
