"""Who an open SSE stream serves, on a real API process (issue #13, failure 10): a logout, or
a logout-all from another session, ends the stream within seconds and no event published after
it arrives; and a free user's stream shows only what a free user's lists show (no order-block
or sweep patterns, no other symbol, nothing older than a day), where a premium user's shows
everything. The events are published on the Redis stream the API process follows, as a worker
does."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.core.events import RedisEventBus
from cryptolens.db import to_ms, unit_of_work, utcnow
from cryptolens.market.models import Symbol
from cryptolens.patterns.models import Pattern
from cryptolens.signals.models import Signal
from cryptolens.signals.stream import RECONNECT_MS
from cryptolens.signals.tasks import publish_changes
from tests.conftest import REDIS_URL
from tests.processes import ApiProcess, start_api
from tests.signals.sse import SseMessage, SseReader, create_account, sign_in, signed_in_user
from tests.signals.test_stream_processes import wait_until_following

HOUR = 3_600_000
# A logout reaches an open stream within this (the stream re-checks its session every few
# seconds and before each event).
SESSION_END_SECONDS = 5.0


@pytest.fixture
async def api(
    db_engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    redis_client: Redis,
    tmp_path: Path,
) -> AsyncIterator[ApiProcess]:
    """An API process on the test database, following the Redis event stream (env "test":
    no demo market to load first)."""
    assert REDIS_URL
    process = start_api(
        tmp_path,
        database_url=db_engine.url.render_as_string(hide_password=False),
        redis_url=REDIS_URL,
        env={"CRYPTOLENS_ENV": "test"},
    )
    try:
        await process.wait_live()
        yield process
    finally:
        process.stop()
        sys.stderr.write(f"--- API process log (tail) ---\n{process.log_tail()}\n")


@contextlib.asynccontextmanager
async def open_stream(http: httpx.AsyncClient) -> AsyncIterator[SseReader]:
    """A signed-in client's stream, read in the background."""
    async with http.stream("GET", "/api/v1/stream") as response:
        assert response.status_code == 200, await response.aread()
        reader = SseReader(response).start()
        try:
            assert (await reader.next(10)).retry == RECONNECT_MS
            yield reader
        finally:
            await reader.close()


async def test_logout_ends_the_open_stream(
    api: ApiProcess,
    session_factory: async_sessionmaker[AsyncSession],
    redis_client: Redis,
) -> None:
    bus = RedisEventBus(redis_client)
    viewer = await signed_in_user(session_factory, api.base_url, "premium")
    try:
        async with open_stream(viewer.http) as reader:
            await wait_until_following(redis_client)
            await bus.publish("signal.created", {"id": 1, "symbol": "BTC/USDT"})
            assert (await reader.next_event(10)).data == '{"id": 1, "symbol": "BTC/USDT"}'

            signed_out = await viewer.http.post("/api/v1/auth/logout")
            assert signed_out.status_code == 200, signed_out.text
            await bus.publish("signal.created", {"id": 2, "symbol": "BTC/USDT"})
            after_logout = await reader.events_until_end(SESSION_END_SECONDS)
    finally:
        await viewer.http.aclose()
    assert after_logout == []


async def test_logout_all_from_another_session_ends_the_open_stream(
    api: ApiProcess,
    session_factory: async_sessionmaker[AsyncSession],
    redis_client: Redis,
) -> None:
    bus = RedisEventBus(redis_client)
    _, email, password = await create_account(session_factory, "premium")
    laptop = await sign_in(api.base_url, email, password)
    phone = await sign_in(api.base_url, email, password)
    try:
        async with open_stream(laptop) as reader:
            await wait_until_following(redis_client)
            await bus.publish("signal.created", {"id": 1, "symbol": "BTC/USDT"})
            assert (await reader.next_event(10)).data == '{"id": 1, "symbol": "BTC/USDT"}'

            ended = await phone.post("/api/v1/auth/logout-all")
            assert ended.status_code == 200, ended.text
            # Not a single event after it (not even before the next periodic check).
            await bus.publish("signal.created", {"id": 2, "symbol": "BTC/USDT"})
            after_logout = await reader.events_until_end(SESSION_END_SECONDS)
    finally:
        await laptop.aclose()
        await phone.aclose()
    assert after_logout == []


# --- The tier filter ----------------------------------------------------------------------


async def store_market(factory: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    """BTC and ETH with a pattern of each kind a free user must or must not see, and a recent
    signal on each."""
    now = to_ms(datetime.now(UTC))
    ids: dict[str, int] = {}
    async with unit_of_work(factory) as session:
        for name in ("BTC/USDT", "ETH/USDT"):
            symbol = Symbol(
                symbol=name,
                exchange="binance",
                base=name[:3],
                quote="USDT",
                is_active=True,
                tick_size=0.01,
                price_precision=2,
                added_at=utcnow(),
            )
            session.add(symbol)
            await session.flush()
            ids[name] = symbol.id

        def pattern(name: str, kind: str, age_h: int) -> Pattern:
            formed = now - age_h * HOUR
            return Pattern(
                symbol_id=ids[name],
                timeframe="1h",
                type=kind,
                direction="bullish",
                zone_low=100.0,
                zone_high=101.0,
                formed_at=formed,
                confirmed_at=formed + HOUR,
                expires_at=formed + 72 * HOUR,
                strength=0.6,
                status="active",
                fill_pct=0.0,
            )

        patterns = {
            "btc_fvg": pattern("BTC/USDT", "fvg", 3),
            "btc_order_block": pattern("BTC/USDT", "order_block", 2),
            "btc_sweep": pattern("BTC/USDT", "liquidity_sweep", 2),
            "btc_fvg_old": pattern("BTC/USDT", "fvg", 30),  # older than a free user's day
            "eth_fvg": pattern("ETH/USDT", "fvg", 2),
        }
        session.add_all(patterns.values())
        await session.flush()
        ids.update({key: row.id for key, row in patterns.items()})
        for name, key in (("BTC/USDT", "btc_signal"), ("ETH/USDT", "eth_signal")):
            anchor = patterns["btc_fvg" if name == "BTC/USDT" else "eth_fvg"]
            signal = Signal(
                symbol_id=ids[name],
                direction="long",
                entry=101.0,
                stop_loss=99.5,
                take_profit_1=102.5,
                take_profit_2=104.0,
                take_profit_3=105.5,
                risk_reward=3.0,
                risk=1.5,
                atr=2.0,
                buffer=1.0,
                confluence=2,
                timeframes="1h",
                anchor_pattern_id=anchor.id,
                anchor_type="fvg",
                anchor_timeframe="1h",
                anchor_expires_at=anchor.expires_at,
                strength=0.6,
                status="pending",
                created_at=now - HOUR,
                setup_stats=[],
            )
            session.add(signal)
            await session.flush()
            ids[key] = signal.id
    return ids


def received(messages: list[SseMessage]) -> list[tuple[str | None, int]]:
    return [(message.event, json.loads(message.data)["id"]) for message in messages]


async def listed_ids(http: httpx.AsyncClient, path: str) -> set[int]:
    answer = await http.get(path, params={"limit": 100})
    assert answer.status_code == 200, answer.text
    return {item["id"] for item in answer.json()["data"]}


async def test_a_free_users_stream_shows_only_what_their_lists_show(
    api: ApiProcess,
    session_factory: async_sessionmaker[AsyncSession],
    redis_client: Redis,
) -> None:
    ids = await store_market(session_factory)
    symbol_of = {key: "ETH/USDT" if key.startswith("eth") else "BTC/USDT" for key in ids}
    published = [
        *(
            ("pattern.created", key)
            for key in ("btc_fvg", "btc_order_block", "btc_sweep", "btc_fvg_old", "eth_fvg")
        ),
        ("signal.created", "btc_signal"),
        ("signal.created", "eth_signal"),
        ("pattern.updated", "btc_order_block"),
        ("pattern.updated", "btc_fvg"),  # the last one: every stream has seen all before it
    ]
    free = await signed_in_user(session_factory, api.base_url, "free")
    premium = await signed_in_user(session_factory, api.base_url, "premium")
    bus = RedisEventBus(redis_client)
    try:
        async with open_stream(free.http) as free_reader, open_stream(premium.http) as all_reader:
            await wait_until_following(redis_client, clients=2)
            for event_type, key in published:
                await bus.publish(event_type, {"id": ids[key], "symbol": symbol_of[key]})
            free_seen = [await free_reader.next_event(10) for _ in range(3)]
            premium_seen = [await all_reader.next_event(10) for _ in published]
        free_patterns = await listed_ids(free.http, "/api/v1/patterns")
        free_signals = await listed_ids(free.http, "/api/v1/signals")
    finally:
        await free.http.aclose()
        await premium.http.aclose()

    assert received(free_seen) == [
        ("pattern.created", ids["btc_fvg"]),
        ("signal.created", ids["btc_signal"]),
        ("pattern.updated", ids["btc_fvg"]),
    ]
    assert received(premium_seen) == [(kind, ids[key]) for kind, key in published]
    # Exactly the lists' view: what the stream showed is listed, what it hid is not.
    assert free_patterns == {ids["btc_fvg"]}
    assert free_signals == {ids["btc_signal"]}


async def test_events_carry_the_object_the_reads_show_filtered_alike(
    api: ApiProcess,
    session_factory: async_sessionmaker[AsyncSession],
    redis_client: Redis,
) -> None:
    """Published by the real publisher (signals/tasks.py): each event is the full object,
    equal to GET /patterns/{id} or GET /signals/{id}, and a free user's stream still shows
    only what their lists show, decided from that object."""
    ids = await store_market(session_factory)
    published = [
        *(
            ("pattern.created", key)
            for key in ("btc_fvg", "btc_order_block", "btc_sweep", "btc_fvg_old", "eth_fvg")
        ),
        ("signal.created", "btc_signal"),
        ("signal.created", "eth_signal"),
        ("signal.updated", "btc_signal"),
    ]
    free = await signed_in_user(session_factory, api.base_url, "free")
    premium = await signed_in_user(session_factory, api.base_url, "premium")
    bus = RedisEventBus(redis_client)
    try:
        async with open_stream(free.http) as free_reader, open_stream(premium.http) as all_reader:
            await wait_until_following(redis_client, clients=2)
            changes = [(event_type, ids[key]) for event_type, key in published]
            await publish_changes(bus, session_factory, "BTC/USDT", changes)
            free_seen = [await free_reader.next_event(10) for _ in range(3)]
            premium_seen = [await all_reader.next_event(10) for _ in published]
        for reader_seen, http in ((free_seen, free.http), (premium_seen, premium.http)):
            for message in reader_seen:
                kind = "patterns" if str(message.event).startswith("pattern.") else "signals"
                sent = json.loads(message.data)
                read = await http.get(f"/api/v1/{kind}/{sent['id']}")
                assert read.status_code == 200, read.text
                assert sent == read.json()["data"]
    finally:
        await free.http.aclose()
        await premium.http.aclose()

    assert received(free_seen) == [
        ("pattern.created", ids["btc_fvg"]),
        ("signal.created", ids["btc_signal"]),
        ("signal.updated", ids["btc_signal"]),
    ]
    assert received(premium_seen) == [(kind, ids[key]) for kind, key in published]
