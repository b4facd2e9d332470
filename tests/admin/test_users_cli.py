"""`cryptolens users list|show|unlock|grant`: the same rules as /admin/users from a shell,
each write with its audit row (actor `cli`)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens import cli
from cryptolens.admin import commands
from cryptolens.core.clock import FrozenClock
from cryptolens.settings import Settings
from tests.admin.user_factories import (
    account,
    add_account,
    audit_rows,
    lock,
    set_subscription,
    subscription_of,
)
from tests.clients import MakeUserClient


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    # The commands configure the root logger for a shell; leave it as the suite had it.
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


async def _run(monkeypatch: pytest.MonkeyPatch, settings: Settings, *argv: str) -> int:
    monkeypatch.setattr(commands, "get_settings", lambda: settings)
    # The command runs its own event loop, as from a shell.
    return await asyncio.to_thread(cli.main, list(argv))


async def test_list_and_show(
    app: FastAPI,
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    now = clock.now()
    trader = await add_account(app, now, email="trader@example.com", display_name="Day Trader")
    await add_account(app, now, email="other@example.com")
    await set_subscription(
        session_factory, trader.id, plan="pro_monthly", status="active", started_at=now,
        expires_at=now + timedelta(days=30),
    )  # fmt: skip

    assert await _run(monkeypatch, test_settings, "users", "list", "--q", "DAY") == 0
    out = capsys.readouterr().out
    assert "trader@example.com" in out and "pro" in out
    assert "other@example.com" not in out
    assert "1 users" in out

    assert await _run(monkeypatch, test_settings, "users", "list", "--tier", "free") == 0
    out = capsys.readouterr().out
    assert "other@example.com" in out and "trader@example.com" not in out

    assert await _run(monkeypatch, test_settings, "users", "show", "Trader@Example.com") == 0
    out = capsys.readouterr().out
    assert f"id:            {trader.id}" in out
    assert "tier:          pro" in out
    assert "pro_monthly active" in out
    assert await _run(monkeypatch, test_settings, "users", "show", str(trader.id)) == 0
    assert "trader@example.com" in capsys.readouterr().out

    assert await _run(monkeypatch, test_settings, "users", "show", "nobody@example.com") == 1
    assert "User not found" in capsys.readouterr().err


async def test_unlock_and_grant_write_with_audit_rows(
    app: FastAPI,
    make_user_client: MakeUserClient,
    test_settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    admin = await make_user_client(admin=True)
    user = await add_account(app, clock.now(), email="locked@example.com")
    await lock(session_factory, user.id, clock.now() + timedelta(minutes=15), 2)

    assert await _run(monkeypatch, test_settings, "users", "unlock", "locked@example.com") == 0
    assert "Unlocked locked@example.com" in capsys.readouterr().out
    unlocked = await account(session_factory, user.id)
    assert unlocked.locked_until is None and unlocked.failed_login_count == 0
    [row] = await audit_rows(admin.http, action="user.unlock")
    assert row["actor_email"] == "cli" and row["actor_id"] is None

    argv = ("users", "grant", str(user.id), "--plan", "pro", "--days", "30")
    assert await _run(monkeypatch, test_settings, *argv) == 0
    assert "Granted to locked@example.com: pro active" in capsys.readouterr().out
    first = await subscription_of(session_factory, user.id)
    assert first is not None and first.plan == "pro" and first.expires_at is not None
    assert await _run(monkeypatch, test_settings, *argv) == 0
    second = await subscription_of(session_factory, user.id)
    assert second is not None and second.expires_at == first.expires_at + timedelta(days=30)

    lifetime = ("users", "grant", "locked@example.com", "--plan", "premium", "--lifetime")
    assert await _run(monkeypatch, test_settings, *lifetime) == 0
    assert "until lifetime" in capsys.readouterr().out
    # Days on a lifetime one: the API's 409, as an error and exit status 1.
    assert await _run(monkeypatch, test_settings, *argv) == 1
    assert "lifetime" in capsys.readouterr().err
    rows = await audit_rows(admin.http, action="subscription.grant")
    assert len(rows) == 3 and {row["actor_email"] for row in rows} == {"cli"}

    # The admin API sees the result.
    detail = (await admin.http.get(f"/api/v1/admin/users/{user.id}")).json()["data"]
    assert detail["tier"] == "premium" and detail["subscription"]["lifetime"] is True


def test_grant_needs_days_or_lifetime(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["users", "grant", "1", "--plan", "pro"],
        ["users", "grant", "1", "--plan", "pro", "--days", "3", "--lifetime"],
        ["users", "grant", "1", "--plan", "pro", "--days", "0"],
        ["users", "grant", "1", "--plan", "gold", "--days", "3"],
    ):
        with pytest.raises(SystemExit) as exited:
            cli.main(argv)
        assert exited.value.code == 2, argv
    capsys.readouterr()
