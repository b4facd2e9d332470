"""`cryptolens serve` and `cryptolens migrate`."""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from cryptolens.core.launch import shared_launch
from cryptolens.core.logging import configure_logging, uvicorn_log_config
from cryptolens.core.metrics import MULTIPROC_DIR_ENV
from cryptolens.db import create_engine
from cryptolens.settings import Settings, get_settings
from cryptolens.system import migrations


def register(subparsers: Any) -> None:
    serve = subparsers.add_parser("serve", help="serve the API (and the SPA when built)")
    serve.add_argument("--host", help="bind address (default: settings.host)")
    serve.add_argument("--port", type=int, help="port (default: settings.port)")
    serve.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    serve.add_argument("--reload", action="store_true", help="restart on code changes")
    serve.set_defaults(handler=_serve)

    migrate = subparsers.add_parser("migrate", help="upgrade the database schema")
    migrate.add_argument("revision", nargs="?", default="head", help="target (default head)")
    migrate.add_argument("--down", action="store_true", help="downgrade to REVISION instead")
    migrate.set_defaults(handler=_migrate)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    # uvicorn raises the signal it stopped on again once done: SIGTERM must then end the
    # process with status 0, not kill it (SIGINT already does, as KeyboardInterrupt).
    signal.signal(signal.SIGTERM, _exit_cleanly)
    # Several workers: every process counts into one fresh directory, so any of them
    # answers a scrape with the sums (core/metrics.py). One process: its own memory. And
    # one console start block for the launch, not one per worker (core/launch.py).
    several = args.workers > 1 and not args.reload
    with shared_metrics(several), shared_launch(several):
        try:
            uvicorn.run(
                "cryptolens.app:create_app",
                factory=True,
                host=args.host or settings.host,
                port=args.port or settings.port,
                workers=args.workers,
                reload=args.reload,
                **proxy_header_options(settings),
                # Applied in every worker process too (each is a fresh interpreter).
                log_config=uvicorn_log_config(settings.log_level, settings.log_format),
                # Requests in flight get the grace, then are cancelled; streams end at once (the
                # app watches the signal too: core/shutdown.py).
                timeout_graceful_shutdown=settings.http.shutdown_grace_seconds,
                # The supervisor kills a worker that does not answer its ping in time; 5 s
                # (uvicorn's default) is short for a process starved of CPU while its
                # siblings start (seen killing workers on a loaded 2-core machine).
                timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
            )
        finally:
            # Served and closed: the interpreter's last collections over everything imported
            # (seconds on a busy machine) would only delay the exit.
            gc.freeze()
    return 0


WORKER_HEALTHCHECK_SECONDS = 30


def proxy_header_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's client-address options: behind a proxy (trust_proxy_headers) the address
    comes from X-Forwarded-For, but only when the peer is one of forwarded_allow_ips; else
    the socket peer, whatever headers a client sends."""
    return {
        "proxy_headers": settings.http.trust_proxy_headers,
        "forwarded_allow_ips": settings.http.forwarded_allow_ips,
    }


@contextmanager
def shared_metrics(several_processes: bool) -> Iterator[None]:
    """Sets PROMETHEUS_MULTIPROC_DIR to a fresh directory (removed after) for the worker
    processes about to start, or clears it for a single process, whose metrics live in its
    memory (a directory left by an earlier start would add old counts)."""
    inherited = os.environ.pop(MULTIPROC_DIR_ENV, None)
    directory = tempfile.mkdtemp(prefix="cryptolens-metrics-") if several_processes else None
    if directory is not None:
        os.environ[MULTIPROC_DIR_ENV] = directory
    try:
        yield
    finally:
        os.environ.pop(MULTIPROC_DIR_ENV, None)
        if inherited is not None:
            os.environ[MULTIPROC_DIR_ENV] = inherited
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)


def _exit_cleanly(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def _migrate(args: argparse.Namespace) -> int:
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)

    async def run() -> None:
        engine = create_engine(settings.resolved_database_url, settings)
        try:
            if args.down:
                await migrations.downgrade(engine, args.revision)
            else:
                await migrations.upgrade(engine, args.revision)
        finally:
            await engine.dispose()

    asyncio.run(run())
    return 0
