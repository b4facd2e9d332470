"""Users as the eligibility rules see them: account state, tier, watchlist, preferences and
mutes, read for a whole batch with one query per table."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.access.user_access import UserAccess
from cryptolens.auth import service as auth_service
from cryptolens.billing import service as billing_service
from cryptolens.notifications import repository
from cryptolens.notifications.eligibility import (
    Preferences,
    Recipient,
    daily_limit_of,
    local_day_start,
)
from cryptolens.notifications.models import NotificationPreference


def preferences_from_row(row: NotificationPreference | None) -> Preferences:
    if row is None:
        return Preferences()
    return Preferences(
        enabled=row.enabled,
        directions=row.directions,
        min_confluence=row.min_confluence,
        pattern_types=None if row.pattern_types is None else frozenset(row.pattern_types),
        symbols=None if row.symbols is None else frozenset(row.symbols),
        priority=row.priority,
        quiet_start=row.quiet_start,
        quiet_end=row.quiet_end,
        daily_limit=row.daily_limit,
        only_proven_setups=row.only_proven_setups,
    )


async def load_recipients(
    db: AsyncSession, users: Sequence[auth_service.User], symbol: str | None, now: datetime
) -> list[Recipient]:
    """`symbol`: the signal's, whose mutes matter (None: ignore mutes, e.g. broadcasts)."""
    ids = [user.id for user in users]
    preferences = await repository.preferences_of(db, ids)
    tiers = await billing_service.effective_tiers(
        db, [(user.id, user.is_admin) for user in users], now
    )
    # Only a pro user's symbols depend on the watchlist.
    watchlists = await auth_service.watchlists_of(
        db, [user_id for user_id, tier in tiers.items() if tier == Tier.PRO]
    )
    muting = await repository.users_muting(db, ids, symbol, now) if symbol else set()
    return [
        Recipient(
            user_id=user.id,
            topic=user.ntfy_topic,
            timezone=user.timezone,
            is_active=user.is_active,
            is_verified=user.is_verified,
            access=UserAccess(
                user_id=user.id,
                tier=tiers[user.id],
                is_admin=user.is_admin,
                watchlist=tuple(watchlists.get(user.id, ())),
            ),
            preferences=preferences_from_row(preferences.get(user.id)),
            muted_symbols=frozenset({symbol}) if symbol and user.id in muting else frozenset(),
        )
        for user in users
    ]


async def pushes_today(
    db: AsyncSession, recipients: Sequence[Recipient], now: datetime
) -> dict[int, int]:
    """Deliveries queued or sent since each user's local midnight, for users with a limit.
    One query per distinct local midnight (users share timezones)."""
    by_day_start: dict[datetime, list[int]] = defaultdict(list)
    for recipient in recipients:
        own_limit, tier_cap = daily_limit_of(recipient)
        if own_limit is not None or tier_cap is not None:
            by_day_start[local_day_start(recipient.timezone, now)].append(recipient.user_id)
    counts: dict[int, int] = {}
    for day_start, user_ids in by_day_start.items():
        counts.update(await repository.count_pushes_since(db, user_ids, day_start))
    return counts
