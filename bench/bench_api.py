"""HTTP throughput of the cached pattern matrix against a liveness endpoint (issue #7).

One uvicorn worker (`cryptolens serve`, as `make serve` runs it) serves a throwaway SQLite
database seeded with 50 active symbols, each with active patterns on all 6 timeframes and
every fifth with an open signal. wrk (Debian package; installed here with apt-get when missing
and running as root) drives GET /api/v1/matrix (cached, 60 s) and GET /api/health/live (no
I/O) on loopback with 50 connections, both with the same signed-in premium session cookie.
Target: the matrix sustains >= 50 % of the liveness requests per second.

The server and wrk share the machine's cores; both endpoints run under the same conditions,
alternately, and the best run of each is compared. The server's CPU time per request (all its
threads, from /proc) is printed too: it is steadier than req/s on a busy machine.

Run: .venv/bin/python bench/bench_api.py [--duration S] [--rounds N] [--connections N]"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import httpx

from cryptolens.auth.accounts import create_user
from cryptolens.billing.service import grant_subscription
from cryptolens.core.security import PasswordHasher
from cryptolens.db import create_engine, create_session_factory, to_ms, unit_of_work
from cryptolens.market.models import Symbol
from cryptolens.models_registry import load_all_models
from cryptolens.patterns.models import Pattern
from cryptolens.settings import Settings
from cryptolens.signals.models import Signal
from cryptolens.system import migrations

TARGET_RATIO = 0.5
SYMBOLS = 50
TIMEFRAMES = ("1m", "5m", "15m", "1h", "4h", "1d")
TYPES = ("fvg", "order_block", "liquidity_sweep")
HOUR_MS = 3_600_000
EMAIL = "bench-premium@example.com"
PASSWORD = "Bench-Tr4der-7a1c9e"  # a throwaway account in a throwaway database
LIVE_PATH = "/api/health/live"
MATRIX_PATH = "/api/v1/matrix"
# The bench server's settings: no demo accounts, market bootstrap or scheduled jobs (env=test
# skips them), no Redis; no .env is read (its cwd is the temp dir) and no SPA is mounted.
SERVER_ENV = {
    "CRYPTOLENS_ENV": "test",
    "CRYPTOLENS_INLINE_JOBS": "false",
    "CRYPTOLENS_DATA_SOURCE": "replay",
}
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3, "h": 3600e3}


class BenchError(RuntimeError):
    """The bench could not run; never a silent skip."""


@dataclass(frozen=True)
class WrkRun:
    path: str
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int
    socket_errors: str | None
    cpu_ms: float  # the server's CPU time (all its threads) per request


# --- wrk ------------------------------------------------------------------------------------


def ensure_wrk() -> str:
    """wrk's path; installs the Debian package when missing (root and apt-get only)."""
    found = shutil.which("wrk")
    if found:
        return found
    apt = shutil.which("apt-get")
    if apt is None or os.geteuid() != 0:
        raise BenchError("wrk is not installed and cannot be (needs root and apt-get)")
    print("wrk is missing: installing the Debian package with apt-get")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = [apt, "install", "-y", "-qq", "--no-install-recommends", "wrk"]
    if subprocess.run(install, env=env, check=False).returncode != 0:
        # The package lists may be missing or stale (a fresh container).
        subprocess.run([apt, "update", "-qq"], env=env, check=False)
        subprocess.run(install, env=env, check=False)
    found = shutil.which("wrk")
    if not found:
        raise BenchError("apt-get could not install wrk")
    return found


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if match is None:
        raise BenchError(f"unreadable wrk latency {text!r}")
    return float(match[1]) * _UNITS[match[2]]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def parse_wrk(path: str, output: str, cpu: float) -> WrkRun:
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    total = re.search(r"^\s+(\d+) requests in", output, re.MULTILINE)
    if rps is None or p50 is None or p99 is None or total is None:
        raise BenchError(f"unreadable wrk output:\n{output}")
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors:\s+(.+)", output)
    return WrkRun(
        path=path,
        rps=float(rps[1]),
        p50_ms=_ms(p50[1]),
        p99_ms=_ms(p99[1]),
        requests=int(total[1]),
        non_2xx=int(non_2xx[1]) if non_2xx else 0,
        socket_errors=errors[1].strip() if errors else None,
        cpu_ms=cpu * 1000 / max(1, int(total[1])),
    )


def run_wrk(
    wrk: str,
    server_pid: int,
    base_url: str,
    path: str,
    cookie: str,
    args: argparse.Namespace,
    seconds: float,
) -> WrkRun:
    command = [
        wrk,
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{seconds:g}s",
        "--timeout",
        "10s",
        "--latency",
        "-H",
        f"Cookie: {cookie}",
        base_url + path,
    ]
    cpu_before = cpu_seconds(server_pid)
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    cpu = cpu_seconds(server_pid) - cpu_before
    if done.returncode != 0:
        raise BenchError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    run = parse_wrk(path, done.stdout, cpu)
    if run.non_2xx:
        raise BenchError(f"{path}: {run.non_2xx} of {run.requests} responses were not 2xx/3xx")
    return run


# --- data -----------------------------------------------------------------------------------


async def seed(settings: Settings, symbols: int) -> None:
    """Migrates the database; adds the symbols, 3 active patterns per (symbol, timeframe), an
    open signal on every fifth symbol, and a verified premium user."""
    engine = create_engine(settings.resolved_database_url, settings)
    try:
        await migrations.upgrade(engine)
        factory = create_session_factory(engine)
        now = datetime.now(UTC)
        now_ms = to_ms(now)
        async with unit_of_work(factory) as session:
            for index in range(symbols):
                symbol = Symbol(
                    symbol=f"B{index:02d}/USDT",
                    exchange="binance",
                    base=f"B{index:02d}",
                    quote="USDT",
                    is_active=True,
                    tick_size=0.01,
                    price_precision=2,
                    added_at=now,
                )
                session.add(symbol)
                await session.flush()
                patterns = []
                for tf_index, timeframe in enumerate(TIMEFRAMES):
                    for type_index, kind in enumerate(TYPES):
                        formed = now_ms - (1 + tf_index + type_index) * HOUR_MS
                        patterns.append(
                            Pattern(
                                symbol_id=symbol.id,
                                timeframe=timeframe,
                                type=kind,
                                direction="bullish" if (index + type_index) % 2 else "bearish",
                                zone_low=100.0 + index,
                                zone_high=101.0 + index,
                                formed_at=formed,
                                confirmed_at=formed + 60_000,
                                # Active for the whole bench (the matrix skips expired ones).
                                expires_at=now_ms + 72 * HOUR_MS,
                                strength=0.4 + 0.1 * type_index,
                                status="active",
                                fill_pct=0.0,
                            )
                        )
                session.add_all(patterns)
                await session.flush()
                if index % 5 == 0:
                    session.add(_open_signal(symbol.id, patterns[9], now_ms))
            hasher = PasswordHasher.for_settings(settings)
            user = await create_user(
                session, hasher, now, email=EMAIL, password=PASSWORD, is_verified=True
            )
            await grant_subscription(session, user.id, "premium_monthly", now)
    finally:
        await engine.dispose()


def _open_signal(symbol_id: int, anchor: Pattern, now_ms: int) -> Signal:
    # The matrix shows the signal itself; its contributing-pattern rows are not read there.
    return Signal(
        symbol_id=symbol_id,
        direction="long",
        entry=101.0,
        stop_loss=99.5,
        take_profit_1=102.5,
        take_profit_2=104.0,
        take_profit_3=105.5,
        risk_reward=3.0,
        risk=1.5,
        atr=2.0,
        buffer=1.0,
        confluence=2,
        timeframes="4h,1h",
        anchor_pattern_id=anchor.id,
        anchor_type=anchor.type,
        anchor_timeframe=anchor.timeframe,
        anchor_expires_at=anchor.expires_at,
        strength=0.6,
        status="triggered",
        created_at=now_ms - HOUR_MS,
        triggered_at=now_ms - HOUR_MS + 60_000,
        setup_stats=[
            {
                "window_days": days,
                "count": 4,
                "triggered": 3,
                "wins": 2,
                "decided": 3,
                "win_rate": 2 / 3,
                "resolved": 3,
                "avg_r": 0.5,
            }
            for days in (30, 90)
        ],
    )


# --- server ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(var_dir: Path, port: int, log: IO[str]) -> subprocess.Popen[str]:
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("CRYPTOLENS_")}
    env = {
        **inherited,
        **SERVER_ENV,
        "CRYPTOLENS_VAR_DIR": str(var_dir),
        "CRYPTOLENS_DATABASE_URL": f"sqlite+aiosqlite:///{(var_dir / 'bench.db').as_posix()}",
        "CRYPTOLENS_FRONTEND_DIST": str(var_dir / "no-spa"),
    }
    command = [sys.executable, "-m", "cryptolens.cli", "serve"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--workers", "1"]
    return subprocess.Popen(command, env=env, cwd=var_dir, stdout=log, stderr=log, text=True)


def wait_until_live(server: subprocess.Popen[str], base_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"the server exited ({server.returncode}):\n{log_path.read_text()}")
        try:
            if httpx.get(base_url + LIVE_PATH, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise BenchError(f"the server did not answer within 60 s:\n{log_path.read_text()}")


def sign_in(base_url: str) -> str:
    """Signs in over HTTP as the SPA does; returns the Cookie header of the session."""
    with httpx.Client(base_url=base_url, timeout=10) as client:
        csrf = client.get("/api/v1/auth/csrf")
        csrf.raise_for_status()
        token = csrf.json()["data"]["csrf_token"]
        login = client.post(
            "/api/v1/auth/login",
            json={"email": EMAIL, "password": PASSWORD},
            headers={"X-CSRF-Token": token},
        )
        if login.status_code != 200:
            raise BenchError(f"sign-in failed ({login.status_code}): {login.text}")
        session = client.cookies.get("cl_session")
        csrf_cookie = client.cookies.get("cl_csrf")
        if not session or not csrf_cookie:
            raise BenchError(f"sign-in set no session cookie: {dict(client.cookies)}")
        return f"cl_session={session}; cl_csrf={csrf_cookie}"


def warm_matrix(base_url: str, cookie: str, symbols: int) -> int:
    """One matrix request fills the cache; checks its content. Returns the body's bytes."""
    headers = {"Cookie": cookie}
    live = httpx.get(base_url + LIVE_PATH, headers=headers, timeout=10)
    matrix = httpx.get(base_url + MATRIX_PATH, headers=headers, timeout=30)
    if live.status_code != 200 or matrix.status_code != 200:
        raise BenchError(f"warm-up: live {live.status_code}, matrix {matrix.status_code}")
    rows = matrix.json()["data"]
    filled = sum(cell["pattern_id"] is not None for row in rows for cell in row["cells"])
    signals = sum(row["open_signal"] is not None for row in rows)
    if len(rows) != symbols or filled != symbols * len(TIMEFRAMES):
        raise BenchError(f"matrix holds {len(rows)} symbols and {filled} filled cells")
    print(
        f"matrix: {len(rows)} symbols x {len(TIMEFRAMES)} timeframes, {filled} cells filled, "
        f"{signals} open signals, {len(matrix.content):,} bytes"
    )
    return len(matrix.content)


# --- report ---------------------------------------------------------------------------------


def best(runs: list[WrkRun], path: str) -> WrkRun:
    return max((run for run in runs if run.path == path), key=lambda run: run.rps)


def report(runs: list[WrkRun], args: argparse.Namespace) -> bool:
    print(f"\nall runs ({args.duration:g} s each, alternating):")
    for run in runs:
        errors = f", socket errors: {run.socket_errors}" if run.socket_errors else ""
        print(
            f"  {run.path:<20}{run.rps:>10,.0f} req/s  p50 {run.p50_ms:7.2f} ms  "
            f"p99 {run.p99_ms:7.2f} ms  server CPU {run.cpu_ms:6.3f} ms/request  "
            f"({run.requests:,} requests{errors})"
        )
    live, matrix = best(runs, LIVE_PATH), best(runs, MATRIX_PATH)
    print(f"\nbest of {args.rounds} per endpoint:")
    print(f"  {'endpoint':<24}{'req/s':>10}{'p50':>12}{'p99':>12}{'server CPU/req':>18}")
    for run in (live, matrix):
        print(
            f"  GET {run.path:<20}{run.rps:>10,.0f}{run.p50_ms:>9.2f} ms{run.p99_ms:>9.2f} ms"
            f"{run.cpu_ms:>15.3f} ms"
        )
    ratio = matrix.rps / live.rps
    met = ratio >= TARGET_RATIO
    print(
        f"\ntarget: cached matrix >= {TARGET_RATIO:.0%} of liveness req/s -> {ratio:.1%} "
        f"{'ok' if met else 'MISSED'}"
    )
    return met


def measure(args: argparse.Namespace) -> bool:
    wrk = ensure_wrk()
    load_all_models()
    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp:
        var_dir = Path(tmp)
        url = f"sqlite+aiosqlite:///{(var_dir / 'bench.db').as_posix()}"
        settings = Settings(_env_file=None, env="test", var_dir=var_dir, database_url=url)
        asyncio.run(seed(settings, args.symbols))
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        log_path = var_dir / "server.log"
        with log_path.open("w") as log:
            server = start_server(var_dir, port, log)
            try:
                wait_until_live(server, base_url, log_path)
                print(
                    f"server: `cryptolens serve`, 1 uvicorn worker on {base_url}, SQLite, "
                    f"memory cache; env=test (no demo accounts, bootstrap or scheduled jobs); "
                    f"access log on (INFO, as served), written to a file"
                )
                print(
                    "rate limits: none apply to the two measured routes (only auth routes "
                    "have one; the bench signs in once), so none is raised"
                )
                cookie = sign_in(base_url)
                warm_matrix(base_url, cookie, args.symbols)
                print(
                    f"wrk: -t{args.threads} -c{args.connections} -d{args.duration:g}s on "
                    f"loopback, same session cookie for both; server and wrk share "
                    f"{os.cpu_count()} cores (load average before: "
                    f"{', '.join(f'{load:.1f}' for load in os.getloadavg())})"
                )
                for path in (LIVE_PATH, MATRIX_PATH):  # warm-up, not counted
                    run_wrk(wrk, server.pid, base_url, path, cookie, args, args.warmup)
                runs = [
                    run_wrk(wrk, server.pid, base_url, path, cookie, args, args.duration)
                    for _ in range(args.rounds)
                    for path in (LIVE_PATH, MATRIX_PATH)
                ]
            finally:
                server.terminate()
                try:
                    server.wait(10)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
    return report(runs, args)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per wrk run")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up each")
    parser.add_argument("--rounds", type=int, default=2, help="runs per endpoint, alternating")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--symbols", type=int, default=SYMBOLS)
    args = parser.parse_args()
    started = time.perf_counter()
    try:
        met = measure(args)
    except BenchError as error:
        print(f"bench_api FAILED: {error}", file=sys.stderr)
        return 2
    print(f"(bench took {time.perf_counter() - started:.0f} s)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
