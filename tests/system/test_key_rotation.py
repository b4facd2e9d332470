"""`cryptolens rotate-encryption` (issue 18): after a new key is put first in
CRYPTOLENS_ENCRYPTION_KEYS, every stored secret (TOTP seeds, webhook secrets and their
rotated-out predecessors) is re-encrypted with it, in batches, so the old key can go. A value
no configured key opens is left as it is and makes the command fail; a second run changes
nothing. On both databases in process, and as the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.auth.accounts import create_user
from cryptolens.auth.models import TotpCredential
from cryptolens.core.security import InvalidToken, PasswordHasher, SecretBox
from cryptolens.db import unit_of_work
from cryptolens.system.key_rotation import rotate_encryption
from cryptolens.webhooks.models import WebhookEndpoint
from tests.conftest import make_settings

OLD, NEW, STRAY = (Fernet.generate_key().decode() for _ in range(3))


@dataclass
class Stored:
    """What the rows hold in clear, by (table, id)."""

    totp: dict[int, str]
    secrets: dict[int, tuple[str, str | None]]
    unreadable_user: int


async def _store(factory: async_sessionmaker[AsyncSession]) -> Stored:
    """Five TOTP seeds (three under the old key, one already under the new, one under a key
    nobody configured) and three webhook endpoints under the old key."""
    old, new, stray = SecretBox([OLD]), SecretBox([NEW]), SecretBox([STRAY])
    now = datetime.now(UTC)
    totp: dict[int, str] = {}
    secrets: dict[int, tuple[str, str | None]] = {}
    async with unit_of_work(factory) as db:
        users = [
            await create_user(
                db, PasswordHasher(cheap=True), now, email=f"rot-{i}@example.com", password="x" * 12
            )
            for i in range(5)
        ]
        for index, user in enumerate(users):
            seed = f"SEED{index}" * 4
            box = new if index == 3 else stray if index == 4 else old
            db.add(TotpCredential(user_id=user.id, secret_encrypted=box.encrypt(seed)))
            if index != 4:
                totp[user.id] = seed
        for index in range(3):
            current, previous = f"whsec_{index}", (f"whsec_prev_{index}" if index else None)
            endpoint = WebhookEndpoint(
                user_id=users[0].id,
                url=f"https://example.com/hook/{index}",
                events=["signal.created"],
                symbols=[],
                secret=old.encrypt(current),
                previous_secret=old.encrypt(previous) if previous else None,
            )
            db.add(endpoint)
            await db.flush()
            secrets[endpoint.id] = (current, previous)
    return Stored(totp, secrets, users[4].id)


async def _assert_new_key_opens_all(
    factory: async_sessionmaker[AsyncSession], stored: Stored
) -> None:
    only_new = SecretBox([NEW])
    async with factory() as db:
        seeds = dict(
            (
                await db.execute(select(TotpCredential.user_id, TotpCredential.secret_encrypted))
            ).all()
        )
        endpoints = (await db.execute(select(WebhookEndpoint))).scalars().all()
    for user_id, seed in stored.totp.items():
        assert only_new.decrypt(seeds[user_id]) == seed
    assert {
        endpoint.id: (
            only_new.decrypt(endpoint.secret),
            only_new.decrypt(endpoint.previous_secret) if endpoint.previous_secret else None,
        )
        for endpoint in endpoints
    } == stored.secrets
    # The one nobody could open is untouched: the key it needs still opens it.
    assert SecretBox([STRAY]).decrypt(seeds[stored.unreadable_user]) == "SEED4" * 4


async def test_every_secret_moves_to_the_new_key_in_batches_and_once(
    db_engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession], var_dir: Path
) -> None:
    stored = await _store(session_factory)
    settings = make_settings(
        var_dir,
        database_url=db_engine.url.render_as_string(hide_password=False),
        encryption_keys=SecretStr(f"{NEW},{OLD}"),
    )
    with pytest.raises(InvalidToken):  # before: the new key alone opens almost nothing
        await _assert_new_key_opens_all(session_factory, stored)

    first = {count.column: count for count in await rotate_encryption(settings, batch_size=2)}
    assert {name: (c.rewritten, c.current, c.unreadable) for name, c in first.items()} == {
        "totp_credentials.secret_encrypted": (3, 1, 1),
        "webhook_endpoints.secret": (3, 0, 0),
        "webhook_endpoints.previous_secret": (2, 0, 0),  # one endpoint has none
    }
    await _assert_new_key_opens_all(session_factory, stored)

    again = await rotate_encryption(settings, batch_size=2)
    assert [(c.rewritten, c.current, c.unreadable) for c in again] == [
        (0, 4, 1),
        (0, 3, 0),
        (0, 2, 0),
    ]


def _command(database_url: str, keys: str, workdir: Path) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("CRYPTOLENS_")}
    env |= {
        "CRYPTOLENS_ENV": "test",
        "CRYPTOLENS_DATABASE_URL": database_url,
        "CRYPTOLENS_ENCRYPTION_KEYS": keys,
        "CRYPTOLENS_VAR_DIR": str(workdir / "var"),
    }
    return subprocess.run(
        [sys.executable, "-m", "cryptolens.cli", "rotate-encryption", "--batch-size", "2"],
        env=env,
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


# The command's wiring and exit statuses; the work itself is the test above, on both backends.
@pytest.mark.parametrize("db_engine", ["sqlite"], indirect=True)
async def test_the_command_fails_while_a_secret_needs_a_key_not_configured(
    db_engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    stored = await _store(session_factory)
    url = db_engine.url.render_as_string(hide_password=False)

    missing = _command(url, f"{NEW},{OLD}", tmp_path)
    assert missing.returncode == 1, missing.stderr
    assert "1 stored secrets open with none of the configured keys" in missing.stderr
    assert "totp_credentials.secret_encrypted: 3 re-encrypted" in missing.stdout

    complete = _command(url, f"{NEW},{OLD},{STRAY}", tmp_path)
    assert complete.returncode == 0, complete.stderr
    assert "totp_credentials.secret_encrypted: 1 re-encrypted, 4 already current" in complete.stdout
    # Every seed, the formerly unreadable one included, now opens with the new key alone.
    stored.totp[stored.unreadable_user] = "SEED4" * 4
    async with session_factory() as db:
        seeds = dict(
            (
                await db.execute(select(TotpCredential.user_id, TotpCredential.secret_encrypted))
            ).all()
        )
    only_new = SecretBox([NEW])
    assert {user_id: only_new.decrypt(value) for user_id, value in seeds.items()} == stored.totp
