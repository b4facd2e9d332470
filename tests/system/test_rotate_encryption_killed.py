"""`cryptolens rotate-encryption` killed (SIGKILL) mid-run, then run again: every stored secret
ends under the new key, none is unreadable or lost meanwhile, and a batch is all or nothing.

The real command, on both databases, over enough webhook endpoints (secret and previous
secret) and TOTP seeds, all under the old key, with a small batch size; the test watches the
database and kills the command once it sees the first webhook batch committed, so the kill
lands in the middle of a column (core/reencryption.py: one transaction per batch)."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.fernet import Fernet
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.auth.accounts import create_user
from cryptolens.auth.models import TotpCredential
from cryptolens.core.security import InvalidToken, PasswordHasher, SecretBox
from cryptolens.db import unit_of_work
from cryptolens.webhooks.models import WebhookEndpoint

OLD, NEW = (Fernet.generate_key().decode() for _ in range(2))
BATCH = 20
ENDPOINTS = 600  # each with a secret and a previous one: 30 batches of each column
TOTP_USERS = 5
START_SECONDS = 120  # the command's start-up on a loaded machine
RUN_SECONDS = 300


@dataclass
class Plain:
    """What the rows hold in clear."""

    totp: dict[int, str]  # by user id
    webhooks: dict[int, tuple[str, str]]  # by endpoint id: (secret, previous secret)


async def _store(factory: async_sessionmaker[AsyncSession]) -> Plain:
    old = SecretBox([OLD])
    now = datetime.now(UTC)
    plain = Plain({}, {})
    async with unit_of_work(factory) as db:
        users = [
            await create_user(
                db,
                PasswordHasher(cheap=True),
                now,
                email=f"kill-{i}@example.com",
                password="x" * 12,
            )
            for i in range(TOTP_USERS)
        ]
        for index, user in enumerate(users):
            seed = f"KILLSEED{index}" * 3
            db.add(TotpCredential(user_id=user.id, secret_encrypted=old.encrypt(seed)))
            plain.totp[user.id] = seed
        endpoints = [
            WebhookEndpoint(
                user_id=users[0].id,
                url=f"https://example.com/hook/{index}",
                events=["signal.created"],
                symbols=[],
                secret=old.encrypt(f"whsec_{index}"),
                previous_secret=old.encrypt(f"whsec_prev_{index}"),
            )
            for index in range(ENDPOINTS)
        ]
        db.add_all(endpoints)
        await db.flush()
        for index, endpoint in enumerate(endpoints):
            plain.webhooks[endpoint.id] = (f"whsec_{index}", f"whsec_prev_{index}")
    return plain


def _start(database_url: str, workdir: Path) -> subprocess.Popen[str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("CRYPTOLENS_")}
    env |= {
        "CRYPTOLENS_ENV": "test",
        "CRYPTOLENS_DATABASE_URL": database_url,
        "CRYPTOLENS_ENCRYPTION_KEYS": f"{NEW},{OLD}",
        "CRYPTOLENS_VAR_DIR": str(workdir / "var"),
    }
    command = [sys.executable, "-m", "cryptolens.cli", "rotate-encryption"]
    return subprocess.Popen(
        [*command, "--batch-size", str(BATCH)],
        env=env,
        cwd=workdir,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


async def _secret_of(factory: async_sessionmaker[AsyncSession], endpoint_id: int) -> str:
    async with factory() as db:
        value = await db.scalar(
            select(WebhookEndpoint.secret).where(WebhookEndpoint.id == endpoint_id)
        )
    assert value is not None
    return value


def _under_new(value: str) -> bool:
    try:
        SecretBox([NEW]).decrypt(value)
    except InvalidToken:
        return False
    return True


async def _kill_after_first_webhook_batch(
    factory: async_sessionmaker[AsyncSession], process: subprocess.Popen[str], last_of_batch: int
) -> None:
    """SIGKILL as soon as the first batch of webhook secrets is seen committed."""
    deadline = time.monotonic() + START_SECONDS
    while not _under_new(await _secret_of(factory, last_of_batch)):
        if process.poll() is not None:
            raise AssertionError(f"the command ended before the kill: {process.communicate()}")
        assert time.monotonic() < deadline, "the first webhook batch never committed"
        await asyncio.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, process.returncode


async def _stored(
    factory: async_sessionmaker[AsyncSession],
) -> tuple[dict[int, str], dict[int, tuple[str, str | None]]]:
    async with factory() as db:
        seeds = dict(
            (
                await db.execute(select(TotpCredential.user_id, TotpCredential.secret_encrypted))
            ).all()
        )
        rows = (
            await db.execute(
                select(
                    WebhookEndpoint.id, WebhookEndpoint.secret, WebhookEndpoint.previous_secret
                ).order_by(WebhookEndpoint.id)
            )
        ).all()
    return seeds, {row_id: (secret, previous) for row_id, secret, previous in rows}


def _opened(
    box: SecretBox, seeds: dict[int, str], webhooks: dict[int, tuple[str, str | None]]
) -> Plain:
    """Every value opened with `box` (InvalidToken for any it cannot open)."""
    return Plain(
        {user_id: box.decrypt(value) for user_id, value in seeds.items()},
        {
            endpoint_id: (box.decrypt(secret), box.decrypt(previous or ""))
            for endpoint_id, (secret, previous) in webhooks.items()
        },
    )


async def test_a_rotation_killed_mid_run_completes_when_run_again(
    db_engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    plain = await _store(session_factory)
    ids = sorted(plain.webhooks)
    url = db_engine.url.render_as_string(hide_password=False)

    first = _start(url, tmp_path)
    try:
        await _kill_after_first_webhook_batch(session_factory, first, ids[BATCH - 1])
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(timeout=30)

    # Killed: nothing lost or unreadable (the old and new keys open every value, to what was
    # stored), the seeds all moved, and the secrets moved by whole batches, in key order.
    seeds, webhooks = await _stored(session_factory)
    assert _opened(SecretBox([NEW, OLD]), seeds, webhooks) == plain
    assert all(_under_new(value) for value in seeds.values())
    moved = [_under_new(secret) for secret, _ in webhooks.values()]
    done = moved.index(False) if False in moved else len(moved)
    print(f"killed after {done} of {ENDPOINTS} webhook secrets")
    assert BATCH <= done < ENDPOINTS, done
    assert done % BATCH == 0, f"a batch was committed in part: {done}"
    assert moved == [True] * done + [False] * (ENDPOINTS - done)
    assert not any(_under_new(previous or "") for _, previous in webhooks.values())

    # Run again: it finishes the work, leaving what was done alone.
    second = _start(url, tmp_path)
    try:
        out, err = second.communicate(timeout=RUN_SECONDS)
    finally:
        if second.poll() is None:
            second.kill()
            second.wait(timeout=30)
    assert second.returncode == 0, err
    assert f"totp_credentials.secret_encrypted: 0 re-encrypted, {TOTP_USERS} already current" in out
    counts = {
        column: (int(rewritten), int(current), int(unreadable))
        for column, rewritten, current, unreadable in re.findall(
            r"^(\S+): (\d+) re-encrypted, (\d+) already current, (\d+) unreadable$", out, re.M
        )
    }
    assert counts["webhook_endpoints.secret"] == (ENDPOINTS - done, done, 0), out
    assert counts["webhook_endpoints.previous_secret"] == (ENDPOINTS, 0, 0), out

    seeds, webhooks = await _stored(session_factory)
    assert _opened(SecretBox([NEW]), seeds, webhooks) == plain
