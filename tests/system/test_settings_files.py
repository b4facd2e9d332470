"""Secrets from files (container secrets): every secret setting is also read from the file its
`<NAME>_FILE` variable names, without the file's trailing newline; a missing, unreadable or
empty file, or both variables set, stop the start with an error naming the variable, never the
secret."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from pydantic import SecretStr

from cryptolens.settings import Settings, SettingsError
from cryptolens.settings_sources import FlatName, flat_names

SECRETS = {name.env: name for name in flat_names(Settings) if name.is_secret}
# What an operator must be able to keep out of the environment (issue #18).
REQUIRED = {
    "CRYPTOLENS_SECRET_KEY",
    "CRYPTOLENS_ENCRYPTION_KEYS",
    "CRYPTOLENS_DATABASE_URL",
    "CRYPTOLENS_REDIS_URL",
    "CRYPTOLENS_SMTP_PASSWORD",
    "CRYPTOLENS_NTFY_TOKEN",
    "CRYPTOLENS_LEMONSQUEEZY_API_KEY",
    "CRYPTOLENS_LEMONSQUEEZY_WEBHOOK_SECRET",
    "CRYPTOLENS_NOWPAYMENTS_API_KEY",
    "CRYPTOLENS_NOWPAYMENTS_IPN_SECRET",
    "CRYPTOLENS_BILLING_FAKE_SECRET",
}
SECRET = "s3cr3t-" + "x" * 40
NO_DOTENV: dict[str, Any] = {"_env_file": None}


def build() -> Settings:
    return Settings(**NO_DOTENV)


def value_at(settings: Settings, name: FlatName) -> Any:
    value: Any = settings
    for part in name.path:
        value = getattr(value, part)
    return value.get_secret_value() if isinstance(value, SecretStr) else value


def secret_file(directory: Path, content: str | bytes, name: str = "secret") -> Path:
    path = directory / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_the_secrets_are_the_credentials_and_nothing_else() -> None:
    assert set(SECRETS) == REQUIRED
    assert "CRYPTOLENS_PUBLIC_URL" not in SECRETS


@pytest.mark.parametrize("env_name", sorted(SECRETS))
def test_every_secret_comes_from_its_file_without_the_trailing_newline(
    env_name: str, tmp_path: Path, clean_environment: pytest.MonkeyPatch
) -> None:
    clean_environment.setenv(f"{env_name}_FILE", str(secret_file(tmp_path, SECRET + "\n")))
    assert value_at(build(), SECRETS[env_name]) == SECRET


def test_only_one_newline_goes_and_the_rest_of_the_file_is_kept(
    tmp_path: Path, clean_environment: pytest.MonkeyPatch
) -> None:
    url = "mysql+asyncmy://app:p%20w@db/cryptolens"
    clean_environment.setenv(
        "CRYPTOLENS_DATABASE_URL_FILE", str(secret_file(tmp_path, f"{url}\r\n"))
    )
    assert build().database_url == url
    clean_environment.setenv("CRYPTOLENS_SECRET_KEY_FILE", str(secret_file(tmp_path, " a b ", "k")))
    assert value_at(build(), SECRETS["CRYPTOLENS_SECRET_KEY"]) == " a b "


def test_production_starts_with_every_required_secret_in_a_file(
    tmp_path: Path, clean_environment: pytest.MonkeyPatch
) -> None:
    files = {
        "SECRET_KEY": "k" * 48,
        "ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "DATABASE_URL": "mysql+asyncmy://cryptolens:pw@db/cryptolens",
        "REDIS_URL": "redis://:pw@redis:6379/0",
    }
    clean_environment.setenv("CRYPTOLENS_ENV", "production")
    for name, content in files.items():
        path = secret_file(tmp_path, content + "\n", name.lower())
        clean_environment.setenv(f"CRYPTOLENS_{name}_FILE", str(path))
    settings = build()
    assert settings.is_production
    assert settings.secret_key_value() == files["SECRET_KEY"]
    assert settings.fernet_keys() == [files["ENCRYPTION_KEYS"]]
    assert (settings.database_url, settings.redis_url) == (
        files["DATABASE_URL"],
        files["REDIS_URL"],
    )


def test_a_dotenv_file_may_name_the_secret_files(
    tmp_path: Path, clean_environment: pytest.MonkeyPatch
) -> None:
    password = secret_file(tmp_path, "mail-password\n")
    dotenv = tmp_path / ".env"
    dotenv.write_text(f"CRYPTOLENS_SMTP_PASSWORD_FILE={password}\n", encoding="utf-8")
    settings = Settings(**{**NO_DOTENV, "_env_file": dotenv})
    assert settings.mail.smtp_password is not None
    assert settings.mail.smtp_password.get_secret_value() == "mail-password"


def test_both_the_variable_and_its_file_is_an_error(
    tmp_path: Path, clean_environment: pytest.MonkeyPatch
) -> None:
    clean_environment.setenv("CRYPTOLENS_NOWPAYMENTS_API_KEY", SECRET)
    clean_environment.setenv(
        "CRYPTOLENS_NOWPAYMENTS_API_KEY_FILE", str(secret_file(tmp_path, SECRET))
    )
    with pytest.raises(SettingsError) as raised:
        build()
    message = str(raised.value)
    assert "CRYPTOLENS_NOWPAYMENTS_API_KEY and CRYPTOLENS_NOWPAYMENTS_API_KEY_FILE" in message
    assert SECRET not in message


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "cannot read .*: No such file or directory"),
        ("directory", "cannot read .*: Is a directory"),
        (b"\xff\xfe" + SECRET.encode(), "is not UTF-8 text"),
        ("\n", "is empty"),
    ],
    ids=["missing", "a directory", "not text", "empty"],
)
def test_a_file_that_cannot_give_the_secret_is_an_error_naming_the_variable(
    content: str | bytes | None,
    reason: str,
    tmp_path: Path,
    clean_environment: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "secret"
    if content == "directory":
        path.mkdir()
    elif content is not None:
        secret_file(tmp_path, content)
    clean_environment.setenv("CRYPTOLENS_REDIS_URL_FILE", str(path))
    with pytest.raises(SettingsError, match=f"^CRYPTOLENS_REDIS_URL_FILE: .*{reason}") as raised:
        build()
    assert SECRET not in str(raised.value)


def test_a_setting_that_is_no_secret_has_no_file_variant(
    tmp_path: Path, clean_environment: pytest.MonkeyPatch
) -> None:
    clean_environment.setenv(
        "CRYPTOLENS_PUBLIC_URL_FILE", str(secret_file(tmp_path, "https://x.example"))
    )
    assert build().public_url == Settings.model_fields["public_url"].default
