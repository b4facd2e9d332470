"""`cryptolens create-admin` and the demo accounts of the embedded default."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy import text

from cryptolens import cli
from cryptolens.auth import commands
from cryptolens.core.clock import FrozenClock
from cryptolens.resources import app_resources
from cryptolens.settings import Settings
from cryptolens.startup.demo_accounts import describe_demo_accounts, ensure_demo_accounts
from tests.auth.conftest import MakeClient
from tests.auth.helpers import fetch_csrf, login, me, strong_password
from tests.conftest import make_settings


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    # The command configures the root logger for a shell; leave it as the suite had it.
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def _run_cli(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, argv: list[str], stdin: str
) -> int:
    monkeypatch.setattr(commands, "get_settings", lambda: settings)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(argv)


async def test_create_admin_reads_the_password_from_stdin(
    test_settings: Settings,
    make_client: MakeClient,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    password = strong_password()
    argv = ["create-admin", "--email", "Root@Example.com"]
    # The command runs its own event loop, as from a shell.
    status = await asyncio.to_thread(_run_cli, monkeypatch, test_settings, argv, password + "\n")
    assert status == 0
    assert "root@example.com created" in capsys.readouterr().out

    client = make_client()
    await fetch_csrf(client)
    assert (await login(client, "root@example.com", password)).status_code == 200
    profile = (await me(client)).json()["data"]
    assert profile["is_admin"] is True
    assert profile["is_verified"] is True
    assert profile["tier"] == "premium"  # admins count as premium

    # Running it again changes the admin's password (and says so) and ends its sessions.
    new_password = strong_password()
    status = await asyncio.to_thread(
        _run_cli, monkeypatch, test_settings, argv, new_password + "\n"
    )
    assert status == 0
    assert "its password was changed" in capsys.readouterr().out
    assert (await me(client)).status_code == 401


async def test_create_admin_refuses_a_weak_password(
    test_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["create-admin", "--email", "root@example.com", "--password-stdin"]
    status = await asyncio.to_thread(_run_cli, monkeypatch, test_settings, argv, "password123\n")
    assert status == 1
    assert "too common" in capsys.readouterr().err


async def test_demo_accounts_on_an_empty_embedded_database(
    app: FastAPI,
    var_dir: Path,
    clock: FrozenClock,
    make_client: MakeClient,
) -> None:
    embedded = make_settings(
        var_dir, env="development", database_url="sqlite+aiosqlite:///unused.db"
    )
    async with app_resources(app).session_factory() as db:
        accounts = await ensure_demo_accounts(db, embedded, clock)
        await db.commit()
    assert [email for email, _ in accounts] == [
        "admin@cryptolens.local",
        "free@cryptolens.local",
        "pro@cryptolens.local",
        "premium@cryptolens.local",
    ]
    assert len({password for _, password in accounts}) == 4
    text = describe_demo_accounts(accounts)
    assert all(password in text for _, password in accounts)

    tiers = {}
    for number, (email, password) in enumerate(accounts):
        client = make_client(ip=f"10.5.0.{number}")
        await fetch_csrf(client)
        assert (await login(client, email, password)).status_code == 200
        profile = (await me(client)).json()["data"]
        tiers[email.split("@")[0]] = (profile["tier"], profile["is_admin"])
    assert tiers == {
        "admin": ("premium", True),
        "free": ("free", False),
        "pro": ("pro", False),
        "premium": ("premium", False),
    }

    # Only once: the users table is no longer empty.
    async with app_resources(app).session_factory() as db:
        assert await ensure_demo_accounts(db, embedded, clock) == []


@pytest.mark.parametrize(
    ("env", "database_url"),
    [
        ("test", "sqlite+aiosqlite:///unused.db"),
        ("production", "sqlite+aiosqlite:///unused.db"),
        ("development", "mysql+asyncmy://cryptolens@127.0.0.1/cryptolens"),
    ],
)
async def test_no_demo_accounts_outside_the_embedded_default(
    app: FastAPI, var_dir: Path, clock: FrozenClock, env: str, database_url: str
) -> None:
    settings = make_settings(var_dir, database_url=database_url).model_copy(update={"env": env})
    async with app_resources(app).session_factory() as db:
        assert await ensure_demo_accounts(db, settings, clock) == []
        assert await db.scalar(text("SELECT COUNT(*) FROM users")) == 0
