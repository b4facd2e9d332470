"""Who may receive: an endpoint subscribes to an event and its filters pass; its owner is
active, verified and premium (admins count as premium) at that moment."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.auth import service as auth_service
from cryptolens.billing import service as billing
from cryptolens.webhooks.events import Subject
from cryptolens.webhooks.models import WebhookEndpoint


def subscribes(endpoint: WebhookEndpoint, event_type: str, subject: Subject) -> bool:
    if event_type not in endpoint.events:
        return False
    if endpoint.symbols and subject.symbol not in endpoint.symbols:
        return False
    if endpoint.direction not in ("both", subject.direction):
        return False
    # Judged on the setup statistics frozen with the signal, so an update follows its created.
    if endpoint.only_proven_setups and subject.setup_proven is False:
        return False
    # Updates are filtered on their signal, like its created event.
    return subject.confluence is None or subject.confluence >= endpoint.min_confluence


async def eligible_owners(db: AsyncSession, user_ids: Iterable[int], now: datetime) -> set[int]:
    """The users among `user_ids` who may receive webhooks now."""
    ids = sorted(set(user_ids))
    if not ids:
        return set()
    users = [
        user
        for user in await auth_service.users_by_ids(db, ids)
        if user.is_active and user.is_verified
    ]
    tiers = await billing.effective_tiers(db, [(user.id, user.is_admin) for user in users], now)
    return {user_id for user_id, tier in tiers.items() if tier == Tier.PREMIUM}


async def owner_eligible(db: AsyncSession, user_id: int, now: datetime) -> bool:
    return user_id in await eligible_owners(db, [user_id], now)
