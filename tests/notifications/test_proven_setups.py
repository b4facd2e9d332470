"""Only proven setups (docs/rules/signals.md): a user who asks for it is pushed a signal only
when the 90-day statistics frozen with it show >= 30 resolved signals averaging above
0 R; the rest are skipped with `setup_unproven`. Broadcasts ignore the preference; the
preferences page counts the setups passing the rule on the live statistics."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import to_ms, unit_of_work
from cryptolens.notifications.broadcasting import service as broadcasting
from cryptolens.notifications.models import UserNotification
from cryptolens.signals.models import Signal
from cryptolens.signals.proven import judge_setup, setup_proof
from tests.clients import MakeUserClient
from tests.fakes.ntfy import FakeNtfy
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import UserSpec, add_signal, add_users, deliveries

API = "/api/v1/notifications"
PICKY = {"only_proven_setups": True}


def frozen_stats(resolved: int, avg_r: float | None) -> list[dict[str, Any]]:
    """A signal's setup statistics as the cycle freezes them: 30 and 90 days."""

    def window(days: int, resolved: int) -> dict[str, Any]:
        return {
            "window_days": days,
            "count": resolved + 4,
            "triggered": resolved + 2,
            "wins": resolved // 2,
            "decided": resolved,
            "win_rate": 0.5 if resolved else None,
            "resolved": resolved,
            "avg_r": avg_r,
        }

    return [window(30, resolved // 3), window(90, resolved)]


def test_the_rule_needs_30_resolved_and_a_positive_average() -> None:
    assert setup_proof(frozen_stats(40, 0.2)).proven
    assert judge_setup(30, 0.01).proven
    thin = setup_proof(frozen_stats(20, 0.2))
    assert not thin.proven and thin.detail == "20 resolved signals in 90 days, needs 30"
    losing = setup_proof(frozen_stats(40, -0.1))
    assert not losing.proven and losing.detail == "average -0.10 R, needs above 0"
    assert not judge_setup(29, 3.0).proven
    assert judge_setup(30, 0.0).detail == "average +0.00 R, needs above 0"
    # The 30-day window never decides; no 90-day record is no statistics.
    assert not setup_proof([{"window_days": 30, "resolved": 50, "avg_r": 1.0}]).proven
    assert not setup_proof([]).proven and not setup_proof(None).proven
    assert not setup_proof([{"window_days": 90}]).proven


async def test_only_proven_setups_are_pushed_to_who_asked(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    now = clock.now()
    picky, everyone = await add_users(
        session_factory, [UserSpec(preferences=PICKY), UserSpec()], now
    )
    proven = await add_signal(session_factory, now, setup_stats=frozen_stats(40, 0.2))
    thin = await add_signal(session_factory, now, setup_stats=frozen_stats(20, 0.2))
    losing = await add_signal(session_factory, now, setup_stats=frozen_stats(40, -0.1))
    unknown = await add_signal(session_factory, now)  # no 90-day record at all
    for signal_id in (proven, thin, losing, unknown):
        await jobs.run("notify_signal", signal_id=signal_id)

    def outcome(row: UserNotification) -> tuple[str, str | None]:
        return row.status, row.reason

    assert outcome((await deliveries(session_factory, proven))[picky.id]) == ("sent", None)
    for signal_id in (thin, losing, unknown):
        rows = await deliveries(session_factory, signal_id)
        assert outcome(rows[picky.id]) == ("skipped", "setup_unproven"), signal_id
        # With the preference off every signal goes out.
        assert outcome(rows[everyone.id]) == ("sent", None), signal_id
    assert len(ntfy.to_topic(picky.ntfy_topic)) == 1
    assert len(ntfy.to_topic(everyone.ntfy_topic)) == 4


async def test_broadcasts_ignore_the_preference(
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    [picky] = await add_users(session_factory, [UserSpec(preferences=PICKY)], clock.now())
    async with unit_of_work(session_factory) as db:
        broadcast = await broadcasting.create_broadcast(
            db,
            created_by=None,
            template_id=None,
            title="News",
            message="Hello",
            priority=None,
            tags=None,
            tiers=None,
            scheduled_for=None,
            now=clock.now(),
        )
    await jobs.run("send_broadcast", broadcast_id=broadcast.id)
    [push] = ntfy.to_topic(picky.ntfy_topic)
    assert push["title"] == "News"


async def test_the_preference_round_trips_and_the_history_says_why(
    make_user_client: MakeUserClient,
    jobs: HeldQueue,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    # Every tier may choose it.
    free = await make_user_client("free")
    shown = (await free.http.get(f"{API}/preferences")).json()["data"]
    assert shown["only_proven_setups"] is False and shown["proven_setups_now"] == 0
    saved = await free.http.put(f"{API}/preferences", json=PICKY)
    assert saved.status_code == 200, saved.text
    assert saved.json()["data"]["only_proven_setups"] is True
    again = (await free.http.get(f"{API}/preferences")).json()["data"]
    assert again["only_proven_setups"] is True
    for wrong in ("yes", 1, None, "true"):
        refused = await free.http.put(f"{API}/preferences", json={"only_proven_setups": wrong})
        assert refused.status_code == 422, (wrong, refused.text)
    # Leaving it out of a PUT switches it back off (PUT replaces the whole set).
    await free.http.put(f"{API}/preferences", json={})
    assert (await free.http.get(f"{API}/preferences")).json()["data"]["only_proven_setups"] is False

    premium = await make_user_client("premium")
    assert (await premium.http.put(f"{API}/preferences", json=PICKY)).status_code == 200
    thin = await add_signal(session_factory, clock.now(), setup_stats=frozen_stats(20, 0.2))
    await jobs.run("notify_signal", signal_id=thin)
    [delivery] = (await premium.http.get(API)).json()["data"]
    assert (delivery["signal_id"], delivery["status"]) == (thin, "skipped")
    assert delivery["reason"] == "setup_unproven"
    assert "proven setups only" in delivery["reason_text"]
    assert "30 resolved signals in 90 days" in delivery["reason_text"]


async def _resolve(
    factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    count: int,
    outcome_r: float,
    anchor_type: str,
    anchor_timeframe: str,
    days_ago: int = 20,
) -> None:
    """`count` signals of one setup, created `days_ago` and stopped 10 days later."""
    created = clock.now() - timedelta(days=days_ago)
    ended = to_ms(created + timedelta(days=10))
    ids = [
        await add_signal(
            factory, created, anchor_type=anchor_type, anchor_timeframe=anchor_timeframe
        )
        for _ in range(count)
    ]
    async with unit_of_work(factory) as db:
        await db.execute(
            update(Signal)
            .where(Signal.id.in_(ids))
            .values(status="stopped", triggered_at=ended, stopped_at=ended, outcome_r=outcome_r)
        )


async def test_the_page_counts_the_setups_proven_now(
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    await _resolve(session_factory, clock, 30, 0.5, "fvg", "4h")  # proven
    await _resolve(session_factory, clock, 30, -0.2, "order_block", "4h")  # losing
    await _resolve(session_factory, clock, 29, 1.0, "fvg", "1h")  # too few
    await _resolve(session_factory, clock, 30, 1.0, "fvg", "1d", days_ago=100)  # too old
    premium = await make_user_client("premium")
    shown = (await premium.http.get(f"{API}/preferences")).json()["data"]
    assert shown["proven_setups_now"] == 1
