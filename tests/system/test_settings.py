"""Settings fail closed in production and keep generated secrets outside it; the grouped
settings keep the flat environment names the README documents, and their defaults live once."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin

import pytest
from cryptography.fernet import Fernet
from pydantic import SecretStr, ValidationError

from cryptolens.core.timeframes import DAY_MS
from cryptolens.market.backfill import backfill_depth_ms
from cryptolens.market.defaults import BUILT_TIMEFRAMES
from cryptolens.patterns.detectors import DEFAULT_MIN_ZONE_PCT, DEFAULT_OB_IMPULSE_MULTIPLIER
from cryptolens.settings import (
    DETECTION_TIMEFRAMES,
    FALLBACK_SCAN_WINDOW,
    DatabaseSettings,
    HttpSettings,
    JobSettings,
    MailSettings,
    MarketSettings,
    NotificationSettings,
    PlanSettings,
    ScanSettings,
    SecuritySettings,
    Settings,
    SettingsError,
    SignalSettings,
)
from cryptolens.settings_sources import flat_names
from cryptolens.signals.settings import CycleSettings

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


# -- flat environment names for grouped settings ----------------------------------------------

README = Path(__file__).resolve().parents[2] / "README.md"
FLAT_NAMES = {name.env: name for name in flat_names(Settings)}


def documented_names() -> list[str]:
    """Every name in the first column of the README's configuration table."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [
        name for row in rows for name in re.findall(r"CRYPTOLENS_[A-Z0-9_]+", row.split(" | ")[0])
    ]


def nested(settings: Settings, path: tuple[str, ...]) -> Any:
    value: Any = settings
    for part in path:
        value = getattr(value, part)
    return value


def other_value(annotation: Any, current: Any) -> tuple[str, Callable[[Any], bool]]:
    """A raw environment value unlike `current`, and a check that it was parsed into place."""
    if get_origin(annotation) in (Union, UnionType):
        annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
    origin = get_origin(annotation)
    if origin is Literal:
        choice = next(c for c in get_args(annotation) if c not in (current, "production"))
        return choice, lambda value: value == choice
    if origin is tuple and get_origin(get_args(annotation)[0]) is Literal:
        # A list of choices (billing providers): none at all differs from any default and
        # needs no further settings.
        return "[]", lambda value: value == ()
    if origin is tuple:
        items: list[Any] = ["1h", "4h"] if get_args(annotation)[0] is str else [7, 14]
        return json.dumps(items), lambda value: value == tuple(items)
    if origin is dict:
        return '{"1m": 3}', lambda value: value["1m"] == 3
    if annotation is bool:
        return str(not current).lower(), lambda value: value is (not current)
    if annotation in (int, float, Decimal):
        bigger = (current or 0) + 7
        return str(bigger), lambda value: value == bigger
    if annotation is SecretStr:
        secret = "x" * 40
        return secret, lambda value: value.get_secret_value() == secret
    if annotation is Path:
        return "/srv/cryptolens-x", lambda value: value == Path("/srv/cryptolens-x")
    assert annotation is str, annotation
    return "sample-value", lambda value: value == "sample-value"


@pytest.mark.parametrize("env_name", documented_names())
def test_every_documented_name_sets_its_setting(
    env_name: str, clean_environment: pytest.MonkeyPatch
) -> None:
    name = FLAT_NAMES.get(env_name)
    assert name is not None, f"{env_name} is in the README but no setting reads it"
    before = nested(build(), name.path)
    raw, parsed = other_value(name.field.annotation, before)
    clean_environment.setenv(env_name, raw)
    assert parsed(nested(build(), name.path))


def test_the_readme_documents_the_settings_and_names_are_unique() -> None:
    documented = documented_names()
    assert len(documented) == len(set(documented)) > 60
    assert len(FLAT_NAMES) == len(list(flat_names(Settings)))  # no two fields share a name
    # Not documented yet: CORS origins and the log format (no table row describes them).
    assert set(FLAT_NAMES) - set(documented) <= {"CRYPTOLENS_CORS_ORIGINS", "CRYPTOLENS_LOG_FORMAT"}


def test_grouped_names_keep_their_flat_environment_spelling() -> None:
    assert FLAT_NAMES["CRYPTOLENS_SIGNAL_COOLDOWN_HOURS"].path == ("signals", "cooldown_hours")
    assert FLAT_NAMES["CRYPTOLENS_DETECTION_TIMEFRAMES"].path == ("scan", "timeframes")
    assert FLAT_NAMES["CRYPTOLENS_NOTIFY_BATCH_SIZE"].path == ("notifications", "batch_size")
    assert FLAT_NAMES["CRYPTOLENS_JOB_MAX_TRIES"].path == ("jobs", "max_tries")
    assert FLAT_NAMES["CRYPTOLENS_INLINE_JOBS"].path == ("jobs", "inline")
    assert FLAT_NAMES["CRYPTOLENS_DB_POOL_SIZE"].path == ("database", "pool_size")
    assert FLAT_NAMES["CRYPTOLENS_SMTP_HOST"].path == ("mail", "smtp_host")
    assert FLAT_NAMES["CRYPTOLENS_PUBLIC_URL"].path == ("public_url",)


def test_a_dotenv_file_sets_grouped_and_top_level_settings(
    tmp_path: Path, clean_environment: pytest.MonkeyPatch
) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        "CRYPTOLENS_MIN_CONFLUENCE=3\n"
        "CRYPTOLENS_NTFY_URL=https://push.example.com/\n"
        "cryptolens_db_pool_size=4\n"
        'CRYPTOLENS_SCAN_WINDOWS={"1m": 120}\n'
        "CRYPTOLENS_PUBLIC_URL=https://lens.example.com\n",
        encoding="utf-8",
    )
    settings = Settings(_env_file=dotenv)  # type: ignore[call-arg]
    assert settings.signals.min_confluence == 3
    assert settings.notifications.server == "https://push.example.com"
    assert settings.database.pool_size == 4
    assert settings.scan.windows["1m"] == 120
    assert settings.public_url == "https://lens.example.com"
    # The process environment wins over the file, group by group and field by field.
    clean_environment.setenv("CRYPTOLENS_MIN_CONFLUENCE", "5")
    again = Settings(_env_file=dotenv)  # type: ignore[call-arg]
    assert (again.signals.min_confluence, again.database.pool_size) == (5, 4)


def test_json_lists_and_dicts_parse(clean_environment: pytest.MonkeyPatch) -> None:
    clean_environment.setenv("CRYPTOLENS_DEFAULT_SYMBOLS", '["BTC/USDT", "ETH/USDT"]')
    clean_environment.setenv("CRYPTOLENS_CONFLUENCE_TIMEFRAMES", '["15m", "1h", "4h"]')
    clean_environment.setenv("CRYPTOLENS_STATS_WINDOWS_DAYS", "[7, 30]")
    clean_environment.setenv("CRYPTOLENS_BACKFILL_DEPTH_DAYS", '{"1m": 2}')
    clean_environment.setenv("CRYPTOLENS_CANDLE_RETENTION_DAYS", '{"1m": 5}')
    clean_environment.setenv("CRYPTOLENS_SCAN_WINDOWS", '{"5m": 90}')
    settings = build()
    assert settings.market.default_symbols == ("BTC/USDT", "ETH/USDT")
    assert settings.signals.confluence_timeframes == ("15m", "1h", "4h")
    assert settings.signals.stats_windows_days == (7, 30)
    # Depths and windows name some timeframes and keep the default of the others; retention
    # lists every timeframe it deletes (the others are kept forever).
    assert settings.market.backfill_depth_days == {**MarketSettings().backfill_depth_days, "1m": 2}
    assert settings.scan.windows == {**ScanSettings().windows, "5m": 90}
    assert settings.scan.window("30m") == FALLBACK_SCAN_WINDOW
    assert settings.market.candle_retention_days == {"1m": 5}
    clean_environment.setenv("CRYPTOLENS_DEFAULT_SYMBOLS", "BTC/USDT")
    with pytest.raises(ValueError, match="CRYPTOLENS_DEFAULT_SYMBOLS must be JSON"):
        build()


def test_defaults_are_written_once(clean_environment: pytest.MonkeyPatch) -> None:
    settings = build()
    groups = {
        "database": DatabaseSettings,
        "http": HttpSettings,
        "market": MarketSettings,
        "scan": ScanSettings,
        "signals": SignalSettings,
        "mail": MailSettings,
        "security": SecuritySettings,
        "plans": PlanSettings,
        "notifications": NotificationSettings,
        "jobs": JobSettings,
    }
    assert {
        name for name, field in Settings.model_fields.items() if field.annotation in groups.values()
    } == set(groups)
    for name, group in groups.items():
        assert getattr(settings, name) == group()
    # The domains take their defaults from the groups instead of restating them.
    cycle = CycleSettings()
    assert cycle == CycleSettings.of(settings)
    assert cycle.confluence_timeframes == DETECTION_TIMEFRAMES == settings.scan.timeframes
    assert (
        settings.scan.min_zone_pct,
        settings.scan.ob_impulse_multiplier,
    ) == (DEFAULT_MIN_ZONE_PCT, DEFAULT_OB_IMPULSE_MULTIPLIER)
    assert DETECTION_TIMEFRAMES[1:] == BUILT_TIMEFRAMES
    assert backfill_depth_ms("1d") == settings.market.backfill_depth_days["1d"] * DAY_MS


def test_groups_refuse_unknown_names() -> None:
    # A flat keyword left over from before the groups fails instead of being ignored.
    with pytest.raises(ValidationError, match="frontend_dist"):
        build(frontend_dist=Path("dist"))
    with pytest.raises(ValidationError, match="signal_cooldown_hours"):
        SignalSettings(signal_cooldown_hours=2)  # type: ignore[call-arg]
    assert SignalSettings(cooldown_hours=2).cooldown_ms == 2 * 3_600_000
