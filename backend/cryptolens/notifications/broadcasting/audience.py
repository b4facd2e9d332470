"""Who a broadcast reaches, decided at send time: active, verified users with notifications
on and a topic, in the broadcast's tiers. And the moment a user's quiet hours end, until which
their push is held (not skipped, unlike a signal's)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.auth import service as auth_service
from cryptolens.notifications.eligibility import (
    DISABLED,
    INACTIVE,
    UNVERIFIED,
    Recipient,
    in_quiet_hours,
    zone_of,
)
from cryptolens.notifications.recipients import load_recipients

ALL_TIERS: tuple[str, ...] = tuple(tier.value for tier in Tier)
NO_TOPIC = "no_topic"
COUNT_BATCH = 1000


def exclusion(recipient: Recipient) -> str | None:
    """Why this user gets no broadcast now (None: they do), whatever their tier."""
    if not recipient.is_active:
        return INACTIVE
    if not recipient.is_verified:
        return UNVERIFIED
    if not recipient.preferences.enabled:
        return DISABLED
    if not recipient.topic:
        return NO_TOPIC
    return None


def quiet_hours_end(recipient: Recipient, now: datetime) -> datetime | None:
    """When the user's quiet hours end, if `now` is inside them (else None)."""
    preferences = recipient.preferences
    start, end = preferences.quiet_start, preferences.quiet_end
    if start is None or end is None or not in_quiet_hours(start, end, recipient.timezone, now):
        return None
    zone = zone_of(recipient.timezone)
    local = now.astimezone(zone)
    ends = datetime.combine(local.date(), time(end), tzinfo=zone)
    if ends <= local:
        ends = datetime.combine(local.date() + timedelta(days=1), time(end), tzinfo=zone)
    return ends.astimezone(UTC)


@dataclass
class AudienceCounts:
    total: int = 0
    by_tier: dict[str, int] = field(default_factory=dict)
    excluded_unverified: int = 0
    excluded_notifications_off: int = 0


def tally(recipients: Sequence[Recipient], tiers: Sequence[str], counts: AudienceCounts) -> None:
    wanted = set(tiers)
    by_tier: Counter[str] = Counter(counts.by_tier)
    for recipient in recipients:
        if recipient.tier.value not in wanted:
            continue
        reason = exclusion(recipient)
        if reason is None:
            counts.total += 1
            by_tier[recipient.tier.value] += 1
        elif reason == UNVERIFIED:
            counts.excluded_unverified += 1
        elif reason == DISABLED:
            counts.excluded_notifications_off += 1
    counts.by_tier = {tier: by_tier.get(tier, 0) for tier in tiers}


async def count_audience(db: AsyncSession, tiers: Sequence[str], now: datetime) -> AudienceCounts:
    """Counts only (never who): the users a broadcast to `tiers` would reach now, and the
    users of those tiers left out for being unverified or having notifications off."""
    counts = AudienceCounts(by_tier=dict.fromkeys(tiers, 0))
    after_id = 0
    while users := await auth_service.users_after(db, after_id, COUNT_BATCH):
        after_id = users[-1].id
        tally(await load_recipients(db, users, None, now), tiers, counts)
    return counts
