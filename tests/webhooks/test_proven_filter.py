"""The `only_proven_setups` endpoint filter: with it on, signal events reach the endpoint only
for setups whose frozen 90-day statistics have >= 30 resolved signals averaging above 0 R
(updates follow their signal); off, every signal. Patterns are not judged. The owner's push
preference does not apply to webhooks."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.settings import Settings
from cryptolens.signals.models import Signal
from cryptolens.webhooks.models import WebhookDelivery
from tests.clients import MakeUserClient
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import UserSpec, add_users
from tests.notifications.test_proven_setups import frozen_stats
from tests.webhooks.conftest import add_endpoint, add_signal, deliveries_of, fan_out, settle
from tests.webhooks.receiver import Receiver

API = "/api/v1/webhooks"


async def _signal_with(
    factory: async_sessionmaker[AsyncSession], clock: FrozenClock, resolved: int, avg_r: float
) -> int:
    signal_id = await add_signal(factory, clock.now())
    async with unit_of_work(factory) as db:
        await db.execute(
            update(Signal)
            .where(Signal.id == signal_id)
            .values(setup_stats=frozen_stats(resolved, avg_r))
        )
    return signal_id


async def test_the_filter_passes_proven_setups_only(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    # The owner's own push preference is on too: it has no say over webhooks.
    [user] = await add_users(
        session_factory,
        [UserSpec(tier="premium", preferences={"only_proven_setups": True})],
        clock.now(),
    )
    now = clock.now()
    events = ["signal.created", "signal.updated", "pattern.created"]
    picky = await add_endpoint(
        session_factory, test_settings, user.id, receiver.url, now,
        events=events, only_proven_setups=True,
    )  # fmt: skip
    everything = await add_endpoint(
        session_factory, test_settings, user.id, receiver.url, now, events=events
    )

    proven = await _signal_with(session_factory, clock, 40, 0.2)
    thin = await _signal_with(session_factory, clock, 20, 0.2)
    losing = await _signal_with(session_factory, clock, 40, -0.1)
    for signal_id in (proven, thin, losing):
        await fan_out(jobs, "signal.created", signal_id, now)
    # An update follows its signal: the proven one passes, the losing one does not.
    for signal_id in (proven, losing):
        await fan_out(
            jobs, "signal.updated", signal_id, now, previous_status="pending", status="triggered"
        )
    async with session_factory() as db:
        pattern_id = await db.scalar(select(Signal.anchor_pattern_id).where(Signal.id == losing))
    assert pattern_id is not None
    await fan_out(jobs, "pattern.created", pattern_id, now)
    await settle(jobs)

    def keys(rows: list[WebhookDelivery]) -> set[str]:
        return {row.event_key for row in rows}

    assert keys(await deliveries_of(session_factory, picky.id)) == {
        f"signal.created:{proven}",
        f"signal.updated:{proven}:triggered",
        f"pattern.created:{pattern_id}",
    }
    assert len(await deliveries_of(session_factory, everything.id)) == 6


async def test_the_filter_round_trips_through_the_api(
    make_user_client: MakeUserClient, receiver: Receiver
) -> None:
    owner = await make_user_client("premium")
    created = await owner.http.post(
        API, json={"url": receiver.url, "filters": {"only_proven_setups": True}}
    )
    assert created.status_code == 201, created.text
    data = created.json()["data"]
    assert data["filters"]["only_proven_setups"] is True
    endpoint_id = data["id"]
    # PATCH replaces the filters as a whole: left out, it is back to off.
    changed = await owner.http.patch(
        f"{API}/{endpoint_id}", json={"filters": {"direction": "long"}}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["data"]["filters"]["only_proven_setups"] is False
    refused = await owner.http.patch(
        f"{API}/{endpoint_id}", json={"filters": {"only_proven_setups": 1}}
    )
    assert refused.status_code == 422
    plain = await owner.http.post(API, json={"url": receiver.url})
    assert plain.json()["data"]["filters"]["only_proven_setups"] is False
