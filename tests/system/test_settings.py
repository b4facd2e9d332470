"""Settings fail closed in production and keep generated secrets outside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from cryptolens.settings import Settings, SettingsError

FULL_PRODUCTION = {
    "env": "production",
    "secret_key": "s" * 48,
    "encryption_keys": Fernet.generate_key().decode(),
    "database_url": "mysql+asyncmy://cryptolens@db/cryptolens",
    "redis_url": "redis://redis:6379/0",
}


def build(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.mark.parametrize("missing", ["secret_key", "encryption_keys", "database_url", "redis_url"])
def test_production_refuses_to_start_without_explicit_values(missing: str) -> None:
    values = {key: value for key, value in FULL_PRODUCTION.items() if key != missing}
    with pytest.raises(SettingsError, match=f"CRYPTOLENS_{missing.upper()}"):
        build(**values)


def test_production_refuses_weak_secret_and_bad_fernet_key() -> None:
    with pytest.raises(SettingsError, match="at least 32"):
        build(**{**FULL_PRODUCTION, "secret_key": "short"})
    with pytest.raises(SettingsError, match="invalid Fernet"):
        build(**{**FULL_PRODUCTION, "encryption_keys": "not-a-key"})


def test_production_with_everything_starts() -> None:
    settings = build(**FULL_PRODUCTION)
    assert settings.is_production
    assert settings.fernet_keys() == [FULL_PRODUCTION["encryption_keys"]]


def test_embedded_defaults_use_sqlite_under_var(tmp_path: Path) -> None:
    settings = build(var_dir=tmp_path)
    assert (
        settings.resolved_database_url == f"sqlite+aiosqlite:///{tmp_path.as_posix()}/cryptolens.db"
    )
    assert settings.redis_url is None


def test_generated_secrets_are_kept_and_private(tmp_path: Path) -> None:
    first = build(var_dir=tmp_path)
    key = first.secret_key_value()
    fernet = first.fernet_keys()
    again = build(var_dir=tmp_path)
    assert again.secret_key_value() == key
    assert again.fernet_keys() == fernet
    Fernet(fernet[0].encode())
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_encryption_keys_rotate_newest_first() -> None:
    newest, older = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings = build(encryption_keys=f"{newest}, {older}")
    assert settings.fernet_keys() == [newest, older]
