"""Production's shape on one machine, for the load and fault benches: a throwaway MariaDB
database (migrated), a Redis database of the bench's own, two `cryptolens serve` processes and
one `cryptolens worker`, all sharing one secret key and encryption key (a CSRF token or a
session cookie from one API process is good on the other, as behind a load balancer).

Redis: the product's keys have fixed names (`cryptolens:*`, arq's queues), so a bench owns a
whole Redis database number instead of a key prefix, flushed before and after the run. The
test runner uses databases 1-13 and CI 14, so the benches (run one after another) use 15."""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
from cryptography.fernet import Fernet
from redis.asyncio import Redis
from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # tests.processes, tests.fakes: the suite's real processes

from tests.processes import ApiProcess, start_api  # noqa: E402

from cryptolens.auth.accounts import create_user  # noqa: E402
from cryptolens.billing.service import grant_subscription  # noqa: E402
from cryptolens.core.security import PasswordHasher  # noqa: E402
from cryptolens.db import create_engine, create_session_factory, unit_of_work  # noqa: E402
from cryptolens.market.models import Candle, Symbol  # noqa: E402
from cryptolens.settings import Settings  # noqa: E402
from throwaway_mysql import DEFAULT_SERVER_URL  # noqa: E402

WORKER_STARTUP_SECONDS = 180
CSRF_PATH = "/api/v1/auth/csrf"
LOGIN_PATH = "/api/v1/auth/login"
REGISTER_PATH = "/api/v1/auth/register"
PASSWORD = "Bench-Tr4der-7a1c9e"  # throwaway accounts in a throwaway database


class BenchError(RuntimeError):
    """The bench could not run; never a silent skip."""


# Both benches use this Redis database, one after the other (see above).
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"


def add_cluster_arguments(parser: argparse.ArgumentParser) -> None:
    """Where the cluster's MariaDB and Redis are, and where its logs go."""
    parser.add_argument("--mysql-url", default=DEFAULT_SERVER_URL, help="a MariaDB server")
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL, help="a database of its own")
    parser.add_argument("--workdir", type=Path, help="keep the processes' logs here")


def shared_secrets() -> dict[str, str]:
    """One secret key and one encryption key for every process of a run."""
    return {
        "CRYPTOLENS_SECRET_KEY": secrets.token_urlsafe(48),
        "CRYPTOLENS_ENCRYPTION_KEYS": Fernet.generate_key().decode("ascii"),
    }


async def flush_redis(url: str) -> None:
    client = Redis.from_url(url)
    try:
        await client.flushdb()
    finally:
        await client.aclose()


def production_settings(database_url: str, var_dir: Path, env: Mapping[str, str]) -> Settings:
    """The servers' settings, for seeding from the bench: production-strength password hashes
    (env=test would write cheap ones, and sign-ins would then cost the servers nothing)."""
    return Settings(
        _env_file=None,
        env="development",
        var_dir=var_dir,
        database_url=database_url,
        secret_key=env["CRYPTOLENS_SECRET_KEY"],
        encryption_keys=env["CRYPTOLENS_ENCRYPTION_KEYS"],
    )


async def add_accounts(
    settings: Settings, emails: list[str], *, plan: str | None = "premium_monthly"
) -> None:
    """Verified accounts with PASSWORD (hashed as the servers hash), on `plan` (None: free)."""
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        factory = create_session_factory(engine)
        hasher = PasswordHasher.for_settings(settings)
        now = datetime.now(UTC)
        async with unit_of_work(factory) as session:
            for email in emails:
                user = await create_user(
                    session, hasher, now, email=email, password=PASSWORD, is_verified=True
                )
                if plan is not None:
                    await grant_subscription(session, user.id, plan, now)
    finally:
        await engine.dispose()


async def add_exchange_candle(settings: Settings, symbol: str) -> None:
    """One stored exchange candle: a serving process then starts on the exchange data source
    at once (on a database without any it would load the replay demo market, every API
    process at the same time)."""
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        async with unit_of_work(create_session_factory(engine)) as session:
            symbol_id = await session.scalar(select(Symbol.id).where(Symbol.symbol == symbol))
            if symbol_id is None:
                raise BenchError(f"no symbol {symbol} to store a candle for")
            minute = (int(time.time()) // 60 - 1) * 60_000
            session.add(
                Candle(
                    symbol_id=symbol_id,
                    timeframe="1m",
                    open_time=minute,
                    open=100.0,
                    high=101.0,
                    low=99.0,
                    close=100.5,
                    volume=1.0,
                )
            )
    finally:
        await engine.dispose()


# --- processes ------------------------------------------------------------------------------


@dataclass
class Cluster:
    """The bench's processes; `stop()` ends every one it started (by its own handle)."""

    workdir: Path
    database_url: str  # what the processes use (through a fault proxy in the fault bench)
    redis_url: str
    env: dict[str, str]
    apis: list[ApiProcess] = field(default_factory=list)
    worker: WorkerProcess | None = None

    def start_apis(self, count: int) -> list[ApiProcess]:
        for _ in range(count):
            self.apis.append(
                start_api(
                    self.workdir,
                    database_url=self.database_url,
                    redis_url=self.redis_url,
                    env=self.env,
                )
            )
        return self.apis

    async def wait_apis_live(self, within_seconds: float = 300) -> None:
        try:
            await asyncio.gather(*(api.wait_live(within_seconds) for api in self.apis))
        except AssertionError as error:
            tails = "\n".join(api.log_tail(3000) for api in self.apis)
            raise BenchError(f"{error}; API logs:\n{tails}") from None

    def start_worker(self, *, schedule: bool, extra: Mapping[str, str] | None = None) -> None:
        self.worker = WorkerProcess.start(
            self.workdir,
            {
                **self.env,
                "CRYPTOLENS_DATABASE_URL": self.database_url,
                "CRYPTOLENS_REDIS_URL": self.redis_url,
                **(extra or {}),
            },
            schedule=schedule,
        )

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
        for api in self.apis:
            api.stop()


@dataclass
class WorkerProcess:
    process: subprocess.Popen[bytes]
    log_path: Path
    env: dict[str, str]
    schedule: bool
    workdir: Path
    generation: int = 0

    @classmethod
    def start(
        cls, workdir: Path, env: Mapping[str, str], *, schedule: bool, generation: int = 0
    ) -> WorkerProcess:
        inherited = {k: v for k, v in os.environ.items() if not k.startswith("CRYPTOLENS_")}
        variables = {
            **inherited,
            "CRYPTOLENS_ENV": "development",
            "CRYPTOLENS_VAR_DIR": str(workdir / "var"),
            "CRYPTOLENS_WORKER_METRICS_PORT": "0",
            "CRYPTOLENS_LOG_LEVEL": "INFO",
            **env,
        }
        command = [sys.executable, "-m", "cryptolens.cli", "worker"]
        if not schedule:
            command.append("--no-schedule")
        workdir.mkdir(parents=True, exist_ok=True)
        log_path = workdir / f"worker-{generation}.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                command, env=variables, cwd=workdir, stdout=log, stderr=subprocess.STDOUT
            )
        return cls(process, log_path, dict(env), schedule, workdir, generation)

    def restart(self) -> WorkerProcess:
        """A new worker process with the same settings (the old one must be gone)."""
        return WorkerProcess.start(
            self.workdir, self.env, schedule=self.schedule, generation=self.generation + 1
        )

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def alive(self) -> bool:
        return self.process.poll() is None

    async def wait_started(self, within_seconds: float = WORKER_STARTUP_SECONDS) -> None:
        """Until arq logs its start ("Starting worker for ...")."""
        deadline = time.monotonic() + within_seconds
        while "Starting worker for" not in self.log_text():
            if not self.alive():
                raise BenchError(
                    f"the worker exited ({self.process.returncode}):\n{self.log_text()[-3000:]}"
                )
            if time.monotonic() > deadline:
                raise BenchError(f"the worker did not start within {within_seconds} s")
            await asyncio.sleep(0.2)

    def kill(self) -> None:
        if self.alive():
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


# --- sessions -------------------------------------------------------------------------------


async def sign_in(base_url: str, email: str, local_address: str | None = None) -> str:
    """Signs in over HTTP as the SPA does (CSRF token, then login); returns the Cookie header.
    `local_address` (127.0.x.y) gives the sign-in its own per-IP rate-limit bucket."""
    transport = httpx.AsyncHTTPTransport(local_address=local_address)
    async with httpx.AsyncClient(base_url=base_url, timeout=30, transport=transport) as client:
        csrf = await client.get(CSRF_PATH)
        csrf.raise_for_status()
        token = csrf.json()["data"]["csrf_token"]
        login = await client.post(
            LOGIN_PATH,
            json={"email": email, "password": PASSWORD},
            headers={"X-CSRF-Token": token, "Origin": base_url},
        )
        if login.status_code != 200:
            raise BenchError(f"sign-in of {email} failed ({login.status_code}): {login.text}")
        session = client.cookies.get("cl_session")
        csrf_cookie = client.cookies.get("cl_csrf")
        if not session or not csrf_cookie:
            raise BenchError(f"sign-in set no session cookie: {dict(client.cookies)}")
        return f"cl_session={session}; cl_csrf={csrf_cookie}"


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]
