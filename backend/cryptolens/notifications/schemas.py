"""Request and response bodies of /api/v1/notifications."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from cryptolens.core.iso_times import IsoInstant
from cryptolens.notifications.reasons import reason_text

Directions = Literal["both", "long", "short"]


class PreferencesIn(BaseModel):
    """The whole set of choices (PUT replaces it). None for symbols or pattern types means
    every one the tier allows; quiet hours with start == end (or null) means none."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool = True
    directions: Directions = "both"
    min_confluence: int = Field(default=2, ge=1, le=6)
    pattern_types: list[str] | None = Field(default=None, max_length=10)
    symbols: list[str] | None = Field(default=None, max_length=50, examples=[["BTC/USDT"]])
    priority: int = Field(default=3, ge=1, le=5)
    quiet_hours_start: int | None = Field(default=None, ge=0, le=23, examples=[22])
    quiet_hours_end: int | None = Field(default=None, ge=0, le=23, examples=[7])
    daily_limit: int | None = Field(
        default=None, ge=1, description="At most the tier's cap; null: the cap"
    )
    only_proven_setups: bool = Field(
        default=False,
        strict=True,
        description="Push only signals whose setup has >= 30 resolved signals in 90 days"
        " averaging above 0 R",
    )


class SavedPreferences(PreferencesIn):
    """The choices as a NotificationPreference row holds them (quiet hours in columns of
    their own names)."""

    model_config = ConfigDict(from_attributes=True)

    quiet_hours_start: int | None = Field(default=None, validation_alias="quiet_start")
    quiet_hours_end: int | None = Field(default=None, validation_alias="quiet_end")


class PreferencesOut(PreferencesIn):
    topic: str = Field(description="The secret NTFY topic to subscribe to in the app")
    server: str = Field(description="The NTFY server the pushes come from")
    timezone: str = Field(description="Quiet hours and daily limits follow this timezone")
    tier_daily_cap: int | None = Field(description="Pushes a day the tier allows; null: unlimited")
    tier_delay_minutes: int = Field(description="How late the tier's pushes are sent")
    muted_symbols: dict[str, IsoInstant] = Field(description="Symbols muted, until when")
    proven_setups_now: int = Field(
        description="Setups of the tier's symbols that pass the proven-setup rule now"
    )


class DeliveryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)  # built from UserNotification rows

    id: int
    signal_id: int | None = Field(description="The signal pushed (null for a broadcast)")
    broadcast_id: int | None = Field(description="The admin broadcast pushed (null for a signal)")
    symbol: str = Field(description="The signal's symbol (empty for a broadcast)")
    title: str
    status: Literal["queued", "sent", "failed", "skipped"]
    reason: str | None = Field(
        description="Why it was skipped or failed (a code)", examples=["symbol_not_in_tier"]
    )
    attempts: int
    created_at: IsoInstant
    sent_at: IsoInstant | None

    @computed_field(  # type: ignore[prop-decorator]
        description="The reason as a sentence to show (null with no reason)",
        examples=["Your plan does not include this symbol."],
    )
    @property
    def reason_text(self) -> str | None:
        return reason_text(self.reason)


class TestPushOut(BaseModel):
    status: Literal["sent", "failed", "retry", "throttled"] = Field(
        description="sent, or why not: failed (refused), retry (server busy), throttled"
    )
    http_status: int | None
    topic: str
    reason: str | None = Field(
        default=None,
        description="Why it was not sent (a code); null when sent",
        examples=["http_403"],
    )
    reason_text: str | None = Field(
        default=None,
        description="The reason as a sentence to show",
        examples=["The ntfy server refused the push: it denies access to your topic (HTTP 403)."],
    )


class TopicOut(BaseModel):
    topic: str


class MuteOut(BaseModel):
    symbol: str
    muted_until: IsoInstant
