"""`cryptolens worker`: arq workers for the named queues, with the cron schedule of those
queues (unique per slot, so every worker may run it). `cryptolens jobs list|run`: the cron jobs
as the admin API shows them, and run now (jobs/control.py, jobs/cli_table.py)."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any, cast

from cryptolens.core.logging import configure_logging
from cryptolens.jobs import cli_table
from cryptolens.jobs.registry import QUEUES, Queue
from cryptolens.jobs.worker import run_worker, serve_worker_metrics
from cryptolens.settings import get_settings


def register(subparsers: Any) -> None:
    worker = subparsers.add_parser("worker", help="run background job workers (needs Redis)")
    worker.add_argument(
        "--queues",
        default=",".join(QUEUES),
        help="comma-separated queues to serve (default: high,default,low)",
    )
    worker.add_argument(
        "--no-schedule", action="store_true", help="do not fire the cron schedule from here"
    )
    worker.add_argument(
        "--metrics-port",
        type=int,
        help="Prometheus port (default CRYPTOLENS_WORKER_METRICS_PORT, 0: none)",
    )
    worker.set_defaults(handler=_worker)

    jobs = subparsers.add_parser("jobs", help="list the cron jobs, or run one now")
    actions = jobs.add_subparsers(dest="jobs_action", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list", help="schedule, queue, switch, last run and the last 24 h of each cron job"
    )
    listing.add_argument("--json", action="store_true", help="as the admin API's JSON")
    listing.set_defaults(handler=cli_table.list_command)
    run = actions.add_parser(
        "run", help="run a cron job now (queued with Redis, else here), even when switched off"
    )
    run.add_argument("name", metavar="NAME", help="a cron job's name (see `jobs list`)")
    run.set_defaults(handler=cli_table.run_command)


def _parse_queues(raw: str) -> list[Queue]:
    names = [name.strip() for name in raw.split(",") if name.strip()]
    unknown = [name for name in names if name not in QUEUES]
    if unknown or not names:
        raise SystemExit(f"cryptolens worker: unknown queue(s) {unknown}; use {','.join(QUEUES)}")
    return [cast(Queue, name) for name in names]


def _worker(args: argparse.Namespace) -> int:
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    queues = _parse_queues(args.queues)
    port = settings.jobs.worker_metrics_port if args.metrics_port is None else args.metrics_port
    serve_worker_metrics(port)
    return asyncio.run(run_worker(settings, queues, schedule=not args.no_schedule))
