"""Who gets an event: subscribed types and filters (symbol, direction, confluence), owners
active + verified + premium, active endpoints only, fresh events only; the payloads of
signal.updated and pattern.created."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.settings import Settings
from cryptolens.signals.models import Signal
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import UserSpec, add_users
from tests.webhooks.conftest import add_endpoint, add_signal, deliveries_of, fan_out, settle
from tests.webhooks.receiver import Receiver


async def test_filters_decide_which_endpoints_get_an_event(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    [user] = await add_users(session_factory, [UserSpec(tier="premium")], clock.now())
    now = clock.now()

    async def endpoint(**fields: object) -> int:
        row = await add_endpoint(
            session_factory, test_settings, user.id, receiver.url, now, **fields
        )
        return row.id

    everything = await endpoint()
    btc_only = await endpoint(symbols=["BTC/USDT"])
    eth_only = await endpoint(symbols=["ETH/USDT"])
    longs = await endpoint(direction="long")
    shorts = await endpoint(direction="short")
    confluence_3 = await endpoint(min_confluence=3)
    confluence_4 = await endpoint(min_confluence=4)
    patterns_only = await endpoint(events=["pattern.created"])
    updates_only = await endpoint(events=["signal.updated"])

    signal_id = await add_signal(session_factory, now, direction="long", confluence=3)
    await fan_out(jobs, "signal.created", signal_id, now)
    await settle(jobs)
    reached = {
        endpoint_id
        for endpoint_id in (
            everything, btc_only, eth_only, longs, shorts,
            confluence_3, confluence_4, patterns_only, updates_only,
        )
        if await deliveries_of(session_factory, endpoint_id)
    }  # fmt: skip
    assert reached == {everything, btc_only, longs, confluence_3}

    # An update follows its signal's filters; the body carries the previous status.
    await fan_out(
        jobs, "signal.updated", signal_id, now, previous_status="pending", status="triggered"
    )
    await settle(jobs)
    [update] = await deliveries_of(session_factory, updates_only)
    data = json.loads(update.body)["data"]
    assert data["previous_status"] == "pending" and data["signal"]["id"] == signal_id
    assert update.event_type == "signal.updated"
    assert not await deliveries_of(session_factory, shorts)

    # A bullish pattern is long; min_confluence does not apply to patterns.
    async with session_factory() as db:
        pattern_id = await db.scalar(select(Signal.anchor_pattern_id).where(Signal.id == signal_id))
    assert pattern_id is not None
    pattern_longs = await endpoint(events=["pattern.created"], direction="long", min_confluence=6)
    pattern_shorts = await endpoint(events=["pattern.created"], direction="short")
    await fan_out(jobs, "pattern.created", pattern_id, now)
    await settle(jobs)
    [pattern_delivery] = await deliveries_of(session_factory, pattern_longs)
    assert json.loads(pattern_delivery.body)["data"]["pattern"]["id"] == pattern_id
    assert not await deliveries_of(session_factory, pattern_shorts)
    assert len(await deliveries_of(session_factory, patterns_only)) == 1


async def test_only_active_endpoints_of_verified_active_premium_owners_get_events(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    now = clock.now()
    premium, free, pro, unverified, inactive = await add_users(
        session_factory,
        [
            UserSpec(tier="premium"),
            UserSpec(tier="free"),
            UserSpec(tier="pro"),
            UserSpec(tier="premium", is_verified=False),
            UserSpec(tier="premium", is_active=False),
        ],
        now,
    )
    ids = {}
    for name, user in {
        "premium": premium, "free": free, "pro": pro, "unverified": unverified,
        "inactive": inactive,
    }.items():  # fmt: skip
        row = await add_endpoint(session_factory, test_settings, user.id, receiver.url, now)
        ids[name] = row.id
    for status in ("disabled", "auto_disabled"):
        row = await add_endpoint(
            session_factory, test_settings, premium.id, receiver.url, now, status=status
        )
        ids[status] = row.id

    signal_id = await add_signal(session_factory, now)
    await fan_out(jobs, "signal.created", signal_id, now)
    await settle(jobs)
    reached = {
        name
        for name, endpoint_id in ids.items()
        if await deliveries_of(session_factory, endpoint_id)
    }
    assert reached == {"premium"}
    assert len(receiver.received) == 1


async def test_old_events_make_no_delivery(
    session_factory: async_sessionmaker[AsyncSession],
    test_settings: Settings,
    clock: FrozenClock,
    jobs: HeldQueue,
    receiver: Receiver,
) -> None:
    [user] = await add_users(session_factory, [UserSpec(tier="premium")], clock.now())
    endpoint = await add_endpoint(
        session_factory, test_settings, user.id, receiver.url, clock.now()
    )
    old = clock.now() - timedelta(minutes=test_settings.notifications.max_age_minutes, seconds=1)
    signal_id = await add_signal(session_factory, old)
    # A catch-up's event: the change happened over 10 minutes ago.
    await fan_out(jobs, "signal.created", signal_id, old)
    await settle(jobs)
    assert await deliveries_of(session_factory, endpoint.id) == []
    assert receiver.received == []
