"""The app as the image runs it (issue #18): `cryptolens serve` and `cryptolens worker` as an
unprivileged user, on MariaDB and Redis, with production settings whose secrets come from
files, the package and the working directory read-only, HOME missing, and the data directory
(CRYPTOLENS_VAR_DIR) the only writable place besides a private temporary directory (the
container's tmpfs /tmp). A full minute completes: the worker fetches from the fake exchange,
detects, makes a signal and pushes it to the fake NTFY, for a user who signed in through the
API; numba's compiled code is cached under VAR_DIR, and nothing is written anywhere else.

The processes run as nobody (uid 65534). The repository and its venv are root's (the user can
read, not write them, as /app in the image); the venv's interpreter lives under /root on this
machine, which others cannot enter, so the processes keep CAP_DAC_READ_SEARCH: it lets them
read and search any directory, never write one, so what they may write is exactly the user's."""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from arq.connections import ArqRedis
from cryptography.fernet import Fernet
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.core.compiled_cache import CACHE_SUBDIR
from cryptolens.jobs.enqueue import ArqEnqueuer
from cryptolens.jobs.keys import JobKeys
from cryptolens.system.models import JobRun
from tests.conftest import MYSQL_URL, REDIS_URL
from tests.fakes.exchange import FakeExchange
from tests.fakes.exchange_data import csv_market
from tests.fakes.ntfy import FakeNtfy
from tests.jobs.worker_processes import (
    ANON_MINUTES,
    StderrTail,
    arq_redis,
    follow_anon,
    job_keys,
    stop_worker,
)
from tests.processes import ApiProcess, free_port
from tests.signals.sse import create_account, sign_in

__all__ = ["arq_redis", "job_keys"]  # the worker tests' fixtures: a Redis pool, our own keys

NOBODY = 65534
# Served through the exchange (its holes are known gaps, so buckets over them are built), ANON/BTC
# makes a signal with the cycle of its 675th minute. The exchange serves up to it, so that cycle
# is the worker's first live one (T0) and its signal is pushed; the warm-up replays the minutes
# before it in memory (it covers the whole history), storing three older signals, pushing none.
SERVED_MINUTES = 675
WARM_UP_MINUTES = 1_000
# The file is from 2017: its signal is years old by the wall clock, and would be stored but not
# pushed (a catch-up's old news). The test's push age allows it.
PUSH_MAX_AGE_MINUTES = 10_000_000
# Generous: a cold start compiles the detectors (no cache yet), then replays 675 cycles, and the
# machine may be running other process tests meanwhile.
PROCESS_STARTUP_SECONDS = 300
MINUTE_SECONDS = 600
SHARED_TEMPORARY = (Path("/tmp"), Path("/var/tmp"), Path("/dev/shm"))
SETPRIV = shutil.which("setpriv")

pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)


def as_nobody(command: list[str]) -> list[str]:
    """The command as uid/gid 65534, no supplementary groups, reading (never writing) as
    root may (see the module's note)."""
    assert SETPRIV is not None
    read_only = ["--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"]
    return [
        SETPRIV,
        f"--reuid={NOBODY}",
        f"--regid={NOBODY}",
        "--clear-groups",
        *read_only,
        *command,
    ]


@pytest.fixture
def sandbox() -> Iterator[Path]:
    """A world-readable directory holding the working directory (root's, read-only to the
    user, like /app), the secrets (root's files the user may read, like /run/secrets), the
    user's data directories and private temporary directory, and the processes' logs."""
    if os.geteuid() != 0 or SETPRIV is None:
        pytest.skip("runs the app as another user: needs root and setpriv")
    probe = subprocess.run(as_nobody(["/bin/true"]), check=False, capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"setpriv cannot drop to nobody here: {probe.stderr.decode()[-300:]}")
    base = Path(tempfile.mkdtemp(prefix="cryptolens-unprivileged-"))
    base.chmod(0o755)
    for name in ("app", "secrets"):
        (base / name).mkdir(mode=0o755)
    for name in ("var-api", "var-worker", "tmp"):
        (base / name).mkdir(mode=0o700)
        os.chown(base / name, NOBODY, NOBODY)
    try:
        yield base
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
async def anon_exchange(db_engine: AsyncEngine) -> AsyncIterator[FakeExchange]:
    if not REDIS_URL:
        pytest.skip("CRYPTOLENS_TEST_REDIS_URL is not set")
    market = csv_market("ANON", "BTC", ANON_MINUTES, tick_size="0.00000001")
    market.times, market.ohlcv = market.times[:SERVED_MINUTES], market.ohlcv[:SERVED_MINUTES]
    exchange = FakeExchange(now_ms=int(market.times[-1]) + 90_000)
    exchange.add_market(market)
    await exchange.start()
    yield exchange
    await exchange.stop()


@pytest.fixture
async def ntfy() -> AsyncIterator[FakeNtfy]:
    fake = FakeNtfy()
    await fake.start()
    yield fake
    await fake.stop()


def secret_files(directory: Path) -> dict[str, str]:
    """Production's secrets as files (read-only, root's), and the variables naming them."""
    assert MYSQL_URL and REDIS_URL
    values = {
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ENCRYPTION_KEYS": Fernet.generate_key().decode("ascii"),
        "DATABASE_URL": MYSQL_URL,
        "REDIS_URL": REDIS_URL,
    }
    variables = {}
    for name, value in values.items():
        path = directory / name.lower()
        path.write_text(value + "\n", encoding="utf-8")
        path.chmod(0o444)
        variables[f"CRYPTOLENS_{name}_FILE"] = str(path)
    return variables


def environment(
    sandbox: Path,
    var_dir: str,
    secret_variables: dict[str, str],
    services: tuple[FakeExchange, FakeNtfy, JobKeys],
) -> dict[str, str]:
    """The image's environment, nothing inherited from the test run: production, no HOME, no
    bytecode written, no NUMBA_CACHE_DIR (the app chooses VAR_DIR itself)."""
    exchange, ntfy, keys = services
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "HOME": "/nonexistent",
        "TMPDIR": str(sandbox / "tmp"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1",
        "CRYPTOLENS_ENV": "production",
        "CRYPTOLENS_VAR_DIR": str(sandbox / var_dir),
        "CRYPTOLENS_FRONTEND_DIST": str(sandbox / "app" / "no-frontend"),
        "CRYPTOLENS_EXCHANGE_API_URL": exchange.base_url,
        "CRYPTOLENS_NTFY_URL": ntfy.base_url,
        "CRYPTOLENS_JOB_KEY_PREFIX": keys.prefix,
        "CRYPTOLENS_WORKER_METRICS_PORT": "0",
        "CRYPTOLENS_SIGNAL_WARM_UP_MINUTES": str(WARM_UP_MINUTES),
        "CRYPTOLENS_NOTIFY_MAX_AGE_MINUTES": str(PUSH_MAX_AGE_MINUTES),
        "CRYPTOLENS_LOG_LEVEL": "INFO",
        **secret_variables,
    }


def cryptolens_command() -> str:
    """The venv's console script, as the image's entry point."""
    return str(Path(sys.executable).parent / "cryptolens")


def start_api(sandbox: Path, env: dict[str, str]) -> ApiProcess:
    port = free_port()
    env = {**env, "CRYPTOLENS_PUBLIC_URL": f"http://127.0.0.1:{port}"}
    command = [cryptolens_command(), "serve", "--host", "127.0.0.1", "--port", str(port)]
    log_path = sandbox / "api.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            as_nobody([*command, "--workers", "2"]),
            env=env,
            cwd=sandbox / "app",
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    return ApiProcess(process, f"http://127.0.0.1:{port}", log_path)


def start_worker(sandbox: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [cryptolens_command(), "worker", "--queues", "high,default", "--no-schedule"]
    return subprocess.Popen(
        as_nobody(command),
        env=env,
        cwd=sandbox / "app",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


async def wait_for_worker(
    worker: subprocess.Popen[bytes], tail: StderrTail, what: str, done: Callable[[], bool]
) -> None:
    """Until `done`, failing at once (with its log) if the worker exits meanwhile."""
    deadline = asyncio.get_running_loop().time() + MINUTE_SECONDS
    while not done():
        if worker.poll() is not None:
            raise AssertionError(f"the worker exited ({worker.returncode}):\n{tail.text()}")
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"no {what} within {MINUTE_SECONDS} s:\n{tail.text()}")
        await asyncio.sleep(0.5)


def tail_says(tail: StderrTail, text: str) -> bool:
    return any(text in line for line in list(tail.lines))


async def runs_by_name(factory: async_sessionmaker[AsyncSession]) -> dict[str, list[JobRun]]:
    runs: dict[str, list[JobRun]] = {}
    async with factory() as session:
        for run in await session.scalars(select(JobRun).order_by(JobRun.id)):
            runs.setdefault(run.name, []).append(run)
    return runs


async def topic_shown_by(api: ApiProcess, email: str, password: str) -> str:
    """Signs in through the API (a session written to MariaDB) and reads the NTFY topic."""
    http = await sign_in(api.base_url, email, password)
    try:
        shown = await http.get("/api/v1/notifications/preferences")
    finally:
        await http.aclose()
    assert shown.status_code == 200, shown.text
    topic: str = shown.json()["data"]["topic"]
    return topic


def written_by_nobody(root: Path) -> set[Path]:
    """Every file and directory under `root` the user owns."""
    owned = {root} if root.stat().st_uid == NOBODY else set()
    for directory, names, files in os.walk(root):
        for name in (*names, *files):
            path = Path(directory, name)
            if path.lstat().st_uid == NOBODY:
                owned.add(path)
    return owned


def left_in_shared_temporary(since_ns: int) -> list[Path]:
    """Entries the user made in the machine's shared temporary directories since then."""
    made = []
    for shared in SHARED_TEMPORARY:
        if not shared.is_dir():
            continue
        for entry in shared.iterdir():
            try:
                status = entry.lstat()
            except FileNotFoundError:
                continue  # another process's, removed meanwhile
            if status.st_uid == NOBODY and status.st_ctime_ns >= since_ns:
                made.append(entry)
    return made


async def test_serve_and_worker_complete_a_minute_as_an_unprivileged_user(
    sandbox: Path,
    anon_exchange: FakeExchange,
    ntfy: FakeNtfy,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    started_ns = time.time_ns()
    await follow_anon(anon_exchange, session_factory)
    _, email, password = await create_account(session_factory, "premium")
    # One installation: the API and the worker share the secrets (mute links, sessions).
    shared = secret_files(sandbox / "secrets")
    services = (anon_exchange, ntfy, job_keys)

    # The worker first: its minute stores the exchange's candles, so the API's start-up then
    # finds them and asks the exchange nothing (a slow answer there would switch it to the
    # replay market).
    worker = start_worker(sandbox, environment(sandbox, "var-worker", shared, services))
    tail = StderrTail(worker)
    api: ApiProcess | None = None
    try:
        await wait_for_worker(worker, tail, "start", lambda: tail_says(tail, "Starting worker"))
        # The minute, as the schedule starts it: fetch, cycles (detection, the signal), push.
        assert await ArqEnqueuer(arq_redis, job_keys).enqueue("fetch_and_scan")
        await wait_for_worker(worker, tail, "push", lambda: bool(ntfy.published))

        api = start_api(sandbox, environment(sandbox, "var-api", shared, services))
        await api.wait_live(PROCESS_STARTUP_SECONDS)
        topic = await topic_shown_by(api, email, password)
        shared_during_run = left_in_shared_temporary(started_ns)
    finally:
        worker_status = await stop_worker(worker)
        if api is not None:
            api.stop()
            sys.stderr.write(f"--- API process log (tail) ---\n{api.log_tail()}\n")
    assert worker_status == 0, tail.text()
    assert api is not None and api.process.returncode == 0, api and api.log_tail()

    # The signal reached the user's phone: the push was accepted, on the topic the API shows.
    assert ntfy.published and {push["topic"] for push in ntfy.published} == {topic}
    assert "ANON/BTC" in ntfy.published[0]["title"] + ntfy.published[0]["message"]
    # T0's signal alone: the warm-up's older signals are stored, never pushed.
    assert len(ntfy.published) == 1
    assert {received.status for received in ntfy.requests} == {200}
    runs = await runs_by_name(session_factory)
    minute = [*runs["fetch_and_scan"], *runs["scan_symbol"], *runs["notify_signal"]]
    assert {run.status for run in minute} == {"ok"}, [(r.name, r.status, r.error) for r in minute]
    [scan] = runs["scan_symbol"]
    assert scan.candles_fetched >= SERVED_MINUTES and scan.signals_created >= 1
    assert sum(run.notifications_sent for run in runs["notify_signal"]) == len(ntfy.published)

    # Compiled code is cached in the worker's data directory (the package is read-only)...
    cache = sandbox / "var-worker" / CACHE_SUBDIR
    assert list(cache.rglob("*.nbi")), f"no numba cache index under {cache}"
    assert all(path.stat().st_uid == NOBODY for path in cache.rglob("*"))
    # ... and the user wrote nothing but its data directories and private temporary directory.
    allowed = [sandbox / name for name in ("var-api", "var-worker", "tmp")]
    outside = [
        path
        for path in written_by_nobody(sandbox)
        if not any(path == root or root in path.parents for root in allowed)
    ]
    assert outside == []
    assert shared_during_run == []
    assert left_in_shared_temporary(started_ns) == []
