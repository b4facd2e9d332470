"""An API key costs no more than a session cookie on an authenticated read (issue #15).

One `cryptolens serve` process (1 uvicorn worker) on a throwaway SQLite database seeded as
bench_api.py seeds it (50 symbols, active patterns, open signals, a verified premium user),
with Redis (a database of its own, default 15, flushed before and after) holding the rate-limit
and key-usage counters, as in production. wrk drives GET /api/v1/signals?limit=50 with 50
connections, alternately with the session cookie and with an API key of the same user (scope
read:signals). Both pass the same rate-limit check (a session's 200 a minute and the key's
limits are raised for the bench); the key path adds the key lookup (memoised), its IP rules
and the usage counters in Redis.

Targets (exit 1 when missed, 2 when the bench cannot run):
- the key's best req/s >= 90 % of the cookie's best (same run);
- no database write per request: after every key request, the database still shows the key
  unused (total_requests 0, no per-day usage row), and the usage counters in Redis hold every
  request (they reach the database only through the minute's flush job, not run here).

Run: .venv/bin/python bench/bench_api_keys.py [--duration S] [--rounds N] [--connections N]
     [--redis-url URL]"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import httpx
from redis import Redis
from redis.asyncio import Redis as AsyncRedis
from sqlalchemy import func, select

from bench_api import (
    EMAIL,
    SERVER_ENV,
    BenchError,
    WrkRun,
    cpu_seconds,
    ensure_wrk,
    free_port,
    parse_wrk,
    seed,
    sign_in,
    wait_until_live,
)
from cryptolens.access.principal import PrincipalUser
from cryptolens.apikeys.models import ApiKey, ApiKeyUsage
from cryptolens.apikeys.schemas import ApiKeyCreate
from cryptolens.apikeys.service import create_key
from cryptolens.apikeys.usage import UsageCounters
from cryptolens.auth.models import User
from cryptolens.core.cache import RedisCache
from cryptolens.db import create_engine, create_session_factory, unit_of_work
from cryptolens.models_registry import load_all_models
from cryptolens.settings import Settings

TARGET_RATIO = 0.9
SIGNALS_PATH = "/api/v1/signals?limit=50"
REDIS_DEFAULT = "redis://127.0.0.1:6379/15"
# Far above what wrk reaches on two cores, so the bench measures the checks, not refusals.
RAISED = {"limit_per_minute": 100_000, "limit_per_hour": 1_000_000, "limit_per_day": 10_000_000}


@dataclass(frozen=True)
class Credential:
    name: str
    header: str


async def add_key(settings: Settings) -> tuple[int, str]:
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        factory = create_session_factory(engine)
        async with unit_of_work(factory) as session:
            user = (await session.scalars(select(User).where(User.email == EMAIL))).one()
            owner = PrincipalUser(id=user.id, email=EMAIL, is_admin=False, is_verified=True)
            body = ApiKeyCreate(name="bench", scopes=["read:signals"], **RAISED)
            created = await create_key(session, owner, body, 20, datetime.now(UTC))
        return created.id, created.key
    finally:
        await engine.dispose()


async def key_rows(settings: Settings, key_id: int) -> tuple[int, int]:
    """(total_requests on the key's row, per-day usage rows) as the database has them."""
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        factory = create_session_factory(engine)
        async with factory() as session:
            key = await session.get(ApiKey, key_id)
            assert key is not None
            usage_rows = await session.scalar(
                select(func.count())
                .select_from(ApiKeyUsage)
                .where(ApiKeyUsage.api_key_id == key_id)
            )
            return key.total_requests, int(usage_rows or 0)
    finally:
        await engine.dispose()


async def counted_in_cache(redis_url: str, key_id: int) -> int:
    """The key's requests counted in Redis (taken, as the flush job would take them)."""
    client = AsyncRedis.from_url(redis_url)
    try:
        taken = await UsageCounters(RedisCache(client), days_kept=7).take(datetime.now(UTC).date())
        return int(taken.requests_of(key_id))
    finally:
        await client.aclose()


def start_server(var_dir: Path, port: int, redis_url: str, log: IO[str]) -> subprocess.Popen[str]:
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("CRYPTOLENS_")}
    env = {
        **inherited,
        **SERVER_ENV,
        "CRYPTOLENS_VAR_DIR": str(var_dir),
        "CRYPTOLENS_DATABASE_URL": f"sqlite+aiosqlite:///{(var_dir / 'bench.db').as_posix()}",
        "CRYPTOLENS_REDIS_URL": redis_url,
        "CRYPTOLENS_FRONTEND_DIST": str(var_dir / "no-spa"),
        # The session's per-user limit, raised like the key's (see RAISED).
        "CRYPTOLENS_API_SESSION_LIMIT": "1000000/minute",
    }
    command = [sys.executable, "-m", "cryptolens.cli", "serve"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--workers", "1"]
    return subprocess.Popen(command, env=env, cwd=var_dir, stdout=log, stderr=log, text=True)


def run_wrk(
    wrk: str, pid: int, url: str, credential: Credential, args: argparse.Namespace, seconds: float
) -> WrkRun:
    command = [wrk, f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds:g}s"]
    command += ["--timeout", "10s", "--latency", "-H", credential.header, url]
    cpu_before = cpu_seconds(pid)
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    cpu = cpu_seconds(pid) - cpu_before
    if done.returncode != 0:
        raise BenchError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    run = parse_wrk(credential.name, done.stdout, cpu)
    if run.non_2xx:
        raise BenchError(f"{credential.name}: {run.non_2xx} of {run.requests} were not 2xx")
    return run


def check_same_answer(base_url: str, credentials: list[Credential]) -> int:
    """Both credentials see the same signals (the key is the same user's); returns how many."""
    answers = []
    for credential in credentials:
        name, value = credential.header.split(": ", 1)
        response = httpx.get(base_url + SIGNALS_PATH, headers={name: value}, timeout=30)
        if response.status_code != 200:
            raise BenchError(f"{credential.name}: {response.status_code} {response.text[:300]}")
        answers.append([signal["id"] for signal in response.json()["data"]])
    if answers[0] != answers[1] or not answers[0]:
        raise BenchError(f"the cookie and the key see different signals: {answers}")
    return len(answers[0])


def report(runs: list[WrkRun], args: argparse.Namespace) -> float:
    print(f"\nall runs ({args.duration:g} s each, alternating):")
    for run in runs:
        errors = f", socket errors: {run.socket_errors}" if run.socket_errors else ""
        print(
            f"  {run.path:<8}{run.rps:>9,.0f} req/s  p50 {run.p50_ms:7.2f} ms  "
            f"p99 {run.p99_ms:7.2f} ms  server CPU {run.cpu_ms:6.3f} ms/request  "
            f"({run.requests:,} requests{errors})"
        )
    best = {
        name: max((run for run in runs if run.path == name), key=lambda run: run.rps)
        for name in ("cookie", "api key")
    }
    print(f"\nbest of {args.rounds}:")
    for name, run in best.items():
        print(
            f"  {name:<8}{run.rps:>9,.0f} req/s  p50 {run.p50_ms:7.2f} ms  "
            f"p99 {run.p99_ms:7.2f} ms  server CPU {run.cpu_ms:6.3f} ms/request"
        )
    return best["api key"].rps / best["cookie"].rps


def measure(args: argparse.Namespace) -> bool:
    wrk = ensure_wrk()
    load_all_models()
    redis = Redis.from_url(args.redis_url, socket_connect_timeout=3)
    try:
        redis.ping()
    except OSError as error:
        raise BenchError(f"Redis at {args.redis_url} does not answer: {error}") from error
    redis.flushdb()
    with tempfile.TemporaryDirectory(prefix="bench-keys-") as tmp:
        var_dir = Path(tmp)
        url = f"sqlite+aiosqlite:///{(var_dir / 'bench.db').as_posix()}"
        settings = Settings(_env_file=None, env="test", var_dir=var_dir, database_url=url)
        asyncio.run(seed(settings, args.symbols))
        key_id, key = asyncio.run(add_key(settings))
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        log_path = var_dir / "server.log"
        with log_path.open("w") as log:
            server = start_server(var_dir, port, args.redis_url, log)
            try:
                wait_until_live(server, base_url, log_path)
                credentials = [
                    Credential("cookie", f"Cookie: {sign_in(base_url)}"),
                    Credential("api key", f"X-API-Key: {key}"),
                ]
                shown = check_same_answer(base_url, credentials)
                print(
                    f"server: `cryptolens serve`, 1 uvicorn worker on {base_url}, SQLite, Redis "
                    f"{args.redis_url} (rate limits, key usage); GET {SIGNALS_PATH} answers "
                    f"{shown} signals to both credentials"
                )
                print(
                    f"wrk: -t{args.threads} -c{args.connections} -d{args.duration:g}s; server "
                    f"and wrk share {os.cpu_count()} cores (load average before: "
                    f"{', '.join(f'{load:.1f}' for load in os.getloadavg())})"
                )
                target = base_url + SIGNALS_PATH
                for credential in credentials:  # warm-up, not counted in the comparison
                    run_wrk(wrk, server.pid, target, credential, args, args.warmup)
                runs = [
                    run_wrk(wrk, server.pid, target, credential, args, args.duration)
                    for _ in range(args.rounds)
                    for credential in credentials
                ]
            finally:
                server.terminate()
                try:
                    server.wait(10)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
        ratio = report(runs, args)
        total_requests, usage_rows = asyncio.run(key_rows(settings, key_id))
        counted = asyncio.run(counted_in_cache(args.redis_url, key_id))
    redis.flushdb()
    redis.close()
    # wrk counts completed requests; a few more may have been in flight when it stopped.
    sent_with_key = sum(run.requests for run in runs if run.path == "api key")
    ratio_met = ratio >= TARGET_RATIO
    no_writes = total_requests == 0 and usage_rows == 0 and counted >= sent_with_key
    print(
        f"\ntarget: API key >= {TARGET_RATIO:.0%} of the cookie's req/s -> {ratio:.1%} "
        f"{'ok' if ratio_met else 'MISSED'}"
    )
    print(
        f"target: no database write per request -> the key's row says {total_requests} "
        f"requests and {usage_rows} usage rows; Redis counted {counted:,} requests "
        f"(wrk completed {sent_with_key:,} in the measured runs, plus warm-up and checks) "
        f"{'ok' if no_writes else 'MISSED'}"
    )
    return ratio_met and no_writes


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per wrk run")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up each")
    parser.add_argument("--rounds", type=int, default=3, help="runs per credential, alternating")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--symbols", type=int, default=50)
    parser.add_argument("--redis-url", default=REDIS_DEFAULT)
    args = parser.parse_args()
    started = time.perf_counter()
    try:
        met = measure(args)
    except BenchError as error:
        print(f"bench_api_keys FAILED: {error}", file=sys.stderr)
        return 2
    print(f"(bench took {time.perf_counter() - started:.0f} s)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
