"""The one settings class. Every value comes from the environment (prefix CRYPTOLENS_) or .env.

Settings are grouped by domain (settings.signals.min_confluence, settings.jobs.max_tries...) and
each domain receives its group; every default is written here once. The environment keeps flat
names (CRYPTOLENS_MIN_CONFLUENCE): a grouped field is read from its own name, or from the name
its `EnvName` marker declares beside it (settings_sources.py reads them).

Defaults serve the embedded mode (SQLite under ./var/, in-process jobs and cache). Production
fails closed: it refuses to start without explicit secrets, a database URL and a Redis URL.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from cryptography.fernet import Fernet
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PositiveInt,
    SecretStr,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from cryptolens.settings_sources import EnvName, Secret, flat_sources
from cryptolens.settings_sources import SettingsError as SettingsError

Environment = Literal["development", "test", "production"]

DEFAULT_VAR_DIR = Path("var")

# Latest candles the live scan reads per timeframe; a timeframe not listed reads this many.
FALLBACK_SCAN_WINDOW = 250


# Settings sit under core (core reads them), so the few numbers they need are written here.
HOUR_MS = 3_600_000
# The timeframes the product scans, stores and shows by default, ascending.
DETECTION_TIMEFRAMES: tuple[str, ...] = ("1m", "5m", "15m", "1h", "4h", "1d")


class SettingsGroup(BaseModel):
    """One domain's settings: immutable, and strict about names so a typo fails loudly."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def _over_default(group: type[SettingsGroup], name: str, values: dict[str, int]) -> dict[str, int]:
    default: dict[str, int] = group.model_fields[name].get_default(call_default_factory=True)
    return {**default, **values}


class DatabaseSettings(SettingsGroup):
    pool_size: Annotated[int, EnvName("DB_POOL_SIZE")] = 10
    max_overflow: Annotated[int, EnvName("DB_MAX_OVERFLOW")] = 20
    pool_recycle_seconds: Annotated[int, EnvName("DB_POOL_RECYCLE_SECONDS")] = 1800
    echo: Annotated[bool, EnvName("DB_ECHO")] = False
    connect_timeout_seconds: Annotated[float, EnvName("DB_CONNECT_TIMEOUT_SECONDS")] = Field(
        default=2.0, gt=0, description="Longest wait to open a MySQL connection"
    )
    pool_timeout_seconds: Annotated[float, EnvName("DB_POOL_TIMEOUT_SECONDS")] = Field(
        default=2.0, gt=0, description="Longest a request waits for a pooled connection"
    )
    statement_timeout_seconds: Annotated[float, EnvName("DB_STATEMENT_TIMEOUT_SECONDS")] = Field(
        default=2.0,
        gt=0,
        description="Longest a request waits on one statement (MySQL read timeout and "
        "MariaDB max_statement_time) before answering 503",
    )
    sqlite_busy_timeout_seconds: Annotated[float, EnvName("SQLITE_BUSY_TIMEOUT_SECONDS")] = Field(
        default=15.0,
        gt=0,
        description="SQLite: longest a write waits for another's (one process: a request waits "
        "for a job's batch, not a dead server) before answering 503",
    )

    @property
    def request_wait_seconds(self) -> float:
        """The longest a request waits for the database before it answers 503: a connection
        (opened anew when the pooled one is dead) and a statement."""
        return self.connect_timeout_seconds + self.statement_timeout_seconds


class HttpSettings(SettingsGroup):
    rate_limit_scale: float = Field(
        default=1.0, description="Multiplies every rate limit; tests set it to shrink windows"
    )
    trust_proxy_headers: bool = Field(
        default=False,
        description="Take the client address from X-Forwarded-For/-Proto (behind a proxy only)",
    )
    forwarded_allow_ips: str = Field(
        default="127.0.0.1",
        description="Peers whose forwarding headers are trusted (comma-separated IPs/networks)",
    )
    cors_origins: tuple[str, ...] = ()
    frontend_dist: Path = Path("frontend/dist")
    max_body_bytes: int = Field(
        default=1_048_576, ge=1, description="Largest request body accepted; larger ones are a 413"
    )
    redis_timeout_seconds: float = Field(
        default=0.1, gt=0, description="Longest one cache or rate-limit call to Redis may take"
    )
    redis_breaker_seconds: float = Field(
        default=2.0, ge=0, description="After a Redis failure, Redis is not tried for this long"
    )
    max_concurrent_requests: int = Field(
        default=16,
        ge=0,
        description="Requests one process works on at once; more wait in line (0: no limit)",
    )
    shutdown_grace_seconds: int = Field(
        default=5,
        ge=0,
        le=60,
        description="On SIGTERM/SIGINT: requests and inline jobs get this long, then are cancelled",
    )


class MarketSettings(SettingsGroup):
    exchange: str = "binance"
    exchange_api_url: str | None = None
    data_source: Literal["exchange", "replay"] = "exchange"
    replay_seed: int = 42
    default_symbols: tuple[str, ...] = ("BTC/USDT", "ETH/USDT", "SOL/USDT", "BNB/USDT", "XRP/USDT")
    mandatory_symbols: tuple[str, ...] = Field(
        default=("BTC/USDT", "ETH/USDT", "SOL/USDT", "BNB/USDT", "XRP/USDT"),
        description="Symbols admins cannot disable (BTC/USDT always is, whatever this says)",
    )
    backfill_depth_days: dict[str, PositiveInt] = Field(
        default_factory=lambda: {"1m": 14, "5m": 30, "15m": 60, "1h": 180, "4h": 365, "1d": 1095},
        description="Days of history fetched per timeframe when a symbol is added",
    )
    candle_retention_days: dict[str, PositiveInt] = Field(
        default_factory=lambda: {"1m": 30, "5m": 180, "15m": 365},
        description="Candles older than this are deleted per timeframe; others kept forever",
    )

    @field_validator("backfill_depth_days", mode="after")
    @classmethod
    def _depths_over_the_defaults(cls, depths: dict[str, int]) -> dict[str, int]:
        """A value naming some timeframes keeps the default depth of the others."""
        return _over_default(cls, "backfill_depth_days", depths)


class ScanSettings(SettingsGroup):
    timeframes: Annotated[tuple[str, ...], EnvName("DETECTION_TIMEFRAMES")] = DETECTION_TIMEFRAMES
    min_zone_pct: float = Field(default=0.15, description="Smallest zone, % of its low")
    ob_impulse_multiplier: float = Field(
        default=1.5, description="Order-block impulse threshold, in average bodies"
    )
    windows: Annotated[dict[str, PositiveInt], EnvName("SCAN_WINDOWS")] = Field(
        default_factory=lambda: {"1m": 500, "5m": 400, "15m": 300, "1h": 250, "4h": 200, "1d": 150},
        description="Latest candles read per timeframe by the live scan",
    )

    @field_validator("windows", mode="after")
    @classmethod
    def _windows_over_the_defaults(cls, windows: dict[str, int]) -> dict[str, int]:
        """A value naming some timeframes keeps the default window of the others."""
        return _over_default(cls, "windows", windows)

    def window(self, timeframe: str) -> int:
        return self.windows.get(timeframe, FALLBACK_SCAN_WINDOW)


class SignalSettings(SettingsGroup):
    min_confluence: int = 2
    require_htf: bool = False
    require_trend_alignment: bool = Field(
        default=False,
        description="No signal against the longest confluence timeframe's trend (structure.md)",
    )
    min_risk_pct: float = 0.5
    default_rr: float = 3.0
    cooldown_hours: Annotated[float, EnvName("SIGNAL_COOLDOWN_HOURS")] = 4.0
    move_stop_to_entry_after_tp1: bool = True
    confluence_timeframes: tuple[str, ...] | None = Field(
        default=None, description="Timeframes counted for confluence (None: the scanned ones)"
    )
    stats_windows_days: tuple[int, ...] = (30, 90)
    warm_up_minutes: Annotated[int, EnvName("SIGNAL_WARM_UP_MINUTES")] = Field(
        default=20_160,
        description="Minutes replayed before a symbol's first live cycle (14 days: the longest "
        "pattern expiry)",
    )

    @property
    def cooldown_ms(self) -> int:
        return round(self.cooldown_hours * HOUR_MS)

    def counted_timeframes(self, scan: ScanSettings) -> tuple[str, ...]:
        """The timeframes counted for confluence: the configured ones, else the scanned ones."""
        return self.confluence_timeframes or scan.timeframes


class MailSettings(SettingsGroup):
    """No SMTP host: mails are saved under {var_dir}/mail/ instead of sent."""

    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_tls: Literal["none", "starttls", "tls"] = Field(
        default="starttls", description="none, starttls (port 587) or tls (implicit, port 465)"
    )
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_timeout_seconds: float = 10.0
    mail_from: str = "CryptoLens <no-reply@cryptolens.local>"


class SecuritySettings(SettingsGroup):
    """Accounts: sessions, one-time tokens, lockout."""

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
    password_hash_concurrency: int = Field(
        default=0,
        ge=0,
        description="Password hashes computed at once per process (0: half the cores, at least 1)",
    )


class PlanSettings(SettingsGroup):
    """Plan prices (USD) and the grace after an active subscription's expiry."""

    price_pro_monthly: Decimal = Decimal("19")
    price_pro_yearly: Decimal = Decimal("190")
    price_premium_monthly: Decimal = Decimal("49")
    price_premium_yearly: Decimal = Decimal("490")
    subscription_grace_days: int = 3


BillingProvider = Literal["card", "crypto", "fake"]


class BillingSettings(SettingsGroup):
    """Payment providers (billing.md): which are enabled, their API hosts, keys and webhook
    secrets. Keys and secrets are never logged; the hosts are replaceable (tests use loopback
    fakes). `fake` completes checkouts locally and is refused in production."""

    providers: Annotated[tuple[BillingProvider, ...], EnvName("BILLING_PROVIDERS")] = Field(
        default=("fake",),
        description='JSON list of "card", "crypto", "fake" (production: none by default)',
    )
    checkout_reuse_minutes: Annotated[int, EnvName("BILLING_CHECKOUT_REUSE_MINUTES")] = Field(
        default=60, ge=1, description="A pending checkout of the same plan and cycle is reused"
    )
    webhook_max_bytes: Annotated[int, EnvName("BILLING_WEBHOOK_MAX_BYTES")] = Field(
        default=65_536, ge=1_024, description="Larger provider webhook bodies are refused unread"
    )
    provider_timeout_seconds: Annotated[float, EnvName("BILLING_PROVIDER_TIMEOUT_SECONDS")] = Field(
        default=10.0, gt=0, description="One call to a provider's REST API"
    )
    lemonsqueezy_api_url: str = "https://api.lemonsqueezy.com"
    lemonsqueezy_api_key: SecretStr | None = None
    lemonsqueezy_store_id: str | None = None
    lemonsqueezy_webhook_secret: SecretStr | None = None
    lemonsqueezy_variant_pro_monthly: str | None = None
    lemonsqueezy_variant_pro_yearly: str | None = None
    lemonsqueezy_variant_premium_monthly: str | None = None
    lemonsqueezy_variant_premium_yearly: str | None = None
    nowpayments_api_url: str = "https://api.nowpayments.io"
    nowpayments_api_key: SecretStr | None = None
    nowpayments_ipn_secret: SecretStr | None = None
    nowpayments_pay_currency: str | None = Field(
        default=None, description="Coin of every invoice (unset: the payer picks one)"
    )
    fake_webhook_secret: Annotated[SecretStr | None, EnvName("BILLING_FAKE_SECRET")] = Field(
        default=None, description="Signs the fake provider's webhooks (unset: from the secret key)"
    )

    def variant_of(self, plan: str, cycle: str) -> str | None:
        value: str | None = getattr(self, f"lemonsqueezy_variant_{plan}_{cycle}", None)
        return value

    def missing_for(self, provider: BillingProvider) -> list[str]:
        """The settings an enabled provider still needs (flat environment names)."""
        needed: dict[str, object] = {}
        if provider == "card":
            needed = {
                "CRYPTOLENS_LEMONSQUEEZY_API_KEY": self.lemonsqueezy_api_key,
                "CRYPTOLENS_LEMONSQUEEZY_STORE_ID": self.lemonsqueezy_store_id,
                "CRYPTOLENS_LEMONSQUEEZY_WEBHOOK_SECRET": self.lemonsqueezy_webhook_secret,
                **{
                    f"CRYPTOLENS_LEMONSQUEEZY_VARIANT_{plan.upper()}_{cycle.upper()}": (
                        self.variant_of(plan, cycle)
                    )
                    for plan in ("pro", "premium")
                    for cycle in ("monthly", "yearly")
                },
            }
        elif provider == "crypto":
            needed = {
                "CRYPTOLENS_NOWPAYMENTS_API_KEY": self.nowpayments_api_key,
                "CRYPTOLENS_NOWPAYMENTS_IPN_SECRET": self.nowpayments_ipn_secret,
            }
        return [name for name, value in needed.items() if not value]


class NotificationSettings(SettingsGroup):
    """Push notifications through NTFY, and how long deliveries are kept."""

    ntfy_url: str = "https://ntfy.sh"
    ntfy_token: SecretStr | None = None
    enabled: Annotated[bool, EnvName("NOTIFICATIONS_ENABLED")] = Field(
        default=True, description="Master switch of signal pushes (off: none is sent)"
    )
    max_connections: Annotated[int, EnvName("NTFY_MAX_CONNECTIONS")] = Field(
        default=16, description="Pooled connections to NTFY"
    )
    concurrency: Annotated[int, EnvName("NTFY_CONCURRENCY")] = Field(
        default=16, description="Pushes in flight at once"
    )
    timeout_seconds: Annotated[float, EnvName("NTFY_TIMEOUT_SECONDS")] = 10.0
    max_age_minutes: Annotated[int, EnvName("NOTIFY_MAX_AGE_MINUTES")] = Field(
        default=10, description="Older signals are recorded but not pushed (catch-ups)"
    )
    batch_size: Annotated[int, EnvName("NOTIFY_BATCH_SIZE")] = 500
    retention_days: Annotated[int, EnvName("NOTIFICATION_RETENTION_DAYS")] = Field(
        default=90, ge=2, description="Sent and failed deliveries kept (the user's history)"
    )
    skipped_retention_days: Annotated[int, EnvName("SKIPPED_NOTIFICATION_RETENTION_DAYS")] = Field(
        default=7, ge=2, description="Skipped deliveries (one per user and signal) kept"
    )

    @property
    def server(self) -> str:
        """The NTFY base URL without a trailing slash."""
        return self.ntfy_url.rstrip("/")

    @property
    def max_age(self) -> timedelta:
        return timedelta(minutes=self.max_age_minutes)

    def token_value(self) -> str | None:
        return self.ntfy_token.get_secret_value() if self.ntfy_token is not None else None


class WebhookSettings(SettingsGroup):
    """Outbound webhooks (webhooks.md): limits, the retry schedule and the log's retention."""

    max_endpoints: Annotated[int, EnvName("WEBHOOK_MAX_ENDPOINTS")] = Field(
        default=10, ge=1, description="Endpoints per user"
    )
    attempt_timeout_seconds: Annotated[float, EnvName("WEBHOOK_TIMEOUT_SECONDS")] = Field(
        default=10.0, gt=0, description="One attempt: connect, TLS and response together"
    )
    # Delay before attempt 1, 2, ... (the first at once); its length is the attempts allowed.
    retry_schedule_seconds: Annotated[
        tuple[float, ...], EnvName("WEBHOOK_RETRY_SCHEDULE_SECONDS")
    ] = (0, 5, 300, 1800, 7200, 18000, 36000, 36000)
    retry_jitter: Annotated[float, EnvName("WEBHOOK_RETRY_JITTER")] = Field(
        default=0.1, ge=0, description="+- share of each retry delay"
    )
    max_in_flight: Annotated[int, EnvName("WEBHOOK_MAX_IN_FLIGHT")] = Field(
        default=5, ge=1, description="Attempts at once per endpoint"
    )
    auto_disable_failures: Annotated[int, EnvName("WEBHOOK_AUTO_DISABLE_FAILURES")] = Field(
        default=10, ge=1, description="Consecutive failed attempts that may disable an endpoint"
    )
    auto_disable_hours: Annotated[float, EnvName("WEBHOOK_AUTO_DISABLE_HOURS")] = Field(
        default=24, ge=0, description="... once the streak's first failure is this old"
    )
    previous_secret_hours: Annotated[float, EnvName("WEBHOOK_PREVIOUS_SECRET_HOURS")] = Field(
        default=24, ge=0, description="How long a rotated-out secret still signs"
    )
    retention_days: Annotated[int, EnvName("WEBHOOK_RETENTION_DAYS")] = Field(
        default=30, ge=1, description="Deliveries and their attempts kept"
    )


class ApiKeySettings(SettingsGroup):
    """API keys (auth-and-tiers.md "API keys"): how many a user may hold and the limit of
    session-authenticated calls to the same routes."""

    max_per_user: Annotated[int, EnvName("API_KEYS_MAX_PER_USER")] = Field(
        default=20, ge=1, description="Unrevoked keys per user"
    )
    session_limit: Annotated[str, EnvName("API_SESSION_LIMIT")] = Field(
        default="200/minute", description="Scoped routes called with a session, per user"
    )
    usage_days_kept: Annotated[int, EnvName("API_KEY_USAGE_DAYS_KEPT")] = Field(
        default=7, ge=1, description="Days of not yet flushed usage counters kept in the cache"
    )


class JobSettings(SettingsGroup):
    inline: Annotated[bool, EnvName("INLINE_JOBS")] = Field(
        default=True, description="Run the schedule inside the API process when no Redis is set"
    )
    worker_metrics_port: int = 9108
    timeout_high_seconds: Annotated[float, EnvName("JOB_TIMEOUT_HIGH_SECONDS")] = 60
    timeout_default_seconds: Annotated[float, EnvName("JOB_TIMEOUT_DEFAULT_SECONDS")] = 300
    timeout_low_seconds: Annotated[float, EnvName("JOB_TIMEOUT_LOW_SECONDS")] = 300
    max_tries: Annotated[int, EnvName("JOB_MAX_TRIES")] = Field(
        default=3, description="Tries of a job failing transiently"
    )
    retry_base_seconds: Annotated[float, EnvName("JOB_RETRY_BASE_SECONDS")] = 5.0
    runs_retention_days: Annotated[int, EnvName("JOB_RUNS_RETENTION_DAYS")] = 30
    key_prefix: Annotated[str, EnvName("JOB_KEY_PREFIX")] = Field(
        default="cryptolens",
        min_length=1,
        pattern=r"^[A-Za-z0-9_.-]+$",
        description="Prefix of this installation's queues, locks, health keys and job ids",
    )
    lock_ttl_seconds: Annotated[float, EnvName("JOB_LOCK_TTL_SECONDS")] = Field(
        default=30.0, ge=1.0, description="Single-copy lock lifetime, renewed while held"
    )
    redis_give_up_seconds: Annotated[float, EnvName("JOB_REDIS_GIVE_UP_SECONDS")] = Field(
        default=300.0, gt=0, description="A worker without Redis this long exits (status 1)"
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="CRYPTOLENS_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="forbid",
    )

    env: Environment = "development"
    public_url: str = "http://127.0.0.1:8000"
    host: str = "127.0.0.1"
    port: int = 8000
    var_dir: Path = DEFAULT_VAR_DIR
    log_level: str = "INFO"
    log_format: Literal["text", "json"] = "text"

    # Secrets: generated once and kept in var_dir outside production.
    secret_key: SecretStr | None = None
    encryption_keys: SecretStr | None = Field(
        default=None, description="Comma-separated Fernet keys, newest first"
    )

    # Secrets (SecretStr, and these two URLs, which may hold passwords) may come from the file
    # CRYPTOLENS_<NAME>_FILE names instead (settings_sources.py).
    database_url: Annotated[str | None, Secret()] = None
    # Redis (jobs, cache, rate limits, event stream). None = in-process adapters.
    redis_url: Annotated[str | None, Secret()] = None

    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    http: HttpSettings = Field(default_factory=HttpSettings)
    market: MarketSettings = Field(default_factory=MarketSettings)
    scan: ScanSettings = Field(default_factory=ScanSettings)
    signals: SignalSettings = Field(default_factory=SignalSettings)
    mail: MailSettings = Field(default_factory=MailSettings)
    security: SecuritySettings = Field(default_factory=SecuritySettings)
    plans: PlanSettings = Field(default_factory=PlanSettings)
    billing: BillingSettings = Field(default_factory=BillingSettings)
    notifications: NotificationSettings = Field(default_factory=NotificationSettings)
    jobs: JobSettings = Field(default_factory=JobSettings)
    webhooks: WebhookSettings = Field(default_factory=WebhookSettings)
    api_keys: ApiKeySettings = Field(default_factory=ApiKeySettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # What the environment and .env hold is read by flat name into the groups (the
        # `_env_file` argument still chooses the file; tests pass None).
        flat = flat_sources(settings_cls, env_settings, dotenv_settings)
        return (init_settings, *flat, file_secret_settings)

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
    def _billing_providers_configured(self) -> Settings:
        if self.is_production and "providers" not in self.billing.model_fields_set:
            # The default (the fake provider) serves every mode but production: none there.
            self.billing = self.billing.model_copy(update={"providers": ()})
        for provider in self.billing.providers:
            if missing := self.billing.missing_for(provider):
                raise SettingsError(f"billing provider {provider} needs " + ", ".join(missing))
        if self.is_production and "fake" in self.billing.providers:
            raise SettingsError("the fake billing provider cannot be enabled in production")
        return self

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
            raise SettingsError(
                "production needs explicit " + ", ".join(missing) + " (or their _FILE variants)"
            )
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
