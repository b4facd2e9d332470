"""The one settings class. Every value comes from the environment (prefix CRYPTOLENS_) or .env.

Defaults serve the embedded mode (SQLite under ./var/, in-process jobs and cache). Production
fails closed: it refuses to start without explicit secrets, a database URL and a Redis URL.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal

from cryptography.fernet import Fernet
from pydantic import Field, PositiveInt, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Environment = Literal["development", "test", "production"]

DEFAULT_VAR_DIR = Path("var")


class SettingsError(RuntimeError):
    """A setting makes it unsafe or impossible to start."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="CRYPTOLENS_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    env: Environment = "development"
    public_url: str = "http://127.0.0.1:8000"
    host: str = "127.0.0.1"
    port: int = 8000
    var_dir: Path = DEFAULT_VAR_DIR
    log_level: str = "INFO"

    # Secrets: generated once and kept in var_dir outside production.
    secret_key: SecretStr | None = None
    encryption_keys: SecretStr | None = Field(
        default=None, description="Comma-separated Fernet keys, newest first"
    )

    # Database
    database_url: str | None = None
    db_pool_size: int = 10
    db_max_overflow: int = 20
    db_pool_recycle_seconds: int = 1800
    db_echo: bool = False

    # Redis (jobs, cache, rate limits, event stream). None = in-process adapters.
    redis_url: str | None = None

    # HTTP
    rate_limit_scale: float = Field(
        default=1.0, description="Multiplies every rate limit; tests set it to shrink windows"
    )
    trust_proxy_headers: bool = False
    cors_origins: list[str] = Field(default_factory=list)
    frontend_dist: Path = Path("frontend/dist")

    # Market data
    exchange: str = "binance"
    exchange_api_url: str | None = None
    data_source: Literal["exchange", "replay"] = "exchange"
    replay_seed: int = 42
    default_symbols: list[str] = Field(
        default_factory=lambda: ["BTC/USDT", "ETH/USDT", "SOL/USDT", "BNB/USDT", "XRP/USDT"]
    )
    detection_timeframes: list[str] = Field(
        default_factory=lambda: ["1m", "5m", "15m", "1h", "4h", "1d"]
    )
    min_zone_pct: float = 0.15
    ob_impulse_multiplier: float = 1.5
    scan_windows: dict[str, int] = Field(
        default_factory=lambda: {"1m": 500, "5m": 400, "15m": 300, "1h": 250, "4h": 200, "1d": 150},
        description="Latest candles read per timeframe by the live scan",
    )

    # Signals (signals.md)
    min_confluence: int = 2
    require_htf: bool = False
    min_risk_pct: float = 0.5
    default_rr: float = 3.0
    signal_cooldown_hours: float = 4.0
    move_stop_to_entry_after_tp1: bool = True
    confluence_timeframes: list[str] | None = Field(
        default=None, description="Timeframes counted for confluence (default: detection ones)"
    )
    stats_windows_days: list[int] = Field(default_factory=lambda: [30, 90])
    signal_warm_up_minutes: int = Field(
        default=240, description="Minutes of history a symbol's first live cycles replay"
    )

    # Mail. No SMTP host: mails are saved under {var_dir}/mail/ instead of sent.
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_tls: Literal["none", "starttls", "tls"] = Field(
        default="starttls", description="none, starttls (port 587) or tls (implicit, port 465)"
    )
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_timeout_seconds: float = 10.0
    mail_from: str = "CryptoLens <no-reply@cryptolens.local>"

    # Accounts: sessions, one-time tokens, lockout
    session_days: int = 7
    access_memo_seconds: float = Field(
        default=2.0,
        ge=0,
        description="How long a process remembers a session's user and tier (0: never); a "
        "logout or tier change made by another process is seen within this time",
    )
    verification_token_hours: int = 24
    reset_token_minutes: int = 60
    pending_login_minutes: int = 5
    pending_login_attempts: int = 5
    lockout_threshold: int = Field(default=5, description="Consecutive failures that lock")
    lockout_minutes: int = 15

    # Plans (USD) and the grace after an active subscription's expiry.
    price_pro_monthly: Decimal = Decimal("19")
    price_pro_yearly: Decimal = Decimal("190")
    price_premium_monthly: Decimal = Decimal("49")
    price_premium_yearly: Decimal = Decimal("490")
    subscription_grace_days: int = 3

    # Push notifications (NTFY)
    ntfy_url: str = "https://ntfy.sh"
    ntfy_token: SecretStr | None = None
    ntfy_max_connections: int = Field(default=16, description="Pooled connections to NTFY")
    ntfy_concurrency: int = Field(default=16, description="Pushes in flight at once")
    ntfy_timeout_seconds: float = 10.0
    notify_max_age_minutes: int = Field(
        default=10, description="Older signals are recorded but not pushed (catch-ups)"
    )
    notify_batch_size: int = 500

    # Workers and jobs
    worker_metrics_port: int = 9108
    job_timeout_high_seconds: float = 60
    job_timeout_default_seconds: float = 300
    job_timeout_low_seconds: float = 300
    job_max_tries: int = Field(default=3, description="Tries of a job failing transiently")
    job_retry_base_seconds: float = 5.0
    job_runs_retention_days: int = 30
    notification_retention_days: int = Field(
        default=90, ge=2, description="Sent and failed deliveries kept (the user's history)"
    )
    skipped_notification_retention_days: int = Field(
        default=7, ge=2, description="Skipped deliveries (one per user and signal) kept"
    )
    backfill_depth_days: dict[str, PositiveInt] = Field(
        default_factory=lambda: {"1m": 14, "5m": 30, "15m": 60, "1h": 180, "4h": 365, "1d": 1095},
        description="Days of history fetched per timeframe when a symbol is added",
    )
    candle_retention_days: dict[str, int] = Field(
        default_factory=lambda: {"1m": 30, "5m": 180, "15m": 365},
        description="Candles older than this are deleted per timeframe; others kept forever",
    )
    inline_jobs: bool = Field(
        default=True, description="Run the schedule inside the API process when no Redis is set"
    )

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.var_dir / 'cryptolens.db').as_posix()}"

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")

    @model_validator(mode="after")
    def _fail_closed_in_production(self) -> Settings:
        if not self.is_production:
            return self
        missing = [
            name
            for name, value in (
                ("CRYPTOLENS_SECRET_KEY", self.secret_key),
                ("CRYPTOLENS_ENCRYPTION_KEYS", self.encryption_keys),
                ("CRYPTOLENS_DATABASE_URL", self.database_url),
                ("CRYPTOLENS_REDIS_URL", self.redis_url),
            )
            if not value
        ]
        if missing:
            raise SettingsError("production needs explicit " + ", ".join(missing))
        if self.secret_key is not None and len(self.secret_key.get_secret_value()) < 32:
            raise SettingsError("CRYPTOLENS_SECRET_KEY must be at least 32 characters")
        if self.encryption_keys is not None:
            _validate_fernet_keys(self.encryption_keys.get_secret_value())
        return self

    def secret_key_value(self) -> str:
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        return _local_secret(self.var_dir / "secret_key", lambda: secrets.token_urlsafe(48))

    def fernet_keys(self) -> list[str]:
        """Fernet keys, newest first (MultiFernet order)."""
        if self.encryption_keys is not None:
            return _validate_fernet_keys(self.encryption_keys.get_secret_value())
        raw = _local_secret(
            self.var_dir / "encryption_key", lambda: Fernet.generate_key().decode("ascii")
        )
        return [raw]


def _validate_fernet_keys(raw: str) -> list[str]:
    keys = [key.strip() for key in raw.split(",") if key.strip()]
    if not keys:
        raise SettingsError("CRYPTOLENS_ENCRYPTION_KEYS holds no key")
    for key in keys:
        try:
            Fernet(key.encode("ascii"))
        except (ValueError, TypeError) as exc:
            raise SettingsError("CRYPTOLENS_ENCRYPTION_KEYS holds an invalid Fernet key") from exc
    return keys


def _local_secret(path: Path, generate: Callable[[], str]) -> str:
    """Read a secret kept in var/, creating it (mode 0600) on first use; never in production."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = generate()
    path.touch(mode=0o600)
    path.write_text(value, encoding="utf-8")
    return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
