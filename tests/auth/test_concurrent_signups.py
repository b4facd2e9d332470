"""Sign-ups arriving together (issue 13, failure 2): on MariaDB the verification token was
written as delete-then-insert on a fresh user, whose gap locks deadlocked concurrent sign-ups
(error 1213, never retried: 500s), and the password was hashed while a pooled connection was
held (a burst timed the pool out). Now every sign-up with a distinct address is accepted (201)
or refused by the documented rate limit (429), never a 500, and is stored exactly once.

In process, on both backends: 10 at once. Against real API processes on MariaDB: 300 at once,
each from its own loopback address so the per-IP limit (3 per hour) lets them all through.
"""

from __future__ import annotations

import asyncio
import ssl
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from cryptolens.app import create_app
from cryptolens.auth.accounts import create_user
from cryptolens.auth.models import OneTimeToken, User
from cryptolens.core.clock import FrozenClock
from cryptolens.core.ratelimit import reset_rate_limits
from cryptolens.core.security import (
    HASH_THREAD_NICE,
    HASH_THREAD_PREFIX,
    PasswordHasher,
    cpu_cores,
)
from cryptolens.db import unit_of_work
from cryptolens.resources import app_resources
from cryptolens.settings import SecuritySettings, Settings
from tests.auth.helpers import fetch_csrf, login, register, strong_password
from tests.conftest import MYSQL_URL, make_settings
from tests.processes import ApiProcess, start_api

IN_PROCESS_SIGNUPS = 10
BURST_SIGNUPS = 300


def _address(index: int) -> str:
    return f"signup-{index:03d}@example.com"


async def _stored_once(
    session_factory: async_sessionmaker[AsyncSession], addresses: list[str]
) -> None:
    """Each accepted address is one user with one live verification token."""
    async with unit_of_work(session_factory) as db:
        rows = (
            await db.execute(select(User.email, User.id).where(User.email.in_(addresses)))
        ).all()
        tokens = Counter(
            (
                await db.scalars(
                    select(OneTimeToken.user_id).where(OneTimeToken.purpose == "verify_email")
                )
            ).all()
        )
        total = int(await db.scalar(select(func.count()).select_from(User)) or 0)
    emails = Counter(email for email, _ in rows)
    assert sorted(emails) == sorted(addresses)
    assert set(emails.values()) == {1}
    assert total == len(addresses)
    assert all(tokens[user_id] == 1 for _, user_id in rows), tokens


async def test_ten_sign_ups_at_once_are_all_accepted(
    app: FastAPI, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    async def sign_up(index: int) -> httpx.Response:
        transport = httpx.ASGITransport(
            app=app, raise_app_exceptions=False, client=(f"10.0.0.{index + 1}", 51000)
        )
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            await fetch_csrf(http)
            return await register(http, _address(index), strong_password())

    responses = await asyncio.gather(*(sign_up(index) for index in range(IN_PROCESS_SIGNUPS)))
    statuses = Counter(response.status_code for response in responses)
    assert statuses == {201: IN_PROCESS_SIGNUPS}, [
        r.text for r in responses if r.status_code != 201
    ]
    await _stored_once(session_factory, [_address(index) for index in range(IN_PROCESS_SIGNUPS)])


# --- A burst against real processes on MariaDB ---------------------------------------------


@pytest.fixture
def signup_api(
    db_engine: AsyncEngine, session_factory: object, tmp_path: Path
) -> Iterator[ApiProcess]:
    """A serving process on the run's MariaDB (test-cost password hashing: the burst is
    about locks and the pool, not argon2's price)."""
    assert MYSQL_URL
    api = start_api(
        tmp_path, database_url=MYSQL_URL, redis_url=None, env={"CRYPTOLENS_ENV": "test"}
    )
    try:
        yield api
    finally:
        api.stop()
        sys.stderr.write(f"--- API process log (tail) ---\n{api.log_tail()}\n")


@pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)
async def test_a_burst_of_300_sign_ups_gives_no_500_and_stores_each_address_once(
    signup_api: ApiProcess, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await signup_api.wait_live(within_seconds=240)  # a loaded machine starts slowly

    # One TLS context for all (plain HTTP here): building 300 costs the client seconds.
    tls = ssl.create_default_context()

    async def sign_up(index: int) -> httpx.Response:
        # Its own source address: the per-IP limit counts each client on its own.
        source = f"127.0.{1 + index // 250}.{1 + index % 250}"
        transport = httpx.AsyncHTTPTransport(local_address=source, verify=tls)
        # A connection per request: a kept-alive one the server closes (idle 5 s) while this
        # loop is busy with 300 clients would fail the next request on the client's side.
        async with httpx.AsyncClient(
            transport=transport,
            base_url=signup_api.base_url,
            timeout=120,
            headers={"Connection": "close"},
        ) as http:
            await fetch_csrf(http)
            return await register(http, _address(index), strong_password())

    responses = await asyncio.gather(*(sign_up(index) for index in range(BURST_SIGNUPS)))
    statuses = Counter(response.status_code for response in responses)
    assert set(statuses) <= {201, 429}, (
        statuses,
        [r.text for r in responses if r.status_code not in (201, 429)][:5],
    )
    assert statuses[201] >= BURST_SIGNUPS * 0.9, statuses
    accepted = [_address(i) for i, r in enumerate(responses) if r.status_code == 201]
    await _stored_once(session_factory, accepted)


# --- Password hashing holds no connection and is bounded to the cores ----------------------


def test_the_hasher_runs_one_hash_per_two_cores_unless_told_otherwise(var_dir: Path) -> None:
    default = PasswordHasher.for_settings(make_settings(var_dir)).concurrency
    assert default == max(1, cpu_cores() // 2)
    told = make_settings(var_dir, security=SecuritySettings(password_hash_concurrency=1))
    assert PasswordHasher.for_settings(told).concurrency == 1


@pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)
async def test_sign_ups_waiting_for_the_hasher_hold_no_connection(
    db_engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
) -> None:
    """A pool of one connection (1 s to get it) and a real-cost hasher taking one password at
    a time: sign-ups and sign-ins queue for the hasher, not for the connection, so all of them
    succeed. Hashing while holding the connection timed the others out of the pool."""
    assert MYSQL_URL
    engine = create_async_engine(
        db_engine.url, pool_size=1, max_overflow=0, pool_timeout=1.0, pool_pre_ping=True
    )
    app = create_app(test_settings, engine=engine, clock=clock)
    resources = app_resources(app)
    resources.auth_toolkit = replace(resources.auth_toolkit, hasher=PasswordHasher(concurrency=1))
    reset_rate_limits(app)
    email, password = "hasher@example.com", strong_password()
    async with unit_of_work(session_factory) as db:
        await create_user(
            db, PasswordHasher(cheap=True), clock.now(), email=email, password=password
        )

    async def client(index: int) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(
            app=app, raise_app_exceptions=False, client=(f"10.1.0.{index + 1}", 51000)
        )
        http = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        await fetch_csrf(http)
        return http

    try:
        async with app.router.lifespan_context(app):
            clients = [await client(index) for index in range(6)]
            calls = [register(clients[i], _address(i), strong_password()) for i in range(4)]
            calls += [login(clients[i], email, password) for i in (4, 5)]
            responses = await asyncio.gather(*calls)
            for http in clients:
                await http.aclose()
    finally:
        await engine.dispose()
    statuses = [response.status_code for response in responses]
    assert statuses == [201] * 4 + [200] * 2, [r.text for r in responses]


def _nice_of_thread(native_id: int) -> int:
    # /proc/self/task/<tid>/stat: the 19th field is the thread's nice value.
    fields = Path(f"/proc/self/task/{native_id}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[16])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
async def test_hashing_runs_below_the_priority_of_requests() -> None:
    """Busy cores go to requests first: a burst of sign-ins must not take them from reads."""
    hasher = PasswordHasher(cheap=True, concurrency=2)
    await asyncio.gather(*(hasher.hash(strong_password()) for _ in range(4)))
    hashing = [t for t in threading.enumerate() if t.name.startswith(HASH_THREAD_PREFIX)]
    assert hashing, "no hashing thread ran"
    own = _nice_of_thread(threading.get_native_id())
    assert all(_nice_of_thread(t.native_id or 0) >= own + HASH_THREAD_NICE for t in hashing)
