"""Stopping a real `cryptolens serve` (issue #13, failure 8): on SIGTERM or SIGINT the process
ends its SSE streams, finishes the requests in flight and exits within 10 s, with status 0,
one process or several; in the embedded mode it does so with a job running (cancelled after the
grace), and a second SIGINT stops it at once."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.core.cache import MemoryCache
from cryptolens.core.clock import FrozenClock
from cryptolens.job_context import JobContext, JobCounters
from cryptolens.jobs.registry import job
from cryptolens.jobs.runtime import create_jobs_runtime
from cryptolens.settings import JobSettings, Settings
from cryptolens.signals.stream import RECONNECT_MS
from tests.fakes.exchange import FakeExchange
from tests.fakes.exchange_data import generated_market
from tests.processes import API_STARTUP_SECONDS, ApiProcess, start_api
from tests.signals.sse import SseReader, signed_in_user

EXIT_BOUND_SECONDS = 10.0
FORCED_EXIT_SECONDS = 3.0
HOUR_MS = 3_600_000

# A SQLite file is enough: what is checked is the process, not the database.
pytestmark = pytest.mark.parametrize("db_engine", ["sqlite"], indirect=True)


def database_url_of(engine: AsyncEngine) -> str:
    return engine.url.render_as_string(hide_password=False)


async def exit_status(process: subprocess.Popen[bytes], within_seconds: float) -> int | None:
    """The process's exit status, or None while it still runs after `within_seconds`."""
    deadline = time.monotonic() + within_seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        await asyncio.sleep(0.05)
    return process.poll()


def show_log(api: ApiProcess) -> None:
    sys.stderr.write(f"--- API process log (tail) ---\n{api.log_tail()}\n")


class SlowRequest:
    """A POST whose body arrives in two halves: the request is in flight until the second."""

    def __init__(self, base_url: str, path: str, body: dict[str, object]) -> None:
        address = urlsplit(base_url)
        self.host, self.port = address.hostname or "127.0.0.1", address.port or 80
        self.path = path
        self.body = json.dumps(body).encode()
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def start(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = (
            f"POST {self.path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(self.body)}\r\n\r\n"
        )
        self.writer.write(head.encode() + self.body[: len(self.body) // 2])
        await self.writer.drain()

    async def finish(self, within_seconds: float) -> str:
        """Sends the rest of the body; returns the response's status line."""
        assert self.reader is not None and self.writer is not None
        self.writer.write(self.body[len(self.body) // 2 :])
        await self.writer.drain()
        status_line = await asyncio.wait_for(self.reader.readline(), within_seconds)
        self.writer.close()
        return status_line.decode().strip()


def children_of(pid: int) -> list[int]:
    """The processes whose parent is `pid` (uvicorn's worker processes)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            # After the command's closing parenthesis: state, then the parent's pid.
            if int(stat.read_text().rpartition(")")[2].split()[1]) == pid:
                children.append(int(stat.parent.name))
    return children


@pytest.fixture
def processes() -> Iterator[list[ApiProcess]]:
    """Every API process a test starts: killed if still running (its worker processes too,
    which would outlive a killed parent), its log shown."""
    started: list[ApiProcess] = []
    yield started
    for api in started:
        if api.process.poll() is None:
            workers = children_of(api.process.pid)
            api.process.kill()
            api.process.wait(10)
            for pid in workers:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        show_log(api)


@pytest.mark.parametrize("workers", [1, 2])
async def test_sigterm_ends_sse_finishes_requests_and_exits_in_time(
    workers: int,
    db_engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    tmp_path: Path,
    processes: list[ApiProcess],
) -> None:
    # env "test": no demo market to load first (start-up is not what is checked here).
    api = start_api(
        tmp_path,
        database_url=database_url_of(db_engine),
        redis_url=None,
        workers=workers,
        env={"CRYPTOLENS_ENV": "test"},
    )
    processes.append(api)
    # Each worker process imports the whole app: on a busy machine that takes a while.
    await api.wait_live(API_STARTUP_SECONDS * workers)
    viewer = await signed_in_user(session_factory, api.base_url, "premium")
    try:
        async with viewer.http.stream("GET", "/api/v1/stream") as response:
            assert response.status_code == 200, await response.aread()
            reader = SseReader(response).start()
            try:
                assert (await reader.next(10)).retry == RECONNECT_MS
                slow = SlowRequest(api.base_url, "/api/v1/auth/login", {"email": "a@b.co"})
                await slow.start()
                await asyncio.sleep(0.3)  # the server has the request's head

                api.process.send_signal(signal.SIGTERM)
                signalled = time.monotonic()
                await asyncio.sleep(1.0)
                # The request in flight is answered (an envelope, not a dropped connection).
                status_line = await slow.finish(within_seconds=5)
                # The open stream is ended by the server, not left for ever.
                await reader.events_until_end(EXIT_BOUND_SECONDS)
                stream_ended = time.monotonic() - signalled
            finally:
                await reader.close()
    finally:
        await viewer.http.aclose()
    status = await exit_status(api.process, EXIT_BOUND_SECONDS - (time.monotonic() - signalled))
    stopped = time.monotonic() - signalled
    print(f"stream ended {stream_ended:.1f} s, process exited {stopped:.1f} s after SIGTERM")
    assert status_line.startswith("HTTP/1.1 4"), status_line
    assert status == 0, f"still running or failed after {stopped:.1f} s: {status}"
    assert stopped < EXIT_BOUND_SECONDS


# --- The embedded mode: jobs in the API process -------------------------------------------


@pytest.fixture
def hanging_exchange() -> Iterator[FakeExchange]:
    """An exchange whose candles never come: the first fetch job hangs on its backfill."""
    now_ms = int(datetime.now(UTC).timestamp() * 1000)
    fake = FakeExchange(now_ms=now_ms, pause_klines_after=0)
    fake.add_market(
        generated_market("BTC", "USDT", start_ms=now_ms - HOUR_MS, end_ms=now_ms, seed=1)
    )
    with fake.serving_in_thread():
        yield fake


def start_embedded(
    tmp_path: Path, engine: AsyncEngine, exchange: FakeExchange, **env: str
) -> ApiProcess:
    """`make run`'s shape: jobs inline on the real schedule, the exchange as data source."""
    variables = {
        "CRYPTOLENS_INLINE_JOBS": "true",
        "CRYPTOLENS_DATA_SOURCE": "exchange",
        "CRYPTOLENS_EXCHANGE_API_URL": exchange.base_url,
        "CRYPTOLENS_DEFAULT_SYMBOLS": '["BTC/USDT"]',
        **env,
    }
    return start_api(tmp_path, database_url=database_url_of(engine), redis_url=None, env=variables)


async def wait_for_a_running_job(exchange: FakeExchange, api: ApiProcess) -> None:
    deadline = time.monotonic() + 30
    while not exchange.klines_paused.is_set():
        assert time.monotonic() < deadline, "no job asked the exchange for candles"
        assert api.process.poll() is None, "the API process exited"
        await asyncio.sleep(0.1)


async def test_embedded_serve_stops_in_time_on_sigint_with_a_job_running(
    db_engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    hanging_exchange: FakeExchange,
    tmp_path: Path,
    processes: list[ApiProcess],
) -> None:
    api = start_embedded(tmp_path, db_engine, hanging_exchange)
    processes.append(api)
    await api.wait_live()
    await wait_for_a_running_job(hanging_exchange, api)

    api.process.send_signal(signal.SIGINT)
    signalled = time.monotonic()
    status = await exit_status(api.process, EXIT_BOUND_SECONDS)
    stopped = time.monotonic() - signalled
    print(f"exited {stopped:.1f} s after SIGINT with a job running")
    assert status == 0, f"still running or failed after {stopped:.1f} s: {status}"


async def test_a_second_sigint_stops_embedded_serve_at_once(
    db_engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    hanging_exchange: FakeExchange,
    tmp_path: Path,
    processes: list[ApiProcess],
) -> None:
    # A long grace: only the second SIGINT can explain a quick exit.
    api = start_embedded(
        tmp_path, db_engine, hanging_exchange, CRYPTOLENS_SHUTDOWN_GRACE_SECONDS="60"
    )
    processes.append(api)
    await api.wait_live()
    await wait_for_a_running_job(hanging_exchange, api)

    api.process.send_signal(signal.SIGINT)
    await asyncio.sleep(0.5)
    api.process.send_signal(signal.SIGINT)
    again = time.monotonic()
    status = await exit_status(api.process, FORCED_EXIT_SECONDS)
    stopped = time.monotonic() - again
    print(f"exited {stopped:.1f} s after the second SIGINT: {status}")
    assert status is not None, f"still running {FORCED_EXIT_SECONDS} s after a second SIGINT"


# --- The embedded runner itself -----------------------------------------------------------

PUSH_FAILED = asyncio.Event()


@job("shutdown_probe_push", queue="high")
async def shutdown_probe_push(ctx: JobContext) -> JobCounters:
    """A push whose server answers 500: a transient failure, retried later."""
    PUSH_FAILED.set()
    raise ConnectionError("the push server answered 500")


async def test_stopping_the_runner_never_waits_for_retries_or_deferred_jobs(
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    """`make run` hung on Ctrl+C with two deliveries waiting for their retry."""
    settings = test_settings.model_copy(update={"jobs": JobSettings(retry_base_seconds=120)})
    runtime = create_jobs_runtime(settings, session_factory, MemoryCache(), clock, None)
    runner = runtime.runner
    assert runner is not None
    PUSH_FAILED.clear()
    await runner.enqueue("shutdown_probe_push", job_id="push-1")
    await runner.enqueue("resume_deliveries", job_id="later", defer_seconds=600)
    await asyncio.wait_for(PUSH_FAILED.wait(), 10)

    started = time.monotonic()
    await asyncio.wait_for(runner.stop(timeout_seconds=60), 10)
    stopped = time.monotonic() - started
    assert stopped < 2, f"stop took {stopped:.1f} s"
