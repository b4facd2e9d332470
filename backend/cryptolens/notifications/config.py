"""The notification settings (from Settings) and the spec's fixed numbers, in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from cryptolens.settings import Settings

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


def notification_config(settings: Settings) -> NotificationConfig:
    token = settings.ntfy_token
    return NotificationConfig(
        ntfy_url=settings.ntfy_url.rstrip("/"),
        ntfy_token=token.get_secret_value() if token is not None else None,
        max_connections=settings.ntfy_max_connections,
        concurrency=settings.ntfy_concurrency,
        timeout_seconds=settings.ntfy_timeout_seconds,
        max_age=timedelta(minutes=settings.notify_max_age_minutes),
        batch_size=settings.notify_batch_size,
        public_url=settings.public_url.rstrip("/"),
    )
