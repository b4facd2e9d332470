"""The notification settings, read in ONE place.

The fields below are meant for the Settings class (settings.py); until they land there they
are read with their defaults through getattr, so nothing else in the domain cares.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from pydantic import SecretStr

from cryptolens.settings import Settings

DEFAULT_NTFY_URL = "https://ntfy.sh"
DEFAULT_MAX_CONNECTIONS = 100
DEFAULT_CONCURRENCY = 64
DEFAULT_TIMEOUT_SECONDS = 10.0
DEFAULT_MAX_AGE_MINUTES = 10
DEFAULT_BATCH_SIZE = 500

# ntfy sends no Retry-After: the spec's schedule for 429 and 5xx, then failed.
RETRY_SCHEDULE_SECONDS: tuple[float, ...] = (5, 15, 45, 120, 300)
MAX_ATTEMPTS = len(RETRY_SCHEDULE_SECONDS) + 1
# After a 429 wave the held-back pushes resume at this pace, not all at once.
THROTTLED_PUSHES_PER_SECOND = 50
MUTE_DURATION = timedelta(hours=24)
# How long the mute button of a push keeps working.
MUTE_LINK_VALIDITY = timedelta(days=3)
TEST_PUSH_RATE = "3/hour"


@dataclass(frozen=True)
class NotificationConfig:
    ntfy_url: str
    ntfy_token: str | None
    max_connections: int
    concurrency: int
    timeout_seconds: float
    max_age: timedelta
    batch_size: int
    public_url: str


def _secret(value: object) -> str | None:
    if isinstance(value, SecretStr):
        value = value.get_secret_value()
    return str(value) if value else None


def notification_config(settings: Settings) -> NotificationConfig:
    return NotificationConfig(
        ntfy_url=str(getattr(settings, "ntfy_url", DEFAULT_NTFY_URL)).rstrip("/"),
        ntfy_token=_secret(getattr(settings, "ntfy_token", None)),
        max_connections=int(getattr(settings, "ntfy_max_connections", DEFAULT_MAX_CONNECTIONS)),
        concurrency=int(getattr(settings, "ntfy_concurrency", DEFAULT_CONCURRENCY)),
        timeout_seconds=float(getattr(settings, "ntfy_timeout_seconds", DEFAULT_TIMEOUT_SECONDS)),
        max_age=timedelta(
            minutes=float(getattr(settings, "notify_max_age_minutes", DEFAULT_MAX_AGE_MINUTES))
        ),
        batch_size=int(getattr(settings, "notify_batch_size", DEFAULT_BATCH_SIZE)),
        public_url=settings.public_url.rstrip("/"),
    )
