"""The live stream across processes, on MariaDB and Redis (issue #7): a real `cryptolens serve`
process streams to a signed-in SSE client the `signal.created` of a signal that another process
(this one, playing the worker) stored and published, within a second of the commit; after a
reconnect with Last-Event-ID the client first gets exactly the events it missed."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.core.events import STREAM_KEY, RedisEventBus
from cryptolens.db import unit_of_work
from cryptolens.market.candles import CandleSeries
from cryptolens.signals.live_cycles import run_pending_cycles
from cryptolens.signals.settings import CycleSettings
from cryptolens.signals.stream import KEEP_ALIVE_SECONDS, RECONNECT_MS
from cryptolens.signals.tasks import publish_cycle_events
from cryptolens.signals.workflows import plan_replay, replay_cycles
from tests.conftest import MYSQL_URL, REDIS_URL
from tests.processes import API_STARTUP_SECONDS, ApiProcess, start_api
from tests.signals.conftest import head, store_symbol
from tests.signals.sse import SseReader, signed_in_user

SYMBOL = "ANON/BTC"
# The file's first signal is created by the cycle of its 703rd candle (index 702), which
# closes at this time; the next cycle triggers it (a signal.updated).
FIRST_SIGNAL_CLOSE = 1_509_894_000_000
MINUTE_MS = 60_000
STORED_MINUTES = 720
LATENCY_LIMIT_SECONDS = 1.0

# Production's shape: MariaDB and Redis shared by separate processes.
pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)


@pytest.fixture
async def stored_symbol(
    db_engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    anon_minutes: CandleSeries,
    redis_client: Redis,
) -> int:
    """ANON/BTC's first minutes on the replay exchange (stored before the API starts)."""
    return await store_symbol(session_factory, SYMBOL, head(anon_minutes, STORED_MINUTES))


@pytest.fixture
def api_process(stored_symbol: int, tmp_path: Path) -> Iterator[ApiProcess]:
    """Started, not yet waited for: the test replays the history meanwhile. Its log is shown
    with a failure (pytest reports the teardown's captured stderr)."""
    assert MYSQL_URL and REDIS_URL
    api = start_api(tmp_path, database_url=MYSQL_URL, redis_url=REDIS_URL)
    try:
        yield api
    finally:
        api.stop()
        sys.stderr.write(f"--- API process log (tail) ---\n{api.log_tail()}\n")


# --- A signed-in SSE client ---------------------------------------------------------------


async def signed_in_premium_client(
    factory: async_sessionmaker[AsyncSession], base_url: str
) -> httpx.AsyncClient:
    """A verified premium user (every symbol) signed in over HTTP like the SPA: CSRF, login."""
    return (await signed_in_user(factory, base_url, "premium")).http


async def wait_until_following(
    redis: Redis, within_seconds: float = 10, *, clients: int = 1
) -> None:
    """Until the API process is blocked reading the event stream for its `clients` SSE
    clients (a fresh client only gets events published after it follows)."""
    db = str(redis.connection_pool.connection_kwargs.get("db", 0))
    deadline = time.monotonic() + within_seconds
    while time.monotonic() < deadline:
        following = [
            client
            for client in await redis.client_list()
            if client.get("cmd") == "xread"
            and "b" in client.get("flags", "")
            and str(client.get("db")) == db
        ]
        if len(following) >= clients:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no SSE client followed the event stream within {within_seconds} s")


async def stream_entries_after(redis: Redis, last_id: str) -> list[tuple[str, str, str]]:
    """(id, type, data) of what the stream holds after `last_id`: what a client missed."""
    entries = await redis.xrange(STREAM_KEY, min=f"({last_id}", max="+")
    return [
        (raw_id.decode(), fields[b"type"].decode(), fields[b"data"].decode())
        for raw_id, fields in entries
    ]


async def run_live_cycles(
    factory: async_sessionmaker[AsyncSession], bus: RedisEventBus, symbol_id: int, now: int
) -> tuple[list[int], list[int], float]:
    """What the scan job does after its fetch: the due cycles in one unit of work, then their
    events. Returns the signals created and changed, and when the commit was done."""
    async with unit_of_work(factory) as session:
        cycles = await run_pending_cycles(session, symbol_id, now, CycleSettings())
    committed = time.perf_counter()
    await publish_cycle_events(bus, SYMBOL, cycles, factory)
    created = [signal_id for cycle in cycles for signal_id in cycle.signals_created]
    changed = [signal_id for cycle in cycles for signal_id in cycle.signals_changed]
    return created, changed, committed


# --- The acceptance -----------------------------------------------------------------------


async def test_a_second_api_process_streams_a_stored_signal_within_a_second_and_resumes(
    api_process: ApiProcess,
    stored_symbol: int,
    session_factory: async_sessionmaker[AsyncSession],
    redis_client: Redis,
) -> None:
    # The history before the first signal, replayed while the API process starts.
    started = time.monotonic()
    plan = await plan_replay(session_factory, stored_symbol, 0, FIRST_SIGNAL_CLOSE - MINUTE_MS)
    replayed = await replay_cycles(session_factory, stored_symbol, plan, CycleSettings())
    assert replayed.cycles == 702 and replayed.signals_created == 0
    await api_process.wait_live(API_STARTUP_SECONDS)
    print(f"replay and API start-up: {time.monotonic() - started:.1f} s")

    bus = RedisEventBus(redis_client)  # the worker's side of the same stream
    http = await signed_in_premium_client(session_factory, api_process.base_url)
    try:
        # 1. A connected client gets the new signal. It first idles until a keep-alive, as
        # clients do between signals: the stream must outlive the Redis client's 5 s socket
        # timeout (it used to die there, with its blocking XREAD).
        async with http.stream("GET", "/api/v1/stream") as response:
            assert response.status_code == 200, await response.aread()
            assert response.headers["content-type"].startswith("text/event-stream")
            reader = SseReader(response).start()
            try:
                assert (await reader.next(10)).retry == RECONNECT_MS
                await wait_until_following(redis_client)
                connected = time.monotonic()
                idle = await reader.next(KEEP_ALIVE_SECONDS + 15)
                assert idle.comment == "keep-alive", idle
                print(f"keep-alive after {time.monotonic() - connected:.1f} s idle")

                created, _, committed = await run_live_cycles(
                    session_factory, bus, stored_symbol, FIRST_SIGNAL_CLOSE
                )
                assert len(created) == 1, created
                [signal_id] = created
                message = await reader.next_event(10)
                while message.event != "signal.created":
                    message = await reader.next_event(10)
                latency = message.received - committed
            finally:
                await reader.close()
        print(f"signal.created {signal_id} reached the SSE client {latency * 1000:.0f} ms after")
        # The full object, as GET /signals/{id} showed it when published.
        sent = json.loads(message.data)
        assert (sent["id"], sent["symbol"], sent["status"]) == (signal_id, SYMBOL, "pending")
        assert sent["contributing_patterns"] and sent["status_history"]
        assert message.id is not None
        assert latency < LATENCY_LIMIT_SECONDS
        last_id = message.id

        # 2. Disconnected: the next cycles trigger the signal (and move patterns).
        _, changed, _ = await run_live_cycles(
            session_factory, bus, stored_symbol, FIRST_SIGNAL_CLOSE + 2 * MINUTE_MS
        )
        assert signal_id in changed
        missed = await stream_entries_after(redis_client, last_id)
        assert len(missed) >= 2, missed
        updated = [json.loads(data) for _, kind, data in missed if kind == "signal.updated"]
        assert signal_id in [item["id"] for item in updated]
        stored = await http.get(f"/api/v1/signals/{signal_id}")
        assert updated[-1] == stored.json()["data"]

        # 3. Reconnected with Last-Event-ID: exactly the missed events first, in order, then
        # the live ones.
        resumed = {"Last-Event-ID": last_id}
        async with http.stream("GET", "/api/v1/stream", headers=resumed) as response:
            assert response.status_code == 200, await response.aread()
            reader = SseReader(response).start()
            try:
                assert (await reader.next(10)).retry == RECONNECT_MS
                got = [await reader.next_event(10) for _ in missed]
                live_id = await bus.publish("signal.updated", {"id": signal_id, "symbol": SYMBOL})
                after = await reader.next_event(10)
            finally:
                await reader.close()
        assert [(m.id, m.event, m.data) for m in got] == missed
        assert (after.id, after.event) == (live_id, "signal.updated")
        kinds = ", ".join(kind for _, kind, _ in missed)
        print(f"resumed after {last_id}: the {len(missed)} missed ({kinds}), then the live one")
    finally:
        await http.aclose()
