"""The load generator of the load and fault benches: aiohttp loops in client processes (spawned,
so a busy loop never sits in the bench's own process), each loop one keep-alive connection:

- read loops: signed-in GETs (a session cookie, no CSRF needed), paths in turn, API processes
  alternating by loop;
- liveness probes: one per API process, GET /api/health/live every `live_interval_s`;
- login loops: CSRF token, then POST /login with a seeded account's password, again and again;
- sign-up loops: CSRF token, then POST /register with a new address each time.

Login and sign-up loops each bind their own loopback address (127.0.x.y: Linux routes the
whole 127/8 to lo), so the per-IP limits count each loop apart, as they would count distinct
clients. Every request is recorded (kind, path, start, latency, status, Retry-After present);
a client timeout is status TIMEOUT, a transport error status ERROR."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, cast

import aiohttp

TIMEOUT = -1
ERROR = -2
CSRF_PATH = "/api/v1/auth/csrf"
LOGIN_PATH = "/api/v1/auth/login"
REGISTER_PATH = "/api/v1/auth/register"
LIVE_PATH = "/api/health/live"
SAMPLE_LIMIT = 8

# (kind, path, started epoch s, latency s, status, Retry-After present)
Record = tuple[str, str, float, float, int, bool]


@dataclass(frozen=True)
class ClientPlan:
    base_urls: tuple[str, ...]
    cookies: tuple[str, ...]  # read sessions, spread over the read loops
    read_paths: tuple[str, ...]
    read_connections: int
    read_offset: int  # this process's first loop number (spreads paths and API processes)
    live_probes: bool
    login_loops: tuple[tuple[str, str, str], ...]  # (local address, email, password)
    signup_loops: tuple[tuple[str, str, str], ...]  # (local address, email prefix, password)
    start_at: float  # epoch: reads and probes begin
    loops_from: float  # epoch: login and sign-up loops begin
    loops_until: float
    stop_at: float  # epoch: no loop starts a request after this
    timeout_s: float = 10.0
    live_interval_s: float = 0.05
    signup_pause_s: float = 0.0  # between one sign-up and the next, per loop
    stop_file: str | None = None  # the loops stop early once this file exists


@dataclass
class ClientResult:
    records: list[Record] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)  # addresses answered 201
    uncertain: list[str] = field(default_factory=list)  # 5xx, timeout or transport error
    samples: list[str] = field(default_factory=list)  # a few 5xx/error answers, for the report


class Loops:
    def __init__(self, plan: ClientPlan) -> None:
        self.plan = plan
        self.result = ClientResult()
        self.timeout = aiohttp.ClientTimeout(total=plan.timeout_s)
        self.stopping = False

    def running(self, until: float | None = None) -> bool:
        return not self.stopping and time.time() < (until or self.plan.stop_at)

    async def watch_stop_file(self) -> None:
        stop_file = self.plan.stop_file
        while stop_file is not None and self.running():
            if await asyncio.to_thread(os.path.exists, stop_file):
                self.stopping = True
            await asyncio.sleep(0.2)

    async def request(
        self,
        session: aiohttp.ClientSession,
        kind: str,
        method: str,
        base: str,
        path: str,
        **options: Any,
    ) -> tuple[int, Any, dict[str, str]]:
        """Sends one request and records it; returns (status, JSON body or None, cookies)."""
        started = time.time()
        clock = time.perf_counter()
        body: Any = None
        cookies: dict[str, str] = {}
        retry_after = False
        try:
            async with session.request(
                method, base + path, timeout=self.timeout, **options
            ) as response:
                raw = await response.read()
                status = response.status
                retry_after = "Retry-After" in response.headers
                cookies = {name: morsel.value for name, morsel in response.cookies.items()}
                if response.content_type == "application/json":
                    with contextlib.suppress(ValueError):
                        body = await response.json()
                if status >= 500 and not (status == 503 and retry_after):
                    self.sample(f"{status} {method} {path}: {raw[:300]!r}")
        except TimeoutError:
            status = TIMEOUT
            self.sample(f"timeout {method} {path} after {time.perf_counter() - clock:.1f} s")
        except aiohttp.ClientError as error:
            status = ERROR
            self.sample(f"error {method} {path}: {error!r}")
        latency = time.perf_counter() - clock
        self.result.records.append((kind, path, started, latency, status, retry_after))
        return status, body, cookies

    def sample(self, text: str) -> None:
        if len(self.result.samples) < SAMPLE_LIMIT:
            self.result.samples.append(text)

    # --- loops ------------------------------------------------------------------------------

    async def read_loop(self, session: aiohttp.ClientSession, base: str, number: int) -> None:
        plan = self.plan
        # Each session on every API process (the loop number also picks the process).
        session_index = (number // len(plan.base_urls)) % len(plan.cookies)
        headers = {"Cookie": plan.cookies[session_index]}
        turn = number
        await _sleep_until(plan.start_at)
        while self.running():
            path = plan.read_paths[turn % len(plan.read_paths)]
            turn += 1
            status, _, _ = await self.request(session, "read", "GET", base, path, headers=headers)
            if status in (TIMEOUT, ERROR):
                await asyncio.sleep(0.05)  # a refused connection must not spin

    async def live_loop(self, session: aiohttp.ClientSession, base: str) -> None:
        plan = self.plan
        await _sleep_until(plan.start_at)
        while self.running():
            await self.request(session, "live", "GET", base, LIVE_PATH)
            await asyncio.sleep(plan.live_interval_s)

    async def csrf(
        self, session: aiohttp.ClientSession, kind: str, base: str
    ) -> dict[str, str] | None:
        """The CSRF dance's first step: headers (cookies + token) for one unsafe request."""
        status, body, cookies = await self.request(session, kind, "GET", base, CSRF_PATH)
        if status != 200 or not isinstance(body, dict):
            await asyncio.sleep(0.2)
            return None
        token = body["data"]["csrf_token"]
        cookies.setdefault("cl_csrf", token)
        return {
            "Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items()),
            "X-CSRF-Token": token,
            "Origin": base,
        }

    async def login_loop(self, number: int, address: str, email: str, password: str) -> None:
        plan = self.plan
        connector = aiohttp.TCPConnector(local_addr=(address, 0))
        async with _session(connector) as session:
            await _sleep_until(plan.loops_from)
            turn = number
            while self.running(plan.loops_until):
                base = plan.base_urls[turn % len(plan.base_urls)]
                turn += 1
                headers = await self.csrf(session, "login-csrf", base)
                if headers is None:
                    continue
                status, _, _ = await self.request(
                    session,
                    "login",
                    "POST",
                    base,
                    LOGIN_PATH,
                    json={"email": email, "password": password},
                    headers=headers,
                )
                await _back_off(status)

    async def signup_loop(self, number: int, address: str, prefix: str, password: str) -> None:
        plan = self.plan
        connector = aiohttp.TCPConnector(local_addr=(address, 0))
        async with _session(connector) as session:
            await _sleep_until(plan.loops_from)
            turn = number
            sent = 0
            while self.running(plan.loops_until):
                base = plan.base_urls[turn % len(plan.base_urls)]
                turn += 1
                headers = await self.csrf(session, "signup-csrf", base)
                if headers is None:
                    continue
                email = f"{prefix}-{sent}@example.com"
                sent += 1
                status, _, _ = await self.request(
                    session,
                    "signup",
                    "POST",
                    base,
                    REGISTER_PATH,
                    json={"email": email, "password": password},
                    headers=headers,
                )
                if status == 201:
                    self.result.accepted.append(email)
                elif status >= 500 or status in (TIMEOUT, ERROR):
                    self.result.uncertain.append(email)
                await _back_off(status)
                if plan.signup_pause_s:
                    await asyncio.sleep(plan.signup_pause_s)

    async def run(self) -> ClientResult:
        plan = self.plan
        tasks: list[asyncio.Task[None]] = [asyncio.create_task(self.watch_stop_file())]
        async with contextlib.AsyncExitStack() as stack:
            read_sessions = [
                await stack.enter_async_context(_session(aiohttp.TCPConnector(limit=0)))
                for _ in plan.base_urls
            ]
            for loop in range(plan.read_connections):
                number = plan.read_offset + loop
                which = number % len(plan.base_urls)
                tasks.append(
                    asyncio.create_task(
                        self.read_loop(read_sessions[which], plan.base_urls[which], number)
                    )
                )
            if plan.live_probes:
                for base in plan.base_urls:
                    session = await stack.enter_async_context(_session(aiohttp.TCPConnector()))
                    tasks.append(asyncio.create_task(self.live_loop(session, base)))
            for number, (address, email, password) in enumerate(plan.login_loops):
                tasks.append(asyncio.create_task(self.login_loop(number, address, email, password)))
            for number, (address, prefix, password) in enumerate(plan.signup_loops):
                tasks.append(
                    asyncio.create_task(self.signup_loop(number, address, prefix, password))
                )
            await asyncio.gather(*tasks)
        return self.result


def _session(connector: aiohttp.TCPConnector) -> aiohttp.ClientSession:
    # Cookies are sent by hand: the read loops share a session cookie, the others carry theirs.
    return aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar())


async def _sleep_until(epoch: float) -> None:
    delay = epoch - time.time()
    if delay > 0:
        await asyncio.sleep(delay)


async def _back_off(status: int) -> None:
    # A 429 under the bench's scaled limits asks for a second or so; an outage for a moment.
    if status == 429:
        await asyncio.sleep(0.5)
    elif status >= 500 or status in (TIMEOUT, ERROR):
        await asyncio.sleep(0.2)


def start_clients(plans: list[ClientPlan], workdir: Path) -> list[ClientProcess]:
    """Each plan in a process of its own: this file run as a script, so the process imports
    aiohttp and nothing of the bench (a spawned multiprocessing child would import the bench's
    main module again, seconds of imports on a busy machine). Plans and results travel as
    JSON files."""
    started = []
    for index, plan in enumerate(plans):
        plan_path = workdir / f"client-{index}.plan.json"
        result_path = workdir / f"client-{index}.result.json"
        plan_path.write_text(json.dumps(asdict(plan)))
        log = (workdir / f"client-{index}.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, __file__, str(plan_path), str(result_path)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        started.append(ClientProcess(process, result_path, workdir / f"client-{index}.log"))
    return started


@dataclass
class ClientProcess:
    process: subprocess.Popen[bytes]
    result_path: Path
    log_path: Path


def collect(processes: list[ClientProcess], *, deadline_s: float) -> ClientResult:
    """Waits for every client process; returns their results merged."""
    merged = ClientResult()
    ends = time.monotonic() + deadline_s
    for client in processes:
        try:
            client.process.wait(max(1.0, ends - time.monotonic()))
        except subprocess.TimeoutExpired:
            client.process.kill()
            client.process.wait(10)
        if client.process.returncode != 0 or not client.result_path.exists():
            raise RuntimeError(
                f"a load client failed ({client.process.returncode}):\n"
                f"{client.log_path.read_text(errors='replace')[-3000:]}"
            )
        part = json.loads(client.result_path.read_text())
        merged.records += [cast(Record, tuple(record)) for record in part["records"]]
        merged.accepted += part["accepted"]
        merged.uncertain += part["uncertain"]
        merged.samples += part["samples"]
    return merged


def run_clients(plans: list[ClientPlan], workdir: Path, *, deadline_s: float) -> ClientResult:
    return collect(start_clients(plans, workdir), deadline_s=deadline_s)


def _client_main(plan_path: str, result_path: str) -> int:
    raw = json.loads(Path(plan_path).read_text())
    plan = ClientPlan(**{k: _tuples(v) for k, v in raw.items()})
    if time.time() > plan.start_at:
        print(f"the client started {time.time() - plan.start_at:.1f} s after its start time")
        return 3
    result = asyncio.run(Loops(plan).run())
    Path(result_path).write_text(json.dumps(asdict(result)))
    return 0


def _tuples(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_tuples(item) for item in value)
    return value


if __name__ == "__main__":
    sys.exit(_client_main(sys.argv[1], sys.argv[2]))
