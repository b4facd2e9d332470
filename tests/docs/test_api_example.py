"""docs/api/example.py runs as a developer would run it, against a live `cryptolens serve`: it
pages through the signals with an API key, and its webhook receiver verifies a real delivery
(and refuses a forged one). The example in the docs cannot rot without this failing."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.access.principal import PrincipalUser
from cryptolens.apikeys.schemas import ApiKeyCreate
from cryptolens.apikeys.service import create_key
from cryptolens.auth.accounts import create_user
from cryptolens.billing.service import grant_subscription
from cryptolens.core.security import PasswordHasher
from cryptolens.db import to_ms, unit_of_work
from cryptolens.patterns.models import Pattern
from cryptolens.settings import Settings
from cryptolens.signals.models import Signal
from tests.api.conftest import store_market_rows
from tests.auth.helpers import strong_password
from tests.processes import ApiProcess, start_api

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "api" / "example.py"
HOUR = 3_600_000
EXTRA_SIGNALS = 11  # with the stored market's one: 12, three pages of 5


@pytest.fixture
async def api(db_engine: AsyncEngine, tmp_path: Path) -> AsyncIterator[ApiProcess]:
    process = start_api(
        tmp_path,
        database_url=db_engine.url.render_as_string(hide_password=False),
        redis_url=None,
        env={"CRYPTOLENS_ENV": "test"},
    )
    try:
        await process.wait_live()
        yield process
    finally:
        process.stop()


async def _premium_with_key(
    session_factory: async_sessionmaker[AsyncSession], email: str, password: str
) -> str:
    now = datetime.now(UTC)
    settings = Settings(_env_file=None, env="test")  # type: ignore[call-arg]
    async with unit_of_work(session_factory) as session:
        user = await create_user(
            session,
            PasswordHasher.for_settings(settings),
            now,
            email=email,
            password=password,
            is_verified=True,
        )
        await grant_subscription(session, user.id, "premium_monthly", now)
        owner = PrincipalUser(id=user.id, email=email, is_admin=False, is_verified=True)
        created = await create_key(
            session, owner, ApiKeyCreate(name="example", scopes=["read:signals"]), 20, now
        )
    return created.key


async def _more_signals(
    session_factory: async_sessionmaker[AsyncSession], template_id: int
) -> None:
    async with unit_of_work(session_factory) as session:
        template = await session.get(Signal, template_id)
        assert template is not None
        anchor = await session.get(Pattern, template.anchor_pattern_id)
        assert anchor is not None
        for index in range(EXTRA_SIGNALS):
            # A signal per anchor pattern: each copy gets a pattern of its own.
            own_anchor = Pattern(
                **{
                    column.key: getattr(anchor, column.key)
                    for column in Pattern.__table__.columns
                    if column.key != "id"
                }
            )
            own_anchor.formed_at = anchor.formed_at - (index + 1) * HOUR
            session.add(own_anchor)
            await session.flush()
            copy = Signal(
                **{
                    column.key: getattr(template, column.key)
                    for column in Signal.__table__.columns
                    if column.key != "id"
                }
            )
            copy.anchor_pattern_id = own_anchor.id
            copy.created_at = template.created_at - (index + 1) * HOUR
            session.add(copy)


def _run_example(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLE), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


async def test_the_example_pages_through_signals_with_a_key(
    api: ApiProcess, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    rows = await store_market_rows(session_factory, to_ms(datetime.now(UTC)))
    await _more_signals(session_factory, rows["signal"])
    key = await _premium_with_key(session_factory, "example@example.com", strong_password())

    done = await asyncio.to_thread(
        _run_example,
        "signals",
        "--base-url",
        api.base_url,
        "--page-size",
        "5",
        env={"CRYPTOLENS_API_KEY": key},
    )

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == f"{EXTRA_SIGNALS + 1} signals"
    listed = [line for line in lines if line.startswith("signal ")]
    assert len(listed) == EXTRA_SIGNALS + 1
    assert len({line.split()[1] for line in listed}) == EXTRA_SIGNALS + 1  # no page repeated
    assert all(" BTC/USDT long " in line for line in listed)


async def test_the_example_names_a_refused_key(api: ApiProcess) -> None:
    done = await asyncio.to_thread(
        _run_example,
        "signals",
        "--base-url",
        api.base_url,
        env={"CRYPTOLENS_API_KEY": "clk_" + "x" * 40},
    )
    assert done.returncode != 0
    assert "401 invalid_api_key" in done.stderr


@contextlib.contextmanager
def _receiver(secret: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = subprocess.Popen(
        [sys.executable, "-u", str(EXAMPLE), "receive", "--port", "0", "--secret", secret],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("listening on "), first
        yield process, first.removeprefix("listening on ").strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


async def test_the_example_receiver_verifies_a_real_delivery(
    api: ApiProcess, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    password = strong_password()
    await _premium_with_key(session_factory, "hooks@example.com", password)
    async with httpx.AsyncClient(base_url=api.base_url, timeout=30) as http:
        csrf = (await http.get("/api/v1/auth/csrf")).json()["data"]["csrf_token"]
        http.headers["X-CSRF-Token"] = csrf
        login = await http.post(
            "/api/v1/auth/login", json={"email": "hooks@example.com", "password": password}
        )
        assert login.status_code == 200, login.text
        # Signing in gives a new CSRF token (its cookie): echo that one from now on.
        http.headers["X-CSRF-Token"] = http.cookies["cl_csrf"]
        # The receiver's port is known only once it listens: create the endpoint after.
        created = await http.post(
            "/api/v1/webhooks",
            json={"url": "http://127.0.0.1:9/placeholder", "events": ["signal.created"]},
        )
        assert created.status_code == 201, created.text
        endpoint = created.json()["data"]
        with _receiver(endpoint["secret"]) as (receiver, receiver_url):
            patched = await http.patch(
                f"/api/v1/webhooks/{endpoint['id']}", json={"url": receiver_url}
            )
            assert patched.status_code == 200, patched.text
            tested = await http.post(f"/api/v1/webhooks/{endpoint['id']}/test")
            assert tested.status_code == 200, tested.text
            # A forged delivery straight to the receiver: signed with another secret.
            forged = await http.post(
                receiver_url,
                content=b'{"type":"signal.created"}',
                headers={
                    "webhook-id": "msg_forged",
                    "webhook-timestamp": str(int(datetime.now(UTC).timestamp())),
                    "webhook-signature": "v1,AAAA",
                },
            )
            assert forged.status_code == 400
            receiver.terminate()
            output, _ = receiver.communicate(timeout=10)
    assert "verified webhook.test msg_" in output
    assert "refused: no valid signature" in output
