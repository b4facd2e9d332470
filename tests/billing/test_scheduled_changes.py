"""The minute job `apply_scheduled_changes`: a paid downgrade takes over at the end of the
premium period, stale pending checkouts expire, and a second run changes nothing."""

from __future__ import annotations

from datetime import timedelta

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.access.tiers import Tier
from cryptolens.billing.service import tier_from_subscription
from cryptolens.billing.tasks import apply_scheduled_changes
from cryptolens.core.clock import FrozenClock
from cryptolens.jobs.registry import get_job
from cryptolens.jobs.schedule import CRON_SCHEDULE
from cryptolens.resources import app_resources
from tests.admin.user_factories import add_account
from tests.billing.ledger_helpers import add_pending, buy, days, payment_row, subscription_row

Factory = async_sessionmaker[AsyncSession]


async def _run(app: FastAPI) -> dict[str, int]:
    return (await apply_scheduled_changes(app_resources(app).jobs.ctx)).details


async def test_a_scheduled_downgrade_rolls_over_at_the_premium_end(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    start = clock.now()
    user = await add_account(app, start)
    await buy(session_factory, user.id, start, plan="premium")
    pro = await buy(session_factory, user.id, start + days(3), plan="pro", cycle="yearly")
    premium_end = start + days(30)

    clock.set(premium_end - timedelta(seconds=1))
    assert (await _run(app))["rolled_over"] == 0
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None and subscription.plan == "premium"

    clock.set(premium_end)
    assert await _run(app) == {"rolled_over": 1, "checkouts_expired": 0}
    subscription = await subscription_row(session_factory, user.id)
    assert subscription is not None
    assert (subscription.plan, subscription.cycle, subscription.status) == (
        "pro",
        "yearly",
        "active",
    )
    assert (subscription.started_at, subscription.expires_at) == (
        premium_end,
        premium_end + days(365),
    )
    assert subscription.funded_by_payment_id == pro.id
    assert subscription.scheduled_plan is None and subscription.scheduled_payment_id is None
    assert tier_from_subscription(subscription, premium_end) == Tier.PRO
    row = await payment_row(session_factory, pro.id)
    assert (row.period_start, row.expires_at) == (premium_end, premium_end + days(365))

    assert await _run(app) == {"rolled_over": 0, "checkouts_expired": 0}
    again = await subscription_row(session_factory, user.id)
    assert again is not None and again.expires_at == premium_end + days(365)


async def test_extending_the_premium_moves_the_scheduled_pro_along(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    start = clock.now()
    user = await add_account(app, start)
    await buy(session_factory, user.id, start, plan="premium")
    pro = await buy(session_factory, user.id, start + days(1), plan="pro")

    await buy(session_factory, user.id, start + days(2), plan="premium")  # until day 60

    row = await payment_row(session_factory, pro.id)
    assert (row.period_start, row.expires_at) == (start + days(60), start + days(90))
    clock.set(start + days(30))
    assert (await _run(app))["rolled_over"] == 0


async def test_stale_pending_checkouts_expire_a_day_after_their_end(
    app: FastAPI, session_factory: Factory, clock: FrozenClock
) -> None:
    now = clock.now()
    user = await add_account(app, now)
    no_end_old = await add_pending(session_factory, user.id, now - days(2))
    no_end_recent = await add_pending(session_factory, user.id, now - timedelta(hours=23))
    ended_long_ago = await add_pending(
        session_factory, user.id, now - days(3), checkout_expires_at=now - timedelta(hours=25)
    )
    ended_lately = await add_pending(
        session_factory, user.id, now - days(3), checkout_expires_at=now - timedelta(hours=2)
    )
    completed = await buy(session_factory, user.id, now - days(5))

    assert await _run(app) == {"rolled_over": 0, "checkouts_expired": 2}

    statuses = {
        payment.id: (await payment_row(session_factory, payment.id)).status
        for payment in (no_end_old, no_end_recent, ended_long_ago, ended_lately, completed)
    }
    assert statuses == {
        no_end_old.id: "expired",
        no_end_recent.id: "pending",
        ended_long_ago.id: "expired",
        ended_lately.id: "pending",
        completed.id: "completed",
    }
    assert (await _run(app))["checkouts_expired"] == 0


def test_the_job_runs_every_minute_on_the_high_queue() -> None:
    assert get_job("apply_scheduled_changes").queue == "high"
    [entry] = [e for e in CRON_SCHEDULE if e.job_name == "apply_scheduled_changes"]
    assert entry.minute is None and entry.hour is None
