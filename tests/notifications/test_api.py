"""/api/v1/notifications over HTTP: preferences within the tier, the test push and its
limit, history pages, the topic, and the mute link from a push (no session)."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.db import unit_of_work
from cryptolens.notifications.models import NotificationPreference
from tests.clients import MakeClient, MakeUserClient
from tests.fakes.ntfy import FakeNtfy
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import add_signal, deliveries

API = "/api/v1/notifications"


def error_code(response: httpx.Response) -> str:
    code: str = response.json()["meta"]["code"]
    return code


async def test_preferences_default_then_replaced_within_the_tier(
    make_user_client: MakeUserClient,
) -> None:
    pro = await make_user_client("pro")
    shown = await pro.http.get(f"{API}/preferences")
    assert shown.status_code == 200, shown.text
    data = shown.json()["data"]
    assert data["enabled"] is True and data["directions"] == "both"
    assert data["min_confluence"] == 2 and data["priority"] == 3
    assert data["tier_daily_cap"] == 20 and data["tier_delay_minutes"] == 0
    assert data["topic"].startswith("cl_") and len(data["topic"]) == 27

    # A pro user's symbols are those of their watchlist.
    picked = await pro.http.put("/api/v1/auth/me/watchlist", json={"symbols": ["ETH/USDT"]})
    assert picked.status_code == 200, picked.text
    outside = await pro.http.put(f"{API}/preferences", json={"symbols": ["SOL/USDT"]})
    assert outside.status_code == 403 and error_code(outside) == "tier_required"
    wanted = {
        "directions": "long",
        "min_confluence": 3,
        "symbols": ["eth/usdt"],
        "pattern_types": ["order_block"],
        "quiet_hours_start": 22,
        "quiet_hours_end": 7,
        "daily_limit": 10,
        "priority": 4,
    }
    saved = await pro.http.put(f"{API}/preferences", json=wanted)
    assert saved.status_code == 200, saved.text
    again = (await pro.http.get(f"{API}/preferences")).json()["data"]
    assert again["symbols"] == ["ETH/USDT"] and again["daily_limit"] == 10
    assert (again["quiet_hours_start"], again["quiet_hours_end"]) == (22, 7)

    too_many = await pro.http.put(f"{API}/preferences", json={"daily_limit": 21})
    assert too_many.status_code == 403 and too_many.json()["error"] == "Requires premium tier"

    free = await make_user_client("free")
    other_symbol = await free.http.put(f"{API}/preferences", json={"symbols": ["ETH/USDT"]})
    assert other_symbol.status_code == 403 and error_code(other_symbol) == "tier_required"
    other_type = await free.http.put(f"{API}/preferences", json={"pattern_types": ["order_block"]})
    assert other_type.status_code == 403 and other_type.json()["error"] == "Requires pro tier"
    half_quiet = await free.http.put(f"{API}/preferences", json={"quiet_hours_start": 3})
    assert half_quiet.status_code == 422


async def test_notifications_need_a_verified_session(
    make_user_client: MakeUserClient, make_client: MakeClient
) -> None:
    assert (await make_client().get(f"{API}/preferences")).status_code == 401
    unverified = await make_user_client("pro", verified=False)
    assert (await unverified.http.get(f"{API}/preferences")).status_code == 403
    user = await make_user_client("pro")
    del user.http.headers["X-CSRF-Token"]
    refused = await user.http.post(f"{API}/topic")
    assert refused.status_code == 403 and error_code(refused) == "csrf_failed"


async def test_test_push_reaches_the_topic_three_times_an_hour(
    make_user_client: MakeUserClient, ntfy: FakeNtfy
) -> None:
    user = await make_user_client("free")
    topic = (await user.http.get(f"{API}/preferences")).json()["data"]["topic"]
    for _ in range(3):
        sent = await user.http.post(f"{API}/test")
        assert sent.status_code == 200, sent.text
        assert sent.json()["data"] == {
            "status": "sent",
            "http_status": 200,
            "topic": topic,
            "reason": None,
            "reason_text": None,
        }
    limited = await user.http.post(f"{API}/test")
    assert limited.status_code == 429 and "Retry-After" in limited.headers
    assert len(ntfy.to_topic(topic)) == 3
    # The limit is per user: another user from the same address still may.
    other = await make_user_client("free")
    assert (await other.http.post(f"{API}/test")).status_code == 200


async def test_regenerating_the_topic_moves_the_pushes(
    make_user_client: MakeUserClient, ntfy: FakeNtfy
) -> None:
    user = await make_user_client("pro")
    old = (await user.http.get(f"{API}/preferences")).json()["data"]["topic"]
    renewed = await user.http.post(f"{API}/topic")
    assert renewed.status_code == 200
    new = renewed.json()["data"]["topic"]
    assert new != old and new.startswith("cl_")
    await user.http.post(f"{API}/test")
    assert ntfy.to_topic(new) and not ntfy.to_topic(old)


async def test_history_pages_newest_first(
    make_user_client: MakeUserClient,
    jobs: HeldQueue,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    user = await make_user_client("premium")
    signal_ids = []
    for _ in range(3):
        signal_ids.append(await add_signal(session_factory, clock.now()))
        await jobs.run("notify_signal", signal_id=signal_ids[-1])
    first = (await user.http.get(API, params={"limit": 2})).json()
    assert [item["signal_id"] for item in first["data"]] == signal_ids[:0:-1]
    assert first["meta"]["count"] == 2 and first["data"][0]["status"] == "sent"
    assert first["data"][0]["title"] == "LONG BTC/USDT · FVG 4h · 3 TF"
    cursor = first["meta"]["next_cursor"]
    second = (await user.http.get(API, params={"limit": 2, "cursor": cursor})).json()
    assert [item["signal_id"] for item in second["data"]] == signal_ids[:1]
    assert "next_cursor" not in second["meta"]
    # Another user sees none of it.
    other = await make_user_client("premium")
    assert (await other.http.get(API)).json()["data"] == []


async def test_the_mute_link_of_a_push_mutes_that_symbol_for_a_day(
    make_user_client: MakeUserClient,
    make_client: MakeClient,
    jobs: HeldQueue,
    ntfy: FakeNtfy,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
) -> None:
    user = await make_user_client("premium")
    first = await add_signal(session_factory, clock.now())
    await jobs.run("notify_signal", signal_id=first)
    [push] = ntfy.published
    action = push["actions"][1]
    assert action["method"] == "POST" and action["label"] == "Mute BTC/USDT 24 h"
    token = parse_qs(urlsplit(action["url"]).query)["token"][0]

    stranger = make_client()  # no session, no CSRF token: the link is the credential
    tampered = token[:-1] + ("0" if token[-1] != "0" else "1")
    assert (await stranger.post(f"{API}/mute", params={"token": tampered})).status_code == 400
    forged_payload = "MQ" + token[2:]  # another user id under the same signature
    assert (await stranger.post(f"{API}/mute", params={"token": forged_payload})).status_code == 400
    muted = await stranger.post(f"{API}/mute", params={"token": token})
    assert muted.status_code == 200, muted.text
    assert muted.json()["data"]["symbol"] == "BTC/USDT"

    second = await add_signal(session_factory, clock.now())
    eth = await add_signal(session_factory, clock.now(), symbol="ETH/USDT")
    await jobs.run("notify_signal", signal_id=second)
    await jobs.run("notify_signal", signal_id=eth)
    row = (await deliveries(session_factory, second))[user.user_id]
    assert (row.status, row.reason) == ("skipped", "symbol_muted")
    assert (await deliveries(session_factory, eth))[user.user_id].status == "sent"
    prefs = (await user.http.get(f"{API}/preferences")).json()["data"]
    assert list(prefs["muted_symbols"]) == ["BTC/USDT"]

    # A day later the symbol speaks again; the link itself expires after three days.
    clock.advance(timedelta(hours=24, seconds=1))
    third = await add_signal(session_factory, clock.now())
    await jobs.run("notify_signal", signal_id=third)
    assert (await deliveries(session_factory, third))[user.user_id].status == "sent"
    clock.advance(timedelta(days=2))
    expired = await stranger.post(f"{API}/mute", params={"token": token})
    assert expired.status_code == 400 and "expired" in expired.json()["error"]


async def test_preferences_rows_follow_the_put(
    make_user_client: MakeUserClient, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    user = await make_user_client("premium")
    await user.http.put(f"{API}/preferences", json={"enabled": False})
    async with unit_of_work(session_factory) as db:
        row = await db.get(NotificationPreference, user.user_id)
        assert row is not None and row.enabled is False and row.directions == "both"
