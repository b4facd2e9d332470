"""First run (issue #17): the console block a development start prints when ready (the app's
URL and the demo accounts), `cryptolens demo-accounts --reset` (new passwords, same rights),
and `create-admin`, which says what it changed and promotes an account only with --promote."""

from __future__ import annotations

import asyncio
import io
import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens import cli
from cryptolens.auth import commands as auth_commands
from cryptolens.core.clock import FrozenClock
from cryptolens.resources import app_resources
from cryptolens.settings import Settings
from cryptolens.startup import commands as startup_commands
from cryptolens.startup.console import start_block
from cryptolens.startup.demo_accounts import ensure_demo_accounts
from tests.auth.helpers import fetch_csrf, login, me, strong_password
from tests.clients import MakeClient, MakeUserClient
from tests.conftest import make_settings
from tests.processes import start_api

DEMO = ["admin", "free", "pro", "premium"]


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    # The commands configure the root logger for a shell; leave it as the suite had it.
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def _run_cli(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, argv: list[str], stdin: str = ""
) -> int:
    monkeypatch.setattr(auth_commands, "get_settings", lambda: settings)
    monkeypatch.setattr(startup_commands, "get_settings", lambda: settings)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(argv)


async def _profile(make_client: MakeClient, email: str, password: str) -> dict[str, object] | None:
    """The profile after signing in with this password, None when it is refused."""
    client = make_client(ip=f"10.6.{len(email)}.{len(password)}")
    await fetch_csrf(client)
    if (await login(client, email, password)).status_code != 200:
        return None
    data: dict[str, object] = (await me(client)).json()["data"]
    return data


# --- create-admin -----------------------------------------------------------------------


async def test_create_admin_never_promotes_unasked(
    test_settings: Settings,
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    trader = await make_user_client("pro")
    new_password = strong_password()
    argv = ["create-admin", "--email", trader.email.upper()]
    status = await asyncio.to_thread(
        _run_cli, monkeypatch, test_settings, argv, new_password + "\n"
    )
    assert status == 1
    err = capsys.readouterr().err
    assert "no admin; nothing was changed" in err
    assert "--promote" in err
    # Nothing changed: the old password and session still work, and no admin rights.
    assert (await trader.http.get("/api/v1/auth/me")).json()["data"]["is_admin"] is False
    assert await _profile(make_client, trader.email, new_password) is None

    status = await asyncio.to_thread(
        _run_cli, monkeypatch, test_settings, [*argv, "--promote"], new_password + "\n"
    )
    assert status == 0
    out = capsys.readouterr().out
    assert f"{trader.email} promoted to admin; its password was changed" in out
    assert (await trader.http.get("/api/v1/auth/me")).status_code == 401  # sessions ended
    promoted = await _profile(make_client, trader.email, new_password)
    assert promoted is not None and promoted["is_admin"] is True


async def test_create_admin_says_when_it_changes_an_admins_password(
    test_settings: Settings,
    make_client: MakeClient,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = strong_password(), strong_password()
    argv = ["create-admin", "--email", "boss@example.com"]
    assert await asyncio.to_thread(_run_cli, monkeypatch, test_settings, argv, first + "\n") == 0
    assert "Admin boss@example.com created." in capsys.readouterr().out

    assert await asyncio.to_thread(_run_cli, monkeypatch, test_settings, argv, second + "\n") == 0
    assert "already an admin; its password was changed" in capsys.readouterr().out
    assert await _profile(make_client, "boss@example.com", first) is None
    profile = await _profile(make_client, "boss@example.com", second)
    assert profile is not None and profile["is_admin"] is True


# --- demo-accounts ----------------------------------------------------------------------


def _embedded(test_settings: Settings) -> Settings:
    """Development settings on the test database (the demo accounts' home)."""
    return test_settings.model_copy(update={"env": "development"})


async def test_demo_accounts_reset_gives_new_passwords_and_keeps_rights(
    app: FastAPI,
    var_dir: Path,
    test_settings: Settings,
    clock: FrozenClock,
    make_client: MakeClient,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    embedded = make_settings(
        var_dir, env="development", database_url="sqlite+aiosqlite:///unused.db"
    )
    async with app_resources(app).session_factory() as db:
        shown_once = await ensure_demo_accounts(db, embedded, clock)
        await db.commit()
    settings = _embedded(test_settings)

    # Without --reset: the accounts, no password.
    assert await asyncio.to_thread(_run_cli, monkeypatch, settings, ["demo-accounts"]) == 0
    listing = capsys.readouterr().out
    assert all(f"{name}@cryptolens.local" in listing for name in DEMO)
    assert not any(password in listing for _, password in shown_once)

    argv = ["demo-accounts", "--reset"]
    assert await asyncio.to_thread(_run_cli, monkeypatch, settings, argv) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("+--") and "http://127.0.0.1:8000/" in printed
    new = dict(re.findall(r"(\w+@cryptolens\.local)\s+(\S+)", printed))
    assert sorted(new) == sorted(f"{name}@cryptolens.local" for name in DEMO)

    rights = {}
    for email, old_password in shown_once:
        assert new[email] != old_password
        assert await _profile(make_client, email, old_password) is None
        profile = await _profile(make_client, email, new[email])
        assert profile is not None
        rights[email.split("@")[0]] = (profile["tier"], profile["is_admin"])
    assert rights == {
        "admin": ("premium", True),
        "free": ("free", False),
        "pro": ("pro", False),
        "premium": ("premium", False),
    }


async def test_demo_accounts_where_there_are_none(
    app: FastAPI,
    var_dir: Path,
    test_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = _embedded(test_settings)
    argv = ["demo-accounts", "--reset"]
    assert await asyncio.to_thread(_run_cli, monkeypatch, settings, argv) == 1
    assert "there are none here" in capsys.readouterr().err

    production = test_settings.model_copy(update={"env": "production"})
    assert await asyncio.to_thread(_run_cli, monkeypatch, production, argv) == 1
    assert "production has no demo accounts" in capsys.readouterr().err


# --- the console block ------------------------------------------------------------------


def test_the_start_block_is_framed_with_the_url_and_the_accounts() -> None:
    fresh = start_block("http://127.0.0.1:8000", passwords=[("free@cryptolens.local", "pw-1")])
    lines = fresh.splitlines()
    assert lines[0] == lines[-1] and re.fullmatch(r"\+-+\+", lines[0])
    assert all(line.startswith("| ") and line.endswith(" |") for line in lines[1:-1])
    assert len({len(line) for line in lines}) == 1  # one width: a box
    assert "open http://127.0.0.1:8000/ and sign in" in fresh
    assert "free@cryptolens.local" in fresh and "pw-1" in fresh
    assert "demo-accounts --reset" in fresh

    later = start_block("https://lens.example.com/", demo_emails=["free@cryptolens.local"])
    assert "open https://lens.example.com/ and sign in" in later
    assert "free@cryptolens.local" in later and "--reset" in later
    assert "free@cryptolens.local" not in start_block("http://127.0.0.1:8000")


@pytest.mark.parametrize("db_engine", ["sqlite"], indirect=True)
async def test_a_development_start_prints_the_block_when_ready(
    db_engine: AsyncEngine, session_factory: object, tmp_path: Path
) -> None:
    """A real `cryptolens serve` on an empty embedded database: the block with the URL and
    the four new accounts is on the console once it answers, and the passwords work."""
    api = start_api(
        tmp_path,
        database_url=db_engine.url.render_as_string(hide_password=False),
        redis_url=None,
    )
    try:
        await api.wait_live(within_seconds=240)
        log = api.log_tail(100_000)
        assert f"open {api.base_url}/ and sign in" in log, log
        found = dict(re.findall(r"\| +(\w+@cryptolens\.local) +(\S+) +\|", log))
        assert sorted(found) == sorted(f"{name}@cryptolens.local" for name in DEMO), log
        async with httpx.AsyncClient(base_url=api.base_url, timeout=30) as http:
            await fetch_csrf(http)
            signed_in = await login(http, "pro@cryptolens.local", found["pro@cryptolens.local"])
            assert signed_in.status_code == 200, signed_in.text
    finally:
        api.stop()
        sys.stderr.write(f"--- API process log (tail) ---\n{api.log_tail()}\n")
