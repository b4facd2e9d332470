"""Mixed load on production's shape (issue #13, failure 7): do sign-ins starve the reads?

What: two `cryptolens serve` processes and one `cryptolens worker` (no schedule: it only runs
what the API enqueues, e.g. verification mails) on a throwaway MariaDB database (migrated,
seeded as bench_api.py seeds: 50 symbols x 6 timeframes of active patterns, open signals) and
a Redis database of its own (default db 15, flushed before and after). The load comes from
spawned aiohttp client processes (bench/load_clients.py):
- 190 read connections: signed-in GETs of /api/v1/matrix, /patterns, /signals and /stats in
  turn, over 8 premium sessions, spread evenly over both API processes;
- liveness probes: GET /api/health/live on each API process every 50 ms;
- 10 login loops (CSRF token, then POST /login of one of 10 seeded accounts, again and again)
  and 5 sign-up loops (CSRF token, then POST /register of a new address each time).
Phase A: reads and probes alone for --duration seconds (after --warmup seconds not counted);
phase B: the same plus the login and sign-up loops, for --duration seconds.

Rate limits: login is 5/minute and sign-up 3/hour per IP, so unscaled every loop would get 429s
at once and no password would be hashed. The servers run with CRYPTOLENS_RATE_LIMIT_SCALE
1/3600 (windows shrink to their 1 s floor: login 5/s, sign-up 3/s per IP) and each login and
sign-up loop binds its own loopback address (127.0.1.x), so the limits still apply (429s are
counted and shown) but a loop mostly waits on argon2, as 15 distinct clients would.

Targets (exit status 1 when one is missed; 2 when the bench cannot run): no 5xx, no client
timeout (10 s) and no transport error in either phase; every sign-up answered 201 is stored
exactly once; read throughput in B >= 50 % of A; liveness p99 in B < 200 ms.

Run: .venv/bin/python bench/bench_load.py [--duration S] [--warmup S] [--read-connections N]
     [--login-loops N] [--signup-loops N] [--client-processes N] [--mysql-url SERVER_URL]
     [--redis-url URL]      (quick check: --duration 10 --warmup 3 --read-connections 40)"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import func, select

from bench_api import EMAIL, seed
from cryptolens.auth.models import User
from cryptolens.db import create_engine
from cryptolens.models_registry import load_all_models
from cryptolens.settings import Settings
from load_clients import ERROR, TIMEOUT, ClientPlan, ClientResult, Record, run_clients
from production_shape import (
    PASSWORD,
    BenchError,
    Cluster,
    add_accounts,
    add_cluster_arguments,
    add_exchange_candle,
    flush_redis,
    percentile,
    production_settings,
    shared_secrets,
    sign_in,
)
from throwaway_mysql import throwaway_database

BENCH_DATABASE = "cryptolens_bench_load"
READ_PATHS = ("/api/v1/matrix", "/api/v1/patterns", "/api/v1/signals", "/api/v1/stats")
RATE_LIMIT_SCALE = 1 / 3600
# CRYPTOLENS_ settings for the API processes given to this bench's own environment as
# BENCH_CRYPTOLENS_<NAME> (to try a setting: BENCH_CRYPTOLENS_MAX_CONCURRENT_REQUESTS=8).
BENCH_ENV_OVERRIDES = {
    name.removeprefix("BENCH_"): value
    for name, value in os.environ.items()
    if name.startswith("BENCH_CRYPTOLENS_")
}
TARGET_READ_RATIO = 0.5
TARGET_LIVE_P99_MS = 200.0


@dataclass(frozen=True)
class Window:
    name: str
    start: float
    end: float

    def holds(self, record: Record) -> bool:
        return self.start <= record[2] < self.end


@dataclass(frozen=True)
class PhaseFigures:
    window: Window
    reads_ok: int
    read_rps: float
    read_ms: tuple[float, float, float]  # p50, p95, p99 of every answered read
    live_ms: tuple[float, float]  # p95, p99
    statuses: dict[str, Counter[int]]  # kind -> status -> count
    server_errors: int
    timeouts: int
    transport_errors: int


def figures(records: list[Record], window: Window) -> PhaseFigures:
    inside = [record for record in records if window.holds(record)]
    statuses: dict[str, Counter[int]] = {}
    for kind, _, _, _, status, _ in inside:
        statuses.setdefault(kind, Counter())[status] += 1
    answered = [r[3] * 1000 for r in inside if r[0] == "read" and r[4] > 0]
    live = [r[3] * 1000 for r in inside if r[0] == "live" and r[4] > 0]
    reads_ok = sum(1 for r in inside if r[0] == "read" and 200 <= r[4] < 300)
    return PhaseFigures(
        window=window,
        reads_ok=reads_ok,
        read_rps=reads_ok / (window.end - window.start),
        read_ms=(percentile(answered, 0.5), percentile(answered, 0.95), percentile(answered, 0.99)),
        live_ms=(percentile(live, 0.95), percentile(live, 0.99)),
        statuses=statuses,
        server_errors=sum(1 for r in inside if r[4] >= 500),
        timeouts=sum(1 for r in inside if r[4] == TIMEOUT),
        transport_errors=sum(1 for r in inside if r[4] == ERROR),
    )


def plans(args: argparse.Namespace, bases: list[str], cookies: list[str]) -> list[ClientPlan]:
    """The load split over the client processes; returns them with the phase windows set."""
    count = args.client_processes
    start = time.time() + 10  # the client processes start and import aiohttp meanwhile
    phase_a = start + args.warmup
    phase_b = phase_a + args.duration
    end = phase_b + args.duration
    logins = [
        (f"127.0.1.{10 + n}", f"login-{n}@example.com", PASSWORD) for n in range(args.login_loops)
    ]
    signups = [
        (f"127.0.1.{100 + n}", f"signup-{os.getpid()}-{n}", PASSWORD)
        for n in range(args.signup_loops)
    ]
    share, extra = divmod(args.read_connections, count)
    result = []
    offset = 0
    for index in range(count):
        connections = share + (index < extra)
        result.append(
            ClientPlan(
                base_urls=tuple(bases),
                cookies=tuple(cookies),
                read_paths=READ_PATHS,
                read_connections=connections,
                read_offset=offset,
                live_probes=index == 0,
                login_loops=tuple(logins[index::count]),
                signup_loops=tuple(signups[index::count]),
                start_at=start,
                loops_from=phase_b,
                loops_until=end,
                stop_at=end,
                timeout_s=args.timeout,
            )
        )
        offset += connections
    return result


async def stored_once(settings: Settings, emails: list[str]) -> Counter[int]:
    """How many rows each address has in users: {rows: addresses}."""
    engine = create_engine(settings.resolved_database_url, settings)
    rows: dict[str, int] = dict.fromkeys(emails, 0)
    try:
        async with engine.connect() as connection:
            for at in range(0, len(emails), 500):
                batch = emails[at : at + 500]
                statement = (
                    select(User.email, func.count())
                    .where(User.email.in_(batch))
                    .group_by(User.email)
                )
                for email, count in await connection.execute(statement):
                    rows[email] = count
    finally:
        await engine.dispose()
    return Counter(rows.values())


async def warm(cluster: Cluster, cookie: str) -> None:
    """Every read path answers 200 on each API process before the clock starts."""
    async with httpx.AsyncClient(timeout=30) as client:
        for api in cluster.apis:
            for path in READ_PATHS:
                answer = await client.get(api.base_url + path, headers={"Cookie": cookie})
                if answer.status_code != 200:
                    raise BenchError(f"warm-up: {path} answered {answer.status_code}")


async def measure(
    args: argparse.Namespace, var_dir: Path
) -> tuple[ClientResult, list[Window], Counter[int], Counter[int]]:
    async with throwaway_database(args.mysql_url, BENCH_DATABASE) as url:
        await flush_redis(args.redis_url)
        env = {
            **shared_secrets(),
            "CRYPTOLENS_RATE_LIMIT_SCALE": f"{args.rate_limit_scale:.8f}",
            **BENCH_ENV_OVERRIDES,
        }
        settings = production_settings(url, var_dir, env)
        await seed(settings, args.symbols)  # migrates, then the market and EMAIL (premium)
        await add_accounts(settings, [f"login-{n}@example.com" for n in range(args.login_loops)])
        await add_exchange_candle(settings, "B00/USDT")
        # The exchange data source (a candle is stored): no replay demo to load, no exchange
        # asked (the worker runs no schedule, so nothing fetches).
        env |= {
            "CRYPTOLENS_DATA_SOURCE": "exchange",
            "CRYPTOLENS_EXCHANGE_API_URL": "http://127.0.0.1:9",
        }
        cluster = Cluster(var_dir, url, args.redis_url, env)
        try:
            cluster.start_apis(2)
            cluster.start_worker(schedule=False)
            await cluster.wait_apis_live()
            assert cluster.worker is not None
            await cluster.worker.wait_started()
            bases = [api.base_url for api in cluster.apis]
            cookies = [
                await sign_in(bases[n % 2], EMAIL, local_address=f"127.0.2.{n + 1}")
                for n in range(args.sessions)
            ]
            await warm(cluster, cookies[0])
            load = plans(args, bases, cookies)
            first = load[0]
            windows = [
                Window("A: reads", first.start_at + args.warmup, first.loops_from),
                Window("B: reads + logins + sign-ups", first.loops_from, first.loops_until),
            ]
            print(
                f"load: {args.read_connections} read connections, {args.login_loops} login "
                f"loops, {args.signup_loops} sign-up loops, liveness every 50 ms per API "
                f"process; {args.client_processes} client processes; {os.cpu_count()} cores, "
                f"load average {', '.join(f'{v:.1f}' for v in os.getloadavg())}"
            )
            deadline = first.stop_at - time.time() + args.timeout + 60
            result = await asyncio.to_thread(run_clients, load, var_dir, deadline_s=deadline)
            for api in cluster.apis:
                if api.process.poll() is not None:
                    raise BenchError(f"an API process exited:\n{api.log_tail()}")
            accepted = await stored_once(settings, result.accepted)
            uncertain = await stored_once(settings, result.uncertain)
        finally:
            cluster.stop()
            await flush_redis(args.redis_url)
    return result, windows, accepted, uncertain


def show_phase(phase: PhaseFigures) -> None:
    p50, p95, p99 = phase.read_ms
    print(f"\n{phase.window.name} ({phase.window.end - phase.window.start:.0f} s)")
    print(
        f"  reads: {phase.read_rps:,.1f} req/s ({phase.reads_ok:,} answered 2xx); "
        f"p50 {p50:,.0f} ms, p95 {p95:,.0f} ms, p99 {p99:,.0f} ms"
    )
    print(f"  liveness: p95 {phase.live_ms[0]:,.1f} ms, p99 {phase.live_ms[1]:,.1f} ms")
    for kind, counts in sorted(phase.statuses.items()):
        shown = ", ".join(
            f"{_status_name(status)}: {count:,}" for status, count in sorted(counts.items())
        )
        print(f"  {kind:<12} {shown}")
    print(
        f"  5xx: {phase.server_errors}, timeouts: {phase.timeouts}, "
        f"transport errors: {phase.transport_errors}"
    )


def _status_name(status: int) -> str:
    return {TIMEOUT: "timeout", ERROR: "error"}.get(status, str(status))


def report(
    result: ClientResult,
    windows: list[Window],
    accepted: Counter[int],
    uncertain: Counter[int],
) -> bool:
    phase_a, phase_b = (figures(result.records, window) for window in windows)
    for phase in (phase_a, phase_b):
        show_phase(phase)
    if result.samples:
        print("\nfirst failures seen:")
        for sample in result.samples:
            print(f"  {sample}")
    print(
        f"\nsign-ups: {len(result.accepted)} answered 201; rows per accepted address: "
        f"{dict(accepted)}; {len(result.uncertain)} without a clear answer, rows: "
        f"{dict(uncertain)}"
    )
    ratio = phase_b.read_rps / phase_a.read_rps if phase_a.read_rps else 0.0
    failures = sum(p.server_errors for p in (phase_a, phase_b))
    timeouts = sum(p.timeouts + p.transport_errors for p in (phase_a, phase_b))
    targets = [
        ("no 5xx", failures == 0, f"{failures}"),
        ("no timeout or transport error", timeouts == 0, f"{timeouts}"),
        (
            "every accepted sign-up stored exactly once",
            bool(result.accepted) and set(accepted) == {1},
            f"{accepted.get(1, 0)} of {len(result.accepted)}",
        ),
        (f"reads in B >= {TARGET_READ_RATIO:.0%} of A", ratio >= TARGET_READ_RATIO, f"{ratio:.1%}"),
        (
            f"liveness p99 in B < {TARGET_LIVE_P99_MS:.0f} ms",
            phase_b.live_ms[1] < TARGET_LIVE_P99_MS,
            f"{phase_b.live_ms[1]:.1f} ms",
        ),
    ]
    print("\ntargets:")
    for name, met, value in targets:
        print(f"  {name:<46} {value:>14}  {'ok' if met else 'MISSED'}")
    return all(met for _, met, _ in targets)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per phase")
    parser.add_argument("--warmup", type=float, default=10.0, help="seconds before phase A")
    parser.add_argument("--read-connections", type=int, default=190)
    parser.add_argument("--login-loops", type=int, default=10)
    parser.add_argument("--signup-loops", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=8, help="signed-in read sessions")
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument("--symbols", type=int, default=50)
    parser.add_argument("--timeout", type=float, default=10.0, help="client timeout, seconds")
    parser.add_argument("--rate-limit-scale", type=float, default=RATE_LIMIT_SCALE)
    add_cluster_arguments(parser)
    args = parser.parse_args()
    load_all_models()
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
            workdir = args.workdir or Path(tmp)
            workdir.mkdir(parents=True, exist_ok=True)
            outcome = asyncio.run(measure(args, workdir))
    except RuntimeError as error:  # BenchError, or a load client that failed
        print(f"bench_load FAILED: {error}", file=sys.stderr)
        return 2
    met = report(*outcome)
    print(f"(bench took {time.perf_counter() - started:.0f} s)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
