"""The signed-in user's notification settings, history, test push, topic and mutes."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import lowest_tier_where, within
from cryptolens.access.user_access import UserAccess
from cryptolens.auth import service as auth_service
from cryptolens.core.errors import TierRequiredError, ValidationFailedError
from cryptolens.core.paging import Page, PageRequest
from cryptolens.notifications import repository
from cryptolens.notifications.config import MUTE_DURATION
from cryptolens.notifications.messages import NtfyMessage
from cryptolens.notifications.models import NotificationPreference
from cryptolens.notifications.muting import InvalidMuteLinkError, MuteLinks
from cryptolens.notifications.ntfy import NtfyPublisher as NtfyPublisher
from cryptolens.notifications.ntfy import PublishResult
from cryptolens.notifications.ntfy import shared_publisher as shared_publisher
from cryptolens.notifications.reasons import publish_failure_reason
from cryptolens.notifications.schemas import (
    DeliveryOut,
    PreferencesIn,
    PreferencesOut,
    SavedPreferences,
)
from cryptolens.settings import NotificationSettings
from cryptolens.signals import reads as signal_reads

log = logging.getLogger("cryptolens.notifications")


async def preferences_view(
    db: AsyncSession,
    user: auth_service.User,
    access: UserAccess,
    settings: NotificationSettings,
    now: datetime,
) -> PreferencesOut:
    row = await repository.get_preferences(db, user.id)
    # No row yet: the defaults of PreferencesIn.
    saved = PreferencesIn() if row is None else SavedPreferences.model_validate(row)
    limits = access.limits
    mutes = await repository.muted_symbols(db, user.id, now)
    return PreferencesOut(
        **saved.model_dump(),
        topic=user.ntfy_topic,
        server=settings.server,
        timezone=user.timezone,
        tier_daily_cap=limits.pushes_per_day,
        tier_delay_minutes=int(limits.push_delay.total_seconds() // 60),
        muted_symbols={mute.symbol: mute.muted_until for mute in mutes},
        proven_setups_now=await signal_reads.proven_setups_now(db, access, now),
    )


def _check_against_tier(access: UserAccess, wanted: PreferencesIn) -> list[str] | None:
    """403 naming the tier for what the tier does not allow; returns the symbols normalised."""
    symbols = None
    if wanted.symbols is not None:
        symbols = [symbol.strip().upper() for symbol in wanted.symbols]
        for symbol in symbols:
            access.require_symbol(symbol)
    for pattern_type in wanted.pattern_types or []:
        access.require_pattern_type(pattern_type)
    if wanted.daily_limit is not None and not within(
        access.limits.pushes_per_day, wanted.daily_limit
    ):
        limit = wanted.daily_limit
        needed = lowest_tier_where(lambda limits: within(limits.pushes_per_day, limit))
        raise TierRequiredError(needed.value if needed else "premium")
    return symbols


async def update_preferences(
    db: AsyncSession,
    user: auth_service.User,
    access: UserAccess,
    wanted: PreferencesIn,
    settings: NotificationSettings,
    now: datetime,
) -> PreferencesOut:
    if (wanted.quiet_hours_start is None) != (wanted.quiet_hours_end is None):
        raise ValidationFailedError("quiet hours need both a start and an end (or neither)")
    symbols = _check_against_tier(access, wanted)
    row = await repository.get_preferences(db, user.id) or NotificationPreference(user_id=user.id)
    row.enabled = wanted.enabled
    row.directions = wanted.directions
    row.min_confluence = wanted.min_confluence
    row.pattern_types = None if wanted.pattern_types is None else sorted(set(wanted.pattern_types))
    row.symbols = symbols
    row.priority = wanted.priority
    row.quiet_start = wanted.quiet_hours_start
    row.quiet_end = wanted.quiet_hours_end
    row.daily_limit = wanted.daily_limit
    row.only_proven_setups = wanted.only_proven_setups
    row.updated_at = now
    await repository.save_preferences(db, row)
    return await preferences_view(db, user, access, settings, now)


async def delivery_history(
    db: AsyncSession, user_id: int, cursor: str | None, limit: int
) -> Page[DeliveryOut]:
    """Newest first; the cursor is the id of the last delivery served."""
    request = PageRequest.from_cursor(cursor, key_size=1, limit=limit)
    page = await repository.history(db, user_id, request)
    return page.map(DeliveryOut.model_validate)


async def send_test_push(
    publisher: NtfyPublisher, user: auth_service.User, now: datetime
) -> PublishResult:
    """One push to the caller's own topic, straight away (the route limits how often); a
    failure is logged with its reason and the server's answer (the operator's first clue)."""
    result = await publisher.publish(
        NtfyMessage(
            topic=user.ntfy_topic,
            title="CryptoLens test push",
            message="Pushes reach this device. Signals will arrive here.",
            priority=3,
            tags=("white_check_mark",),
        ),
        now,
    )
    reason = publish_failure_reason(result)
    if reason is not None:
        log.warning(
            "notifications.test_push_failed",
            extra={
                "user_id": user.id,
                "reason": reason,
                "http_status": result.http_status,
                "detail": (result.response or "")[:200],
            },
        )
    return result


async def push_account_notice(
    db: AsyncSession,
    publisher: NtfyPublisher,
    settings: NotificationSettings,
    user: auth_service.User,
    title: str,
    message: str,
    now: datetime,
) -> PublishResult | None:
    """A push about the user's account (e.g. a webhook disabled) to their topic, when their
    notifications and the master switch are on; None when it was not sent for that."""
    preferences = await repository.get_preferences(db, user.id)
    if not settings.enabled or (preferences is not None and not preferences.enabled):
        return None
    return await publisher.publish(
        NtfyMessage(
            topic=user.ntfy_topic, title=title, message=message, priority=4, tags=("warning",)
        ),
        now,
    )


async def regenerate_topic(db: AsyncSession, user: auth_service.User) -> str:
    return await auth_service.regenerate_ntfy_topic(db, user)


async def mute_from_link(
    db: AsyncSession, links: MuteLinks, token: str, now: datetime
) -> tuple[str, datetime]:
    """The push's mute button: mutes the symbol for 24 h from now for the link's user."""
    request = links.read(token, now)
    user = await auth_service.get_user(db, request.user_id)
    if user is None or not user.is_active:
        raise InvalidMuteLinkError("the mute link no longer applies")
    until = now + MUTE_DURATION
    await repository.mute_symbol(db, request.user_id, request.symbol, until)
    return request.symbol, until


async def purge_old_deliveries(
    db: AsyncSession, now: datetime, keep_days: int, keep_skipped_days: int
) -> int:
    """Retention: skipped rows (one per user and signal) go after a few days, the user's
    sent and failed history after `keep_days`; queued rows are the sweep's. Lapsed mutes go
    too. Returns the deliveries deleted."""
    deleted = await repository.delete_deliveries_before(
        db, ["skipped"], now - timedelta(days=keep_skipped_days)
    )
    deleted += await repository.delete_deliveries_before(
        db, ["sent", "failed"], now - timedelta(days=keep_days)
    )
    await repository.delete_mutes_before(db, now)
    return deleted
