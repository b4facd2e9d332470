"""Broadcast delivery (admin.md, Broadcasts; notifications.md, Delivery): through the fan-out
to the fake NTFY, one row per user and broadcast, each eligible user reached once; the retry
schedule; outside the daily limit; held until quiet hours end; completed with its totals; a
scheduled one goes out in its minute, a cancelled one never."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from fastapi import FastAPI
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.auth.models import User
from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.notifications.broadcasting import service
from cryptolens.notifications.eligibility import zone_of
from cryptolens.notifications.models import UserNotification
from cryptolens.resources import app_resources
from tests.admin.broadcast_fixtures import (  # noqa: F401  (fixtures)
    BROADCASTS,
    broadcast_rows,
    jobs,
    ntfy,
    run_started,
    test_settings,
)
from tests.clients import MakeUserClient
from tests.fakes.ntfy import FakeNtfy
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import (
    PUBLIC_URL,
    UserSpec,
    add_signal,
    add_users,
    deliveries,
)


async def _new_broadcast(
    factory: async_sessionmaker[AsyncSession], clock: FrozenClock, **fields: Any
) -> int:
    values: dict[str, Any] = {
        "created_by": None,
        "template_id": None,
        "title": "News",
        "message": "Hello {name}",
        "priority": None,
        "tags": None,
        "tiers": None,
        "scheduled_for": None,
        **fields,
    }
    async with unit_of_work(factory) as db:
        broadcast = await service.create_broadcast(db, **values, now=clock.now())
        return broadcast.id


async def _view(factory: async_sessionmaker[AsyncSession], broadcast_id: int) -> Any:
    async with factory() as db:
        return await service.get_broadcast(db, broadcast_id)


async def test_a_broadcast_reaches_each_eligible_user_exactly_once(
    app: FastAPI,
    make_user_client: MakeUserClient,
    ntfy: FakeNtfy,  # noqa: F811
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    kinds: list[tuple[UserSpec, bool]] = [
        (UserSpec(tier="free"), True),
        (UserSpec(tier="pro"), True),
        (UserSpec(tier="premium", timezone="Europe/Berlin"), True),
        (UserSpec(tier="free", is_verified=False), False),
        (UserSpec(tier="pro", preferences={"enabled": False}), False),
        (UserSpec(tier="premium", is_active=False), False),
        # A daily limit used up does not hold a broadcast back.
        (UserSpec(tier="free", preferences={"daily_limit": 1}), True),
        (UserSpec(tier="pro", preferences={"directions": "short", "min_confluence": 6}), True),
    ]
    chosen = [kinds[index % len(kinds)] for index in range(1000)]
    users = await add_users(session_factory, [spec for spec, _ in chosen], clock.now())
    async with unit_of_work(session_factory) as db:
        await db.execute(update(User).where(User.id == users[1].id).values(display_name="Ada"))
    eligible = {user.id for user, (_, reached) in zip(users, chosen, strict=True) if reached}
    eligible.add(admin.user_id)
    topics = {user.id: user.ntfy_topic for user in users}

    response = await admin.http.post(
        BROADCASTS,
        json={
            "title": "Hi {name}",
            "message": "Your {tier} plan at {app_url} {{thanks}}",
            "priority": 4,
            "tags": ["tada"],
        },
    )
    assert response.status_code == 202, response.text
    broadcast_id = response.json()["data"]["id"]
    runner = app_resources(app).jobs.runner
    assert runner is not None
    outcome = await runner.wait_for(f"send_broadcast:{broadcast_id}")
    assert outcome is not None and outcome.status == "ok", outcome

    reached = Counter(message["topic"] for message in ntfy.published)
    assert len(reached) == len(eligible) == 626
    assert set(reached.values()) == {1}
    eligible_topics = {topics[user_id] for user_id in eligible if user_id in topics}
    assert eligible_topics <= set(reached)
    left_out = {topics[user.id] for user, (_, ok) in zip(users, chosen, strict=True) if not ok}
    assert not left_out & set(reached)
    rows = await broadcast_rows(session_factory, broadcast_id)
    assert set(rows) == eligible
    assert {(row.status, row.attempts, row.signal_id) for row in rows.values()} == {
        ("sent", 1, None)
    }

    by_topic = {message["topic"]: message for message in ntfy.published}
    ada = by_topic[users[1].ntfy_topic]
    assert ada["title"] == "Hi Ada"
    assert ada["message"] == f"Your pro plan at {PUBLIC_URL} {{thanks}}"
    assert (ada["priority"], ada["tags"], ada["click"]) == (4, ["tada"], PUBLIC_URL)
    assert by_topic[users[0].ntfy_topic]["title"] == "Hi trader"
    assert by_topic[users[0].ntfy_topic]["message"].startswith("Your free plan")

    done = (await admin.http.get(f"{BROADCASTS}/{broadcast_id}")).json()["data"]
    assert done["status"] == "completed" and done["completed_at"] is not None
    assert (done["recipients"], done["sent"], done["failed"], done["skipped"]) == (626, 626, 0, 0)
    assert done["queued"] == 0 and done["failure_reasons"] == []

    # In the recipient's own history: a broadcast's delivery, not a signal's.
    [delivery] = (await admin.http.get("/api/v1/notifications")).json()["data"]
    assert (delivery["broadcast_id"], delivery["signal_id"]) == (broadcast_id, None)
    assert (delivery["title"], delivery["symbol"], delivery["status"]) == ("Hi trader", "", "sent")

    # Run again (a duplicate job): nobody hears it twice.
    await runner.wait_for(
        await app_resources(app).job_queue.enqueue("send_broadcast", broadcast_id=broadcast_id)
        or ""
    )
    assert len(ntfy.published) == 626


async def test_retries_follow_the_schedule_and_the_totals_count_failures(
    jobs: HeldQueue,  # noqa: F811
    ntfy: FakeNtfy,  # noqa: F811
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    refused, busy, down, fine = await add_users(session_factory, [UserSpec()] * 4, clock.now())
    ntfy.fail_topic(refused.ntfy_topic, 400)
    ntfy.fail_topic(busy.ntfy_topic, 503)
    ntfy.fail_topic(down.ntfy_topic, 503)
    broadcast_id = await _new_broadcast(session_factory, clock)

    await jobs.run("send_broadcast", broadcast_id=broadcast_id)
    assert [m["topic"] for m in ntfy.published] == [fine.ntfy_topic]
    assert jobs.delays() == [5.0, 5.0]  # busy and down: first retry after 5 s
    view = await _view(session_factory, broadcast_id)
    assert view.broadcast.status == "sending"
    assert (view.recipients, view.sent, view.failed, view.queued) == (4, 1, 1, 2)

    ntfy.fail_topic(busy.ntfy_topic, 200)  # the server is back for this one
    await jobs.advance(timedelta(seconds=5))
    assert ntfy.to_topic(busy.ntfy_topic) and jobs.delays() == [15.0]
    await jobs.drain()  # down: 15 s, 45 s, 2 min, 5 min, then failed
    rows = await broadcast_rows(session_factory, broadcast_id)
    assert (rows[down.id].status, rows[down.id].reason, rows[down.id].attempts) == (
        "failed",
        "retries_exhausted",
        6,
    )
    assert (rows[refused.id].status, rows[refused.id].reason) == ("failed", "http_400")
    view = await _view(session_factory, broadcast_id)
    assert view.broadcast.status == "completed"
    assert (view.recipients, view.sent, view.failed, view.skipped) == (4, 2, 2, 0)
    assert view.broadcast.failure_reasons == [
        {"user_id": refused.id, "reason": "http_400"},
        {"user_id": down.id, "reason": "retries_exhausted"},
    ]


async def test_quiet_hours_hold_the_push_and_the_daily_limit_does_not_count_it(
    jobs: HeldQueue,  # noqa: F811
    ntfy: FakeNtfy,  # noqa: F811
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    tokyo_hour = clock.now().astimezone(zone_of("Asia/Tokyo")).hour
    quiet = {"quiet_start": tokyo_hour, "quiet_end": (tokyo_hour + 1) % 24}
    sleeper, limited = await add_users(
        session_factory,
        [
            UserSpec(timezone="Asia/Tokyo", preferences=quiet),
            UserSpec(preferences={"daily_limit": 1}),
        ],
        clock.now(),
    )
    broadcast_id = await _new_broadcast(session_factory, clock)
    await jobs.run("send_broadcast", broadcast_id=broadcast_id)

    assert [m["topic"] for m in ntfy.published] == [limited.ntfy_topic]
    local = clock.now().astimezone(zone_of("Asia/Tokyo"))
    quiet_ends = local.replace(minute=0, second=0) + timedelta(hours=1)
    wait = (quiet_ends - local).total_seconds()
    assert jobs.delays() == [wait]
    rows = await broadcast_rows(session_factory, broadcast_id)
    assert (rows[sleeper.id].status, rows[sleeper.id].attempts) == ("queued", 0)
    assert rows[sleeper.id].send_after == quiet_ends
    assert (await _view(session_factory, broadcast_id)).broadcast.status == "sending"

    # The broadcast took no place in the day: the limited user still gets a signal.
    signal_id = await add_signal(session_factory, clock.now())
    await jobs.run("notify_signal", signal_id=signal_id)
    assert (await deliveries(session_factory, signal_id))[limited.id].status == "sent"

    await jobs.advance(timedelta(seconds=wait))
    assert len(ntfy.to_topic(sleeper.ntfy_topic)) == 1
    view = await _view(session_factory, broadcast_id)
    assert view.broadcast.status == "completed"
    assert (view.recipients, view.sent) == (2, 2)


async def test_a_scheduled_broadcast_goes_out_in_its_minute_and_a_cancelled_one_never(
    jobs: HeldQueue,  # noqa: F811
    ntfy: FakeNtfy,  # noqa: F811
    make_user_client: MakeUserClient,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    admin = await make_user_client(admin=True)
    [user] = await add_users(session_factory, [UserSpec(tier="pro")], clock.now())
    minute = clock.now().replace(second=0, microsecond=0)
    due = minute + timedelta(minutes=5, seconds=40)
    kept, dropped = [
        (
            await admin.http.post(
                BROADCASTS, json={"title": title, "message": "m", "scheduled_for": due.isoformat()}
            )
        ).json()["data"]["id"]
        for title in ("kept", "dropped")
    ]

    async def minute_job_at(moment: datetime) -> None:
        clock.set(moment)
        await jobs.run("scheduled_broadcasts")
        await run_started(jobs)

    # The slot of the minute before: not yet.
    await minute_job_at(minute + timedelta(minutes=4, microseconds=500_000))
    assert ntfy.published == []
    assert (await _view(session_factory, kept)).broadcast.status == "scheduled"
    cancelled = await admin.http.post(f"{BROADCASTS}/{dropped}/cancel")
    assert cancelled.status_code == 200

    # Its minute's slot (20 s before scheduled_for, within its minute): sent, once.
    await minute_job_at(minute + timedelta(minutes=5, microseconds=500_000))
    assert [(m["topic"], m["title"]) for m in ntfy.to_topic(user.ntfy_topic)] == [
        (user.ntfy_topic, "kept")
    ]
    assert {m["title"] for m in ntfy.published} == {"kept"}
    assert (await _view(session_factory, kept)).broadcast.status == "completed"

    for later in range(6, 9):
        await minute_job_at(minute + timedelta(minutes=later, microseconds=500_000))
    assert {m["title"] for m in ntfy.published} == {"kept"}
    assert len(ntfy.to_topic(user.ntfy_topic)) == 1
    view = await _view(session_factory, dropped)
    assert view.broadcast.status == "cancelled"
    assert await broadcast_rows(session_factory, dropped) == {}
    too_late = await admin.http.post(f"{BROADCASTS}/{kept}/cancel")
    assert too_late.status_code == 409


async def test_the_message_is_cut_past_4096_bytes(
    jobs: HeldQueue,  # noqa: F811
    ntfy: FakeNtfy,  # noqa: F811
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    [user] = await add_users(session_factory, [UserSpec()], clock.now())
    long_text = "{app_url} " + "é" * 3990  # 4,000 characters, over 8,000 bytes once rendered
    broadcast_id = await _new_broadcast(session_factory, clock, message=long_text)
    await jobs.run("send_broadcast", broadcast_id=broadcast_id)
    [message] = ntfy.to_topic(user.ntfy_topic)
    body: str = message["message"]
    assert body.startswith(f"{PUBLIC_URL} é") and body.endswith("é…")
    assert 4096 - 4 <= len(body.encode()) <= 4096


async def test_a_lost_held_push_is_resumed_by_the_sweep(
    jobs: HeldQueue,  # noqa: F811
    ntfy: FakeNtfy,  # noqa: F811
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    """A push held for hours whose deferred job was lost (an embedded restart) is sent by the
    minute's sweep once due, not given up for its age."""
    tokyo_hour = clock.now().astimezone(zone_of("Asia/Tokyo")).hour
    quiet = {"quiet_start": (tokyo_hour + 23) % 24, "quiet_end": (tokyo_hour + 8) % 24}
    [sleeper] = await add_users(
        session_factory, [UserSpec(timezone="Asia/Tokyo", preferences=quiet)], clock.now()
    )
    broadcast_id = await _new_broadcast(session_factory, clock)
    await jobs.run("send_broadcast", broadcast_id=broadcast_id)
    [wait] = jobs.delays()
    assert wait > 7 * 3600
    jobs.held.clear()  # lost
    clock.advance(timedelta(seconds=wait) + timedelta(minutes=2))
    await jobs.run("resume_deliveries")
    await run_started(jobs)
    assert len(ntfy.to_topic(sleeper.ntfy_topic)) == 1
    await jobs.run("scheduled_broadcasts")
    assert (await _view(session_factory, broadcast_id)).broadcast.status == "completed"


async def test_deliveries_a_dead_sender_left_are_taken_over_once(
    jobs: HeldQueue,  # noqa: F811
    ntfy: FakeNtfy,  # noqa: F811
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    """A fan-out killed after claiming its rows: the sweep queues the broadcast's fan-out
    again, which takes the rows over for their next attempt (and adds no row)."""
    first, second = await add_users(session_factory, [UserSpec(), UserSpec()], clock.now())
    ntfy.fail_topic(first.ntfy_topic, 503)
    ntfy.fail_topic(second.ntfy_topic, 503)
    broadcast_id = await _new_broadcast(session_factory, clock)
    await jobs.run("send_broadcast", broadcast_id=broadcast_id)
    jobs.held.clear()
    # As a sender that died holding both (its lease ran out a second ago).
    async with unit_of_work(session_factory) as db:
        await db.execute(
            update(UserNotification)
            .where(UserNotification.broadcast_id == broadcast_id)
            .values(claim="dead", lease_until=clock.now() - timedelta(seconds=1))
        )
    ntfy.fail_topic(first.ntfy_topic, 200)
    ntfy.fail_topic(second.ntfy_topic, 200)

    await jobs.run("resume_deliveries")
    await run_started(jobs)
    assert len(ntfy.to_topic(first.ntfy_topic)) == len(ntfy.to_topic(second.ntfy_topic)) == 1
    rows = await broadcast_rows(session_factory, broadcast_id)
    assert {(row.status, row.attempts) for row in rows.values()} == {("sent", 2)}
    view = await _view(session_factory, broadcast_id)
    assert view.broadcast.status == "completed"
    assert (view.recipients, view.sent) == (2, 2)
