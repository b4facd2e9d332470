"""Pushes warning that a subscription ends soon: 7, 3 and 1 days before its paid time ends.

An hourly job looks at subscriptions ending within 7 days. Each gets the warning of the
nearest threshold it has crossed (a plan bought with 5 days left gets the 7-day one at once,
then the 3-day one), never one already recorded for that end date; a renewal moves the end,
so the next period warns again. Users who turned pushes off or are in their quiet hours are
not pushed (quiet hours: a later run sends it); 429/5xx and network errors leave the warning
unrecorded for the next run; other 4xx record it failed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.auth import service as auth_service
from cryptolens.billing import service as billing_service
from cryptolens.db import unit_of_work
from cryptolens.notifications import repository
from cryptolens.notifications.delivery import Outgoing, PushKit, publish_all
from cryptolens.notifications.eligibility import Recipient, in_quiet_hours, zone_of
from cryptolens.notifications.messages import NtfyMessage
from cryptolens.notifications.recipients import load_recipients

WARNING_DAYS = (1, 3, 7)
RECORDED = ("sent", "failed")


@dataclass(frozen=True)
class DueWarning:
    user_id: int
    plan: str
    expires_at: datetime
    days_before: int


@dataclass
class WarningTally:
    due: int = 0
    sent: int = 0
    failed: int = 0
    held: int = 0  # quiet hours, pushes off, or a retryable answer: a later run decides

    def details(self) -> dict[str, int]:
        return {"due": self.due, "sent": self.sent, "failed": self.failed, "held": self.held}


def threshold_crossed(expires_at: datetime, now: datetime) -> int | None:
    """The nearest warning threshold (in days) the remaining time has reached, if any."""
    left = expires_at - now
    if left <= timedelta(0):
        return None
    return next((days for days in WARNING_DAYS if left <= timedelta(days=days)), None)


def warning_message(
    warning: DueWarning, recipient: Recipient, public_url: str, now: datetime
) -> NtfyMessage:
    left = warning.expires_at - now
    days = max(1, round(left / timedelta(days=1)))
    when = (
        f"in {days} day{'s' if days > 1 else ''}" if left >= timedelta(hours=24) else "within a day"
    )
    local = warning.expires_at.astimezone(zone_of(recipient.timezone))
    plan = billing_service.tier_of_plan(warning.plan).value.capitalize()
    return NtfyMessage(
        topic=recipient.topic,
        title=f"Your CryptoLens {plan} plan ends {when}",
        message=(
            f"It ends on {local:%Y-%m-%d %H:%M} ({recipient.timezone}). "
            f"Renew it to keep your {plan} signals, symbols and pushes."
        ),
        priority=4 if warning.days_before == 1 else 3,
        tags=("hourglass_flowing_sand",),
        click=f"{public_url}/billing",  # the billing page renews
    )


async def _due_warnings(db: AsyncSession, now: datetime) -> list[DueWarning]:
    ending = await billing_service.subscriptions_ending_within(
        db, now, timedelta(days=max(WARNING_DAYS))
    )
    candidates = [
        DueWarning(s.user_id, s.plan, s.expires_at, days)
        for s in ending
        if s.expires_at is not None and (days := threshold_crossed(s.expires_at, now))
    ]
    recorded = await repository.expiry_warnings_of(db, [w.user_id for w in candidates], now)
    return [w for w in candidates if (w.user_id, w.expires_at, w.days_before) not in recorded]


async def warn_expiring_subscriptions(
    session_factory: async_sessionmaker[AsyncSession], kit: PushKit
) -> WarningTally:
    now = kit.clock.now()
    async with unit_of_work(session_factory) as db:
        due = await _due_warnings(db, now)
        users = await auth_service.users_by_ids(db, [w.user_id for w in due])
        recipients = {r.user_id: r for r in await load_recipients(db, users, None, now)}
    tally = WarningTally(due=len(due))
    sending: list[tuple[DueWarning, Outgoing]] = []
    for warning in due:
        recipient = recipients.get(warning.user_id)
        if recipient is None or not _reachable(recipient, now):
            tally.held += 1
            continue
        message = warning_message(warning, recipient, kit.public_url, now)
        sending.append((warning, Outgoing(0, 1, message)))
    results = await publish_all(kit, [outgoing for _, outgoing in sending])
    rows = []
    for (warning, _), (_, result) in zip(sending, results, strict=True):
        if result.status not in RECORDED:
            tally.held += 1
            continue
        tally.sent += result.status == "sent"
        tally.failed += result.status == "failed"
        rows.append(
            {
                "user_id": warning.user_id,
                "expires_at": warning.expires_at,
                "days_before": warning.days_before,
                "status": result.status,
                "created_at": now,
            }
        )
    async with unit_of_work(session_factory) as db:
        await repository.record_expiry_warnings(db, rows)
    return tally


def _reachable(recipient: Recipient, now: datetime) -> bool:
    preferences = recipient.preferences
    return (
        recipient.is_active
        and recipient.is_verified
        and preferences.enabled
        and not in_quiet_hours(
            preferences.quiet_start, preferences.quiet_end, recipient.timezone, now
        )
    )
