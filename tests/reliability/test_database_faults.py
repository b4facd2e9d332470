"""What a client sees while the database is down (issue 13, failure 3), against a real
`cryptolens serve` process whose MariaDB connections go through a fault proxy the test controls:

- refused (the server is gone): every data route (the reads, the developer pages' lists, a
  read with an API key) answers 503 in the envelope with `Retry-After`, within 5 s, and so
  does the health check;
- black-holed (packets swallowed): the same, within 5 s; no request hangs;
- recovered: 200 again within 5 s without a restart, including for a cookie whose lookup was
  in flight when the database stalled (its per-cookie lock must not wait for ever);
- a payment provider's signed webhook meanwhile: 503 with Retry-After (the provider retries),
  and its retry once the database is back credits the payment exactly once.

And in-process on SQLite: a database locked by another writer is a 503 too, not a 500.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.access.principal import PrincipalUser
from cryptolens.apikeys.schemas import ApiKeyCreate
from cryptolens.apikeys.service import create_key
from cryptolens.app import create_app
from cryptolens.auth.accounts import create_user
from cryptolens.auth.models import User
from cryptolens.billing.models import Payment, PaymentEvent
from cryptolens.billing.providers.fake import fake_event
from cryptolens.billing.service import grant_subscription
from cryptolens.core.clock import FrozenClock
from cryptolens.core.ratelimit import reset_rate_limits
from cryptolens.core.security import PasswordHasher
from cryptolens.db import create_engine, unit_of_work
from cryptolens.settings import DatabaseSettings
from tests.auth.helpers import fetch_csrf, login, strong_password
from tests.billing.ledger_helpers import add_pending
from tests.conftest import MYSQL_URL, make_settings
from tests.fakes.fault_proxy import FaultProxy
from tests.processes import ApiProcess, start_api

# A request answers within this while the database is refused or black-holed, and the service
# is back within this after the database is.
BOUND_SECONDS = 5.0
# Signed-in reads a client makes all the time (the memo is off: each one resolves its cookie),
# and the developer pages' lists (premium).
DATA_ROUTES = (
    "/api/v1/patterns",
    "/api/v1/matrix",
    "/api/v1/api-keys",
    "/api/v1/webhooks",
    "/api/v1/billing/payments",
)
# Read with an API key instead of the cookie (the key memo is off too: each one looks it up).
KEY_ROUTES = ("/api/v1/signals",)
# A stall longer than the bound, so a request stuck behind it shows.
STALL_SECONDS = 2 * BOUND_SECONDS
# Signs the API process's fake payment provider's webhooks (the test plays the provider).
FAKE_PROVIDER_SECRET = "database-faults-fake-provider-secret"

mysql_only = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)


@pytest.fixture(scope="module")
def db_proxy() -> Iterator[FaultProxy]:
    assert MYSQL_URL
    url = make_url(MYSQL_URL)
    with FaultProxy(url.host or "127.0.0.1", url.port or 3306) as proxy:
        yield proxy


@pytest.fixture(scope="module")
async def faulty_api(
    db_engine: AsyncEngine, db_proxy: FaultProxy, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[ApiProcess]:
    """One API process for the file, its database behind the proxy. The access memo is off so
    every signed-in request looks its cookie up; rate windows are short (many logins)."""
    assert MYSQL_URL
    api = start_api(
        tmp_path_factory.mktemp("faulty-api"),
        database_url=db_proxy.url_for(MYSQL_URL),
        redis_url=None,
        env={
            "CRYPTOLENS_ACCESS_MEMO_SECONDS": "0",
            "CRYPTOLENS_RATE_LIMIT_SCALE": "0.01",
            "CRYPTOLENS_BILLING_FAKE_SECRET": FAKE_PROVIDER_SECRET,
        },
    )
    try:
        await api.wait_live(within_seconds=240)  # a loaded machine starts slowly
        yield api
    finally:
        api.stop()
        sys.stderr.write(f"--- API process log (tail) ---\n{api.log_tail()}\n")


@dataclass
class SignedInClient:
    http: httpx.AsyncClient
    email: str
    password: str
    api_key: str


@pytest.fixture
async def signed_in(
    faulty_api: ApiProcess,
    db_proxy: FaultProxy,
    session_factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[SignedInClient]:
    db_proxy.set_mode("pass")
    await _wait_healthy(faulty_api)
    email, password = "faults@example.com", strong_password()
    async with unit_of_work(session_factory) as db:
        now = datetime.now(UTC)
        user = await create_user(
            db, PasswordHasher(cheap=True), now, email=email, password=password, is_verified=True
        )
        await grant_subscription(db, user.id, "premium_monthly", now)
        owner = PrincipalUser(id=user.id, email=email, is_admin=False, is_verified=True)
        body = ApiKeyCreate(name="faults", scopes=["read:signals"], limit_per_minute=100_000)
        api_key = (await create_key(db, owner, body, 20, now)).key
    async with httpx.AsyncClient(base_url=faulty_api.base_url, timeout=30) as http:
        await fetch_csrf(http)
        response = await login(http, email, password)
        assert response.status_code == 200, response.text
        yield SignedInClient(http, email, password, api_key)
    db_proxy.set_mode("pass")


async def _wait_healthy(api: ApiProcess) -> None:
    deadline = time.monotonic() + 30
    async with httpx.AsyncClient(base_url=api.base_url, timeout=10) as http:
        while (await http.get("/api/health")).status_code != 200:
            assert time.monotonic() < deadline, "the API never became healthy"
            await asyncio.sleep(0.2)


@dataclass(frozen=True)
class Answer:
    route: str
    status: int
    seconds: float
    retry_after: str | None
    code: str | None


async def _timed(client: SignedInClient, method: str, route: str) -> Answer:
    started = time.monotonic()
    try:
        if method == "POST":
            body = {"email": client.email, "password": client.password}
            response = await client.http.post(route, json=body, timeout=BOUND_SECONDS * 4)
        elif method == "KEY":  # the key wins over the client's cookie: its lookup is tried
            response = await client.http.get(
                route, headers={"X-API-Key": client.api_key}, timeout=BOUND_SECONDS * 4
            )
        else:
            response = await client.http.get(route, timeout=BOUND_SECONDS * 4)
    except httpx.TimeoutException:
        return Answer(route, 0, time.monotonic() - started, None, "client timeout")
    seconds = time.monotonic() - started
    code = None
    if response.headers.get("content-type", "").startswith("application/json"):
        meta = response.json().get("meta") or {}
        code = meta.get("code")
    return Answer(route, response.status_code, seconds, response.headers.get("retry-after"), code)


async def _every_route(client: SignedInClient) -> list[Answer]:
    calls = [_timed(client, "GET", route) for route in DATA_ROUTES]
    calls += [_timed(client, "KEY", route) for route in KEY_ROUTES]
    calls.append(_timed(client, "POST", "/api/v1/auth/login"))
    return list(await asyncio.gather(*calls))


def _assert_unavailable(answers: list[Answer]) -> None:
    for answer in answers:
        assert answer.status == 503, answer
        assert answer.code == "service_unavailable", answer
        assert answer.retry_after is not None and int(answer.retry_after) >= 1, answer
        assert answer.seconds < BOUND_SECONDS, answer


@mysql_only
async def test_a_refused_database_is_a_503_with_retry_after_on_every_route(
    signed_in: SignedInClient, db_proxy: FaultProxy
) -> None:
    db_proxy.set_mode("refuse")
    _assert_unavailable(await _every_route(signed_in))
    health = await _timed(signed_in, "GET", "/api/health")
    assert health.status == 503 and health.seconds < BOUND_SECONDS, health
    assert health.retry_after is not None and int(health.retry_after) >= 1, health


@mysql_only
async def test_a_black_holed_database_is_a_503_within_the_bound_and_nothing_hangs(
    signed_in: SignedInClient, db_proxy: FaultProxy
) -> None:
    db_proxy.set_mode("blackhole")
    _assert_unavailable(await _every_route(signed_in))
    # Asked again while it lasts (pooled connections are gone or stuck by now): the same.
    _assert_unavailable(await _every_route(signed_in))
    health = await _timed(signed_in, "GET", "/api/health")
    assert health.status == 503 and health.seconds < BOUND_SECONDS, health
    assert health.retry_after is not None and int(health.retry_after) >= 1, health


@mysql_only
@pytest.mark.parametrize("fault", ["refuse", "blackhole"])
async def test_a_provider_webhook_during_an_outage_is_a_503_and_its_retry_credits_once(
    signed_in: SignedInClient,
    db_proxy: FaultProxy,
    session_factory: async_sessionmaker[AsyncSession],
    fault: str,
) -> None:
    async with unit_of_work(session_factory) as db:
        user_id = await db.scalar(select(User.id).where(User.email == signed_in.email))
    assert user_id is not None
    payment = await add_pending(session_factory, user_id, datetime.now(UTC))
    body, headers = fake_event(
        payment.checkout_ref, payment.amount, "USD", "paid", FAKE_PROVIDER_SECRET
    )

    async def deliver() -> httpx.Response:
        return await signed_in.http.post(
            "/api/v1/billing/webhooks/fake",
            content=body,
            headers=headers,
            timeout=BOUND_SECONDS * 4,
        )

    db_proxy.set_mode(fault)
    started = time.monotonic()
    refused = await deliver()
    assert time.monotonic() - started < BOUND_SECONDS
    assert refused.status_code == 503, refused.text
    assert int(refused.headers["retry-after"]) >= 1

    db_proxy.set_mode("pass")
    deadline = time.monotonic() + BOUND_SECONDS * 2
    while True:  # the provider's retries, until the service is back
        retried = await deliver()
        if retried.status_code != 503 or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.2)
    assert retried.status_code == 200, retried.text
    assert retried.json()["data"]["status"] == "applied"
    assert (await deliver()).json()["data"]["status"] == "duplicate"
    async with unit_of_work(session_factory) as db:
        stored = await db.get(Payment, payment.id)
        events = await db.scalar(
            select(func.count())
            .select_from(PaymentEvent)
            .where(PaymentEvent.payment_id == payment.id)
        )
    assert stored is not None and stored.status == "completed"
    assert events == 1


@mysql_only
async def test_a_cookie_whose_lookup_stalled_is_not_stuck_and_the_service_comes_back(
    signed_in: SignedInClient, db_proxy: FaultProxy
) -> None:
    """The cookie's lookup starts while the database swallows everything; a second request
    with the same cookie must not queue behind it for as long as the stall lasts (the
    per-cookie lock waited for ever), and once the database is back every route answers 200
    within the bound, that cookie's included."""
    db_proxy.set_mode("blackhole")
    in_flight = asyncio.create_task(_timed(signed_in, "GET", DATA_ROUTES[0]))
    await asyncio.sleep(0.5)
    waiter = asyncio.create_task(_timed(signed_in, "GET", DATA_ROUTES[1]))
    # The stall lasts longer than the bound; the waiter is answered within it.
    await asyncio.wait({waiter}, timeout=STALL_SECONDS)
    db_proxy.set_mode("pass")
    recovered_at = time.monotonic()
    for stalled in (await in_flight, await waiter):
        assert stalled.status == 503 and stalled.seconds < BOUND_SECONDS, stalled

    deadline = recovered_at + BOUND_SECONDS
    answers: list[Answer] = []
    while True:
        answers = await _every_route(signed_in)
        if all(answer.status == 200 for answer in answers) or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.2)
    assert [answer.status for answer in answers] == [200] * len(answers), answers
    assert time.monotonic() - recovered_at < BOUND_SECONDS, answers


# --- SQLite: a locked database ------------------------------------------------------------


@pytest.mark.parametrize("db_engine", ["sqlite"], indirect=True)
async def test_a_locked_sqlite_database_is_a_503_not_a_500(
    db_engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    var_dir: Path,
    clock: FrozenClock,
) -> None:
    """Another writer holds the lock past the request's bound: sign-up and login answer 503
    with Retry-After (the request engine waits `statement_timeout_seconds` at most)."""
    url = db_engine.url.render_as_string(False)
    settings = make_settings(
        var_dir,
        database_url=url,
        database=DatabaseSettings(statement_timeout_seconds=1.0, sqlite_busy_timeout_seconds=1.0),
    )
    email, password = "locked@example.com", strong_password()
    async with unit_of_work(session_factory) as db:
        await create_user(
            db, PasswordHasher(cheap=True), clock.now(), email=email, password=password
        )
    engine = create_engine(url, settings, serving_requests=True)
    app = create_app(settings, engine=engine, clock=clock)
    reset_rate_limits(app)
    database_file = url.partition(":///")[2]
    holder = sqlite3.connect(database_file, isolation_level=None)
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
                await fetch_csrf(http)
                holder.execute("BEGIN IMMEDIATE")
                started = time.monotonic()
                signed_up = await http.post(
                    "/api/v1/auth/register",
                    json={"email": "new@example.com", "password": strong_password()},
                )
                logged_in = await http.post(
                    "/api/v1/auth/login", json={"email": email, "password": password}
                )
                elapsed = time.monotonic() - started
                holder.execute("ROLLBACK")
        for response in (signed_up, logged_in):
            assert response.status_code == 503, response.text
            assert response.json()["meta"]["code"] == "service_unavailable"
            assert int(response.headers["retry-after"]) >= 1
        assert elapsed < 2 * BOUND_SECONDS
    finally:
        holder.close()
        await engine.dispose()
