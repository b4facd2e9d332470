"""The outage timeline on production's shape (issue #13, failures 1, 3, 4 and 5): 500s, stuck
requests, recovery without a restart, a worker that survives Redis, and a kill mid fan-out.

What: two `cryptolens serve` processes and one `cryptolens worker` (with the cron schedule) on a
throwaway MariaDB database and a Redis database of its own (default db 15, flushed before and
after), each reached through a TCP fault proxy (tests/fakes/fault_proxy.py, in this process's
threads); a fake Binance (tests/fakes/exchange.py, one generated market FLT/USDT whose clock
follows the wall clock, so every minute's scan fetches a new candle) and a fake NTFY
(tests/fakes/ntfy.py, each publish answered after --push-delay seconds so a fan-out lasts long
enough to be cut). A light load runs throughout (bench/load_clients.py, one client process):
--connections signed-in GETs (/api/v1/matrix, /patterns, /signals, /stats and /api/health) over
both API processes, liveness probes, and one sign-up loop (a new address a second).

Timeline (durations scale with --outage-scale): baseline 10 s; database refuse 15 s; database
black-hole 25 s; Redis refuse 15 s; Redis hang (black-hole) 15 s; after each recovery the bench
probes every API process (/api/health with database and cache "ok", and signed-in /matrix,
/signals and /stats with each of the load's session cookies) until all answer 200: "back after";
then --settle seconds (10) more, in which anything but 2xx or 429 (from 5 s after the recovery)
counts as not staying back.
After each Redis outage it waits for a scan_symbol run (fired by the worker's cron) to finish.
Then a signal is stored for --users premium users (the notification tests' factories), its
notify_signal job enqueued through arq as the scan enqueues it; when half the pushes have
reached NTFY the worker is SIGKILLed and restarted at once, and the bench watches the pushes
for up to 60 s more.

Targets (exit status 1 when one is missed; 2 when the bench cannot run):
- no response 500 (nor any other 5xx than 503) in the whole run;
- during each database outage every request answered within 5 s, any non-2xx a 503 with
  Retry-After;
- back (all probes 200) within 5 s of each recovery, without restarting anything;
- the worker alive through both Redis outages, and a scan finished within 75 s of each
  recovery (the next cron minute plus the scan itself);
- after the SIGKILL at most 16 users (the push concurrency) pushed twice, and every user
  pushed within 60 s of the restart;
- no lost or duplicated rows: every accepted sign-up stored once, one delivery row per user.

Run: .venv/bin/python bench/bench_faults.py [--users N] [--outage-scale F] [--connections N]
     [--mysql-url SERVER_URL] [--redis-url URL]    (quick check: --users 300 --outage-scale 0.4)
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from aiohttp import web
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.fakes, tests.notifications: the suite's fakes

from tests.fakes.exchange import FakeExchange  # noqa: E402
from tests.fakes.exchange_data import generated_market  # noqa: E402
from tests.fakes.fault_proxy import FaultProxy, Mode  # noqa: E402
from tests.fakes.ntfy import FakeNtfy  # noqa: E402
from tests.notifications.factories import UserSpec, add_signal, add_users  # noqa: E402

from bench_load import stored_once  # noqa: E402
from cryptolens.db import create_engine, create_session_factory, to_ms, unit_of_work  # noqa: E402
from cryptolens.jobs.enqueue import ArqEnqueuer  # noqa: E402
from cryptolens.jobs.runtime import create_arq_redis  # noqa: E402
from cryptolens.market import service as market  # noqa: E402
from cryptolens.market.models import Symbol  # noqa: E402
from cryptolens.market.sources.ccxt_source import CcxtSource  # noqa: E402
from cryptolens.models_registry import load_all_models  # noqa: E402
from cryptolens.notifications.models import UserNotification  # noqa: E402
from cryptolens.settings import Settings  # noqa: E402
from cryptolens.signals.models import Signal  # noqa: E402
from cryptolens.system import migrations  # noqa: E402
from cryptolens.system.models import JobRun  # noqa: E402
from load_clients import ERROR, TIMEOUT, ClientPlan, ClientResult, Record, collect, start_clients  # noqa: E402
from production_shape import (  # noqa: E402
    PASSWORD,
    BenchError,
    Cluster,
    WorkerProcess,
    add_accounts,
    add_cluster_arguments,
    flush_redis,
    production_settings,
    shared_secrets,
    sign_in,
)
from throwaway_mysql import throwaway_database  # noqa: E402

BENCH_DATABASE = "cryptolens_bench_faults"
READER = "reader@example.com"
READ_PATHS = ("/api/v1/matrix", "/api/v1/signals", "/api/health", "/api/v1/stats")
PROBE_PATHS = ("/api/v1/matrix", "/api/v1/signals", "/api/v1/stats")
MARKET = "FLT/USDT"
SIGNAL_SYMBOL = "SIG/USDT"  # not followed: no scan touches the fanned-out signal
MINUTE_MS = 60_000
ANSWER_WITHIN_S = 5.0
BACK_WITHIN_S = 5.0
BACK_LIMIT_S = 60.0  # how long the bench waits for "back" before calling it missed
SCAN_WITHIN_S = 75.0
PUSHED_WITHIN_S = 60.0
SECOND_PUSHES_ALLOWED = 16
DAY_MS = 86_400_000
SETUP_STATS = [
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
]


# --- fakes in threads -----------------------------------------------------------------------


@dataclass
class TimedNtfy(FakeNtfy):
    """The fake NTFY, answering each publish `delay_s` late and noting when each arrived."""

    delay_s: float = 0.0
    timed: list[tuple[str, str, float]] = field(default_factory=list)  # topic, click, epoch

    async def _publish(self, request: web.Request) -> web.Response:
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        response = await super()._publish(request)
        if response.status == 200:
            message = self.published[-1]
            self.timed.append((message["topic"], message.get("click") or "", time.time()))
        return response


@contextmanager
def serving_in_thread(fake: TimedNtfy) -> Iterator[str]:
    loop = asyncio.new_event_loop()
    started = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(fake.start())
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=run, name="fake-ntfy", daemon=True)
    thread.start()
    if not started.wait(30):
        raise BenchError("the fake NTFY did not start")
    try:
        yield fake.base_url
    finally:
        asyncio.run_coroutine_threadsafe(fake.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)


async def follow_wall_clock(exchange: FakeExchange) -> None:
    while True:
        exchange.now_ms = int(time.time() * 1000)
        await asyncio.sleep(1)


# --- observations ---------------------------------------------------------------------------


@dataclass
class Outage:
    name: str
    target: str  # "database" or "redis"
    mode: Mode
    start: float = 0.0
    end: float = 0.0
    back_after_s: float | None = None
    probe_statuses: Counter[int] = field(default_factory=Counter)
    worker_alive: bool | None = None
    scan_after_s: float | None = None


@dataclass
class FanOut:
    users: int
    signal_id: int = 0
    killed_at: float = 0.0
    pushed_before_kill: int = 0
    restarted_at: float = 0.0
    pushes: Counter[str] = field(default_factory=Counter)  # topic -> pushes of the signal
    late: int = 0  # users whose first push came after restart + 60 s, or never
    last_first_push_s: float | None = None  # after the restart
    rows: int = 0
    distinct_users: int = 0
    recipient_rows: int = 0  # rows of the fan-out's users
    statuses: dict[str, int] = field(default_factory=dict)  # of those rows
    unfinished_runs: dict[str, int] = field(default_factory=dict)  # job runs never finished
    error: str | None = None


async def probe_round(client: httpx.AsyncClient, bases: list[str], cookies: list[str]) -> list[int]:
    """One probe of every API process with every session of the load (a cookie stuck in one
    process shows); statuses (TIMEOUT/ERROR for no answer)."""

    async def one(url: str, headers: dict[str, str], health: bool) -> int:
        try:
            answer = await client.get(url, headers=headers)
        except httpx.TimeoutException:
            return TIMEOUT
        except httpx.TransportError:
            return ERROR
        if health and answer.status_code == 200:
            data = answer.json()["data"]
            if data["database"] != "ok" or data["cache"] != "ok":
                return 299  # answered, but a part is still down: not back yet
        return answer.status_code

    calls = []
    for base in bases:
        calls.append(one(base + "/api/health", {}, True))
        calls += [
            one(base + path, {"Cookie": cookie}, False)
            for path in PROBE_PATHS
            for cookie in cookies
        ]
    return list(await asyncio.gather(*calls))


async def until_back(outage: Outage, bases: list[str], cookies: list[str]) -> None:
    async with httpx.AsyncClient(timeout=ANSWER_WITHIN_S) as client:
        while time.time() - outage.end < BACK_LIMIT_S:
            statuses = await probe_round(client, bases, cookies)
            outage.probe_statuses.update(statuses)
            if all(status == 200 for status in statuses):
                outage.back_after_s = time.time() - outage.end
                return
            await asyncio.sleep(0.25)


async def last_run_id(factory: async_sessionmaker[AsyncSession]) -> int:
    async with factory() as db:
        return int(await db.scalar(select(func.max(JobRun.id))) or 0)


async def wait_for_scan(
    factory: async_sessionmaker[AsyncSession], after_id: int, since: float, within_s: float
) -> float | None:
    """Seconds from `since` until a scan_symbol run newer than `after_id` finished ok."""
    while time.time() - since < within_s:
        async with factory() as db:
            done = await db.scalar(
                select(func.count())
                .select_from(JobRun)
                .where(
                    JobRun.id > after_id,
                    JobRun.name == "scan_symbol",
                    JobRun.status == "ok",
                    JobRun.finished_at.is_not(None),
                )
            )
        if done:
            return time.time() - since
        await asyncio.sleep(0.5)
    return None


# --- the run --------------------------------------------------------------------------------


@dataclass
class Run:
    args: argparse.Namespace
    var_dir: Path
    factory: async_sessionmaker[AsyncSession]
    cluster: Cluster
    db_proxy: FaultProxy
    redis_proxy: FaultProxy
    ntfy: TimedNtfy
    enqueuer: ArqEnqueuer
    cookies: list[str] = field(default_factory=list)  # the load's sessions
    outages: list[Outage] = field(default_factory=list)
    recipients: dict[str, int] = field(default_factory=dict)  # the fan-out's topic -> user id
    signal_id: int = 0  # the fan-out's signal
    notes: list[str] = field(default_factory=list)  # lost or duplicated rows
    worker_exits: list[str] = field(default_factory=list)

    @property
    def bases(self) -> list[str]:
        return [api.base_url for api in self.cluster.apis]

    @property
    def worker(self) -> WorkerProcess:
        assert self.cluster.worker is not None
        return self.cluster.worker

    async def outage(self, name: str, target: str, mode: Mode, seconds: float) -> Outage:
        outage = Outage(name, target, mode)
        proxy = self.db_proxy if target == "database" else self.redis_proxy
        print(f"{time.strftime('%H:%M:%S')} {name}: {seconds:.0f} s", flush=True)
        before_run = await last_run_id(self.factory)
        outage.start = time.time()
        proxy.set_mode(mode)
        await asyncio.sleep(seconds)
        proxy.set_mode("pass")
        outage.end = time.time()
        await until_back(outage, self.bases, self.cookies)
        if target == "redis":
            outage.scan_after_s = await wait_for_scan(
                self.factory, before_run, outage.end, SCAN_WITHIN_S
            )
            outage.worker_alive = self.worker.alive()
        await self.revive_worker(name)
        self.outages.append(outage)
        await asyncio.sleep(self.args.settle)
        return outage

    async def revive_worker(self, during: str) -> None:
        """A worker that exited is noted and replaced, so the rest of the timeline runs."""
        if self.worker.alive():
            return
        tail = self.worker.log_text().strip().splitlines()[-1:] or ["(empty log)"]
        self.worker_exits.append(
            f"the worker exited ({self.worker.process.returncode}) during or after {during}; "
            f"its last log line: {tail[0][:200]}"
        )
        self.cluster.worker = self.worker.restart()
        await self.worker.wait_started()

    def arrivals(self, click: str) -> list[tuple[str, float]]:
        """(topic, epoch) of each push of the signal to one of the fan-out's users."""
        return [
            (topic, at)
            for topic, url, at in list(self.ntfy.timed)
            if url.endswith(click) and topic in self.recipients
        ]

    async def cut_fan_out(self, fan: FanOut, click: str) -> None:
        """Waits for half the pushes, SIGKILLs the worker, starts another at once."""
        half = fan.users // 2
        deadline = time.time() + 120
        while time.time() < deadline:
            if len(self.arrivals(click)) >= half:
                break
            await asyncio.sleep(0.02)
        if len(self.arrivals(click)) < half:
            fan.error = f"the fan-out reached {len(self.arrivals(click))} users in 120 s"
        self.worker.kill()
        fan.killed_at = time.time()
        fan.pushed_before_kill = len(self.arrivals(click))
        print(f"{time.strftime('%H:%M:%S')} SIGKILL after {fan.pushed_before_kill} pushes")
        self.cluster.worker = self.worker.restart()
        fan.restarted_at = time.time()

    async def fan_out(self) -> FanOut:
        fan = FanOut(len(self.recipients))
        print(f"{time.strftime('%H:%M:%S')} fan-out to {fan.users} users", flush=True)
        fan.signal_id = self.signal_id
        async with unit_of_work(self.factory) as db:
            # New now: a push of an older signal would be stale news, never sent.
            await db.execute(
                update(Signal)
                .where(Signal.id == fan.signal_id)
                .values(created_at=to_ms(datetime.now(UTC)))
            )
        click = f"/signals/{fan.signal_id}"
        await self.enqueuer.enqueue(
            "notify_signal", job_id=f"notify:{fan.signal_id}", signal_id=fan.signal_id
        )
        await self.cut_fan_out(fan, click)
        while time.time() - fan.restarted_at < PUSHED_WITHIN_S:
            if len({topic for topic, _ in self.arrivals(click)}) >= fan.users:
                await asyncio.sleep(5)  # a duplicate right behind the last push is counted too
                break
            await asyncio.sleep(0.5)
        first: dict[str, float] = {}
        for topic, at in self.arrivals(click):
            fan.pushes[topic] += 1
            first.setdefault(topic, at)
        on_time = [at for at in first.values() if at - fan.restarted_at <= PUSHED_WITHIN_S]
        fan.late = fan.users - len(on_time)
        if first:
            fan.last_first_push_s = max(first.values()) - fan.restarted_at
        await self.count_rows(fan)
        return fan

    async def count_rows(self, fan: FanOut) -> None:
        async with self.factory() as db:
            rows = list(
                await db.execute(
                    select(UserNotification.user_id, UserNotification.status).where(
                        UserNotification.signal_id == fan.signal_id
                    )
                )
            )
            unfinished = await db.execute(
                select(JobRun.name, JobRun.status, func.count())
                .where(JobRun.finished_at.is_(None))
                .group_by(JobRun.name, JobRun.status)
            )
            fan.unfinished_runs = {f"{name}/{status}": count for name, status, count in unfinished}
        ours = set(self.recipients.values())
        mine = [(user, status) for user, status in rows if user in ours]
        fan.rows = len(rows)
        fan.distinct_users = len({user for user, _ in rows})
        fan.recipient_rows = len(mine)
        fan.statuses = dict(Counter(status for _, status in mine))


async def prepare(
    args: argparse.Namespace, url: str, settings: Settings
) -> tuple[AsyncEngine, async_sessionmaker[AsyncSession], dict[str, int], int]:
    """Migrates; adds the reader, the fan-out's users (returned by ntfy topic) and its signal,
    on a symbol no scan follows (the signal is listed by /signals from the start)."""
    engine = create_engine(url, settings)
    await migrations.upgrade(engine)
    factory = create_session_factory(engine)
    await add_accounts(settings, [READER])
    users = await add_users(factory, [UserSpec(tier="premium")] * args.users, datetime.now(UTC))
    signal_id = await add_signal(factory, datetime.now(UTC), symbol=SIGNAL_SYMBOL)
    async with unit_of_work(factory) as db:
        await db.execute(
            update(Symbol).where(Symbol.symbol == SIGNAL_SYMBOL).values(is_active=False)
        )
        # The factory's stats are partial (enough for a push); /signals shows them whole.
        await db.execute(
            update(Signal).where(Signal.id == signal_id).values(setup_stats=SETUP_STATS)
        )
    topics = {user.ntfy_topic: user.id for user in users if user.ntfy_topic}
    return engine, factory, topics, signal_id


def load_plan(args: argparse.Namespace, bases: list[str], cookies: list[str], stop: Path) -> Any:
    start = time.time() + 10  # the client process starts meanwhile
    far = start + 24 * 3600  # the stop file ends the load
    return ClientPlan(
        base_urls=tuple(bases),
        cookies=tuple(cookies),
        read_paths=READ_PATHS,
        read_connections=args.connections,
        read_offset=0,
        live_probes=True,
        login_loops=(),
        signup_loops=(("127.0.1.200", f"faults-{os.getpid()}", PASSWORD),),
        start_at=start,
        loops_from=start,
        loops_until=far,
        stop_at=far,
        timeout_s=10.0,
        live_interval_s=0.2,
        signup_pause_s=1.0,
        stop_file=str(stop),
    )


async def run_timeline(run: Run) -> FanOut:
    scale = run.args.outage_scale
    await asyncio.sleep(run.args.baseline)
    await run.outage("database refuse", "database", "refuse", 15 * scale)
    await run.outage("database black-hole", "database", "blackhole", 25 * scale)
    await run.outage("Redis refuse", "redis", "refuse", 15 * scale)
    await run.outage("Redis hang", "redis", "blackhole", 15 * scale)
    return await run.fan_out()


async def measure(args: argparse.Namespace, var_dir: Path) -> tuple[Run, FanOut, ClientResult]:
    exchange = FakeExchange(now_ms=int(time.time() * 1000))
    now_ms = exchange.now_ms
    exchange.add_market(
        generated_market(
            "FLT", "USDT", start_ms=now_ms - 2 * DAY_MS, end_ms=now_ms + DAY_MS, seed=7
        )
    )
    ntfy = TimedNtfy(delay_s=args.push_delay)
    async with throwaway_database(args.mysql_url, BENCH_DATABASE) as url:
        await flush_redis(args.redis_url)
        env = {**shared_secrets(), "CRYPTOLENS_RATE_LIMIT_SCALE": f"{1 / 3600:.8f}"}
        settings = production_settings(url, var_dir, env)
        engine, factory, recipients, signal_id = await prepare(args, url, settings)
        clock_task = asyncio.create_task(follow_wall_clock(exchange))
        db_proxy = FaultProxy("127.0.0.1", _port(url, 3306)).start()
        redis_proxy = FaultProxy("127.0.0.1", _port(args.redis_url, 6379)).start()
        arq = create_arq_redis(args.redis_url)
        try:
            with exchange.serving_in_thread() as exchange_url, serving_in_thread(ntfy) as ntfy_url:
                source = CcxtSource("binance", api_url=exchange_url)
                try:
                    async with unit_of_work(factory) as db:
                        await market.follow_symbol(db, source, MARKET)
                finally:
                    await source.close()
                cluster = Cluster(
                    var_dir, db_proxy.url_for(url), redis_proxy.url_for(args.redis_url), env
                )
                run = Run(
                    args, var_dir, factory, cluster, db_proxy, redis_proxy, ntfy, ArqEnqueuer(arq)
                )
                run.recipients = recipients
                run.signal_id = signal_id
                try:
                    fan, result = await with_processes(run, exchange_url, ntfy_url)
                finally:
                    cluster.stop()
            run.notes += await lost_signups(settings, result)
        finally:
            clock_task.cancel()
            await arq.aclose()
            db_proxy.stop()
            redis_proxy.stop()
            await engine.dispose()
            await flush_redis(args.redis_url)
    return run, fan, result


async def with_processes(run: Run, exchange_url: str, ntfy_url: str) -> tuple[FanOut, ClientResult]:
    cluster = run.cluster
    cluster.env |= {
        "CRYPTOLENS_DATA_SOURCE": "exchange",
        "CRYPTOLENS_EXCHANGE_API_URL": exchange_url,
    }
    cluster.start_worker(
        schedule=True,
        extra={
            "CRYPTOLENS_NTFY_URL": ntfy_url,
            # The fake market's random walk must not make signals of its own (and pushes).
            "CRYPTOLENS_MIN_CONFLUENCE": "99",
        },
    )
    await run.worker.wait_started()
    # The first scan (backfill, compiled detectors) before the clock starts; its candles also
    # let the API processes start on the exchange data source (no replay demo to load).
    before = await last_run_id(run.factory)
    await run.enqueuer.enqueue("scan_symbol", symbol=MARKET)
    if await wait_for_scan(run.factory, before, time.time(), 180) is None:
        raise BenchError(f"no first scan within 180 s:\n{run.worker.log_text()[-3000:]}")
    cluster.start_apis(2)
    await cluster.wait_apis_live()
    bases = run.bases
    cookies = [
        await sign_in(bases[n % 2], READER, local_address=f"127.0.2.{n + 1}") for n in range(2)
    ]
    run.cookies = cookies
    stop = run.var_dir / "stop-load"
    processes = start_clients([load_plan(run.args, bases, cookies, stop)], run.var_dir)
    try:
        fan = await run_timeline(run)
    finally:
        stop.touch()
        result = await asyncio.to_thread(collect, processes, deadline_s=120)
    return fan, result


async def lost_signups(settings: Settings, result: ClientResult) -> list[str]:
    stored = await stored_once(settings, result.accepted)
    if result.accepted and set(stored) != {1}:
        return [f"accepted sign-ups by rows stored: {dict(stored)}"]
    return []


def _port(url: str, default: int) -> int:
    from sqlalchemy.engine import make_url

    return make_url(url).port or default


# --- report ---------------------------------------------------------------------------------


def window_figures(records: list[Record], start: float, end: float) -> dict[str, Any]:
    inside = [r for r in records if start <= r[2] < end]
    statuses = Counter(r[4] for r in inside)
    slow = [r for r in inside if r[3] > ANSWER_WITHIN_S or r[4] in (TIMEOUT, ERROR)]
    wrong = [
        r
        for r in inside
        if not (200 <= r[4] < 300) and not (r[4] == 503 and r[5]) and r[0] != "live"
    ]
    return {
        "requests": len(inside),
        "statuses": statuses,
        "slow": len(slow),
        "wrong": len(wrong),
        "max_s": max((r[3] for r in inside), default=0.0),
        "live_fail": sum(1 for r in inside if r[0] == "live" and r[4] != 200),
    }


NAMES = {TIMEOUT: "timeout", ERROR: "error"}
Target = tuple[str, bool, str]


def _counts(statuses: Counter[int]) -> str:
    return ", ".join(f"{NAMES.get(s, s)}: {n}" for s, n in sorted(statuses.items()))


def outage_targets(outage: Outage, records: list[Record], until: float) -> list[Target]:
    """Prints one outage's figures; returns its targets. `until`: when the next phase began."""
    seen = window_figures(records, outage.start, outage.end)
    back = "never" if outage.back_after_s is None else f"{outage.back_after_s:.1f} s"
    # Once back, it stays back: nothing but 2xx (and 429s) until the next phase.
    after = [
        r
        for r in records
        if outage.end + BACK_WITHIN_S <= r[2]
        and r[2] + r[3] < until  # done before the next fault began
        and not (200 <= r[4] < 300 or r[4] == 429)
    ]
    print(
        f"  {outage.name:<20} {seen['requests']:>5} requests ({_counts(seen['statuses'])}); "
        f"max {seen['max_s']:.1f} s; liveness failures {seen['live_fail']}; back after {back}; "
        f"later failures: {_counts(Counter(r[4] for r in after)) or 'none'}"
    )
    targets: list[Target] = []
    if outage.target == "database":
        targets.append((f"{outage.name}: answered < 5 s", seen["slow"] == 0, f"{seen['slow']}"))
        targets.append(
            (
                f"{outage.name}: non-2xx are 503 + Retry-After",
                seen["wrong"] == 0,
                f"{seen['wrong']}",
            )
        )
    is_back = outage.back_after_s is not None and outage.back_after_s <= BACK_WITHIN_S
    targets.append(
        (f"{outage.name}: back <= {BACK_WITHIN_S:.0f} s, stays back", is_back and not after, back)
    )
    if outage.target == "redis":
        scan = "none" if outage.scan_after_s is None else f"{outage.scan_after_s:.0f} s"
        print(f"  {'':<20} worker alive: {outage.worker_alive}; scan finished after {scan}")
        targets.append((f"{outage.name}: worker alive", bool(outage.worker_alive), ""))
        targets.append(
            (f"{outage.name}: scan <= {SCAN_WITHIN_S:.0f} s", outage.scan_after_s is not None, scan)
        )
    return targets


def report(run: Run, fan: FanOut, result: ClientResult) -> bool:
    records = result.records
    names = NAMES
    targets: list[Target] = []
    print("\nper outage (requests started inside it; failures from 5 s after it to the next):")
    starts = [outage.start for outage in run.outages[1:]] + [fan.killed_at or time.time()]
    for outage, until in zip(run.outages, starts, strict=True):
        targets += outage_targets(outage, records, until)
    all_statuses = Counter(r[4] for r in records)
    probes = sum((o.probe_statuses for o in run.outages), Counter())
    server_errors = sum(n for s, n in all_statuses.items() if s >= 500 and s != 503)
    server_errors += sum(n for s, n in probes.items() if s >= 500 and s != 503)
    print(
        f"\nwhole run: {len(records):,} load requests "
        f"({', '.join(f'{names.get(s, s)}: {n}' for s, n in sorted(all_statuses.items()))}); "
        f"probes: {dict(probes)}"
    )
    if result.samples:
        print("first failures seen:")
        for sample in result.samples:
            print(f"  {sample}")
    seconds_pushes = sum(1 for n in fan.pushes.values() if n > 1)
    last = "-" if fan.last_first_push_s is None else f"{fan.last_first_push_s:.1f} s"
    print(
        f"\nfan-out to {fan.users} users: SIGKILL after {fan.pushed_before_kill} pushes; "
        f"users pushed {len(fan.pushes)}, twice or more {seconds_pushes}, not within 60 s of "
        f"the restart {fan.late}; last first push {last} after the restart"
    )
    print(
        f"delivery rows of the signal: {fan.rows} for {fan.distinct_users} users, "
        f"{fan.recipient_rows} of them the fan-out's, by status {fan.statuses}; "
        f"sign-ups accepted {len(result.accepted)}, unclear {len(result.uncertain)}"
    )
    print(f"job runs never finished (name/status): {fan.unfinished_runs or 'none'}")
    for note in [*run.worker_exits, *([fan.error] if fan.error else []), *run.notes]:
        print(f"note: {note}")
    targets += [
        ("no 5xx other than 503", server_errors == 0, str(server_errors)),
        ("the worker never exited", not run.worker_exits, str(len(run.worker_exits))),
        ("the fan-out was cut in its middle", fan.error is None, ""),
        (
            f"second pushes <= {SECOND_PUSHES_ALLOWED}",
            seconds_pushes <= SECOND_PUSHES_ALLOWED,
            str(seconds_pushes),
        ),
        ("every user pushed within 60 s of the restart", fan.late == 0, f"{fan.late} late"),
        (
            "one delivery row per user",
            fan.rows == fan.distinct_users and fan.recipient_rows == fan.users,
            f"{fan.recipient_rows}/{fan.users}",
        ),
        ("accepted sign-ups stored exactly once", not run.notes, "; ".join(run.notes)),
    ]
    print("\ntargets:")
    for name, met, value in targets:
        print(f"  {name:<52} {value:>14}  {'ok' if met else 'MISSED'}")
    return all(met for _, met, _ in targets)


def main() -> int:
    # The fake NTFY's server logs each publish the SIGKILL cut short (as it should happen).
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--users", type=int, default=1454, help="the fan-out's recipients")
    parser.add_argument("--outage-scale", type=float, default=1.0, help="x outage durations")
    parser.add_argument("--connections", type=int, default=20, help="read connections")
    parser.add_argument("--baseline", type=float, default=10.0, help="seconds before faults")
    parser.add_argument("--settle", type=float, default=10.0, help="seconds after back")
    parser.add_argument("--push-delay", type=float, default=0.1, help="fake NTFY's answer, s")
    add_cluster_arguments(parser)
    args = parser.parse_args()
    load_all_models()
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-faults-") as tmp:
            workdir = args.workdir or Path(tmp)
            workdir.mkdir(parents=True, exist_ok=True)
            run, fan, result = asyncio.run(measure(args, workdir))
    except RuntimeError as error:  # BenchError, or a load client that failed
        print(f"bench_faults FAILED: {error}", file=sys.stderr)
        return 2
    met = report(run, fan, result)
    print(f"(bench took {time.perf_counter() - started:.0f} s)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
