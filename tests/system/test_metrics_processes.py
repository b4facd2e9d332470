"""`cryptolens serve --workers 2`: every counter and histogram of /metrics is the same
whichever process answers the scrape (prometheus_client's multiprocess mode, in a fresh
directory per start that `serve` removes when it stops)."""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from tests.processes import ApiProcess, start_api
from tests.system.metrics_text import samples

ROUTE = "/api/health"
REQUESTS_TOTAL = "cryptolens_http_requests_total"
DURATION_COUNT = "cryptolens_http_request_duration_seconds_count"


@dataclass
class TwoWorkers:
    api: ApiProcess
    tmp: Path  # TMPDIR of the processes: where `serve` makes its metrics directory


@pytest.fixture
async def two_workers(
    db_engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession], tmp_path: Path
) -> AsyncIterator[TwoWorkers]:
    # session_factory: empties the tables after, as the processes load the demo market.
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    api = start_api(
        tmp_path,
        database_url=db_engine.url.render_as_string(hide_password=False),
        redis_url=None,
        env={"TMPDIR": str(tmp)},
        workers=2,
    )
    try:
        await api.wait_live(within_seconds=240)
        yield TwoWorkers(api, tmp)
    finally:
        api.stop()
        sys.stderr.write(f"--- API process log (tail) ---\n{api.log_tail()}\n")


def route_count(text: str, name: str) -> float:
    return sum(value for labels, value in samples(text, name) if labels.get("handler") == ROUTE)


def counts_by_process(metrics_dir: Path) -> dict[str, float]:
    """The route's request count in each process's own file (counter_<pid>.db)."""
    counts: dict[str, float] = {}
    for path in metrics_dir.glob("counter_*.db"):
        alone = metrics_dir.parent / f"alone-{path.stem}"
        alone.mkdir()
        shutil.copy(path, alone / path.name)
        registry = CollectorRegistry()
        MultiProcessCollector(registry, path=str(alone))  # type: ignore[no-untyped-call]
        counts[path.stem] = route_count(generate_latest(registry).decode(), REQUESTS_TOTAL)
        shutil.rmtree(alone)
    return counts


async def _request_on_a_new_connection(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        response = await http.get(ROUTE)
        assert response.status_code in (200, 503)


async def _scrape_on_a_new_connection(base_url: str) -> str:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        response = await http.get("/metrics")
        assert response.status_code == 200
        return response.text


# About the processes, not the database: one backend keeps the two-worker start-up to one.
@pytest.mark.parametrize("db_engine", ["sqlite"], indirect=True)
async def test_every_scrape_counts_the_requests_of_both_workers(two_workers: TwoWorkers) -> None:
    base_url = two_workers.api.base_url
    directories = list(two_workers.tmp.glob("cryptolens-metrics-*"))
    assert len(directories) == 1, directories  # made by `serve` for this start
    metrics_dir = directories[0]

    made = 0
    # Batches of concurrent requests, each on its own connection, until both workers have
    # answered some (the kernel hands connections to either).
    for _ in range(20):
        await asyncio.gather(*(_request_on_a_new_connection(base_url) for _ in range(10)))
        made += 10
        served = [count for count in counts_by_process(metrics_dir).values() if count > 0]
        if len(served) >= 2:
            break
    assert len(served) == 2, f"one worker answered every request: {served}"
    assert sum(served) == made

    scrapes = [await _scrape_on_a_new_connection(base_url) for _ in range(8)]
    assert [route_count(text, REQUESTS_TOTAL) for text in scrapes] == [made] * 8
    assert [route_count(text, DURATION_COUNT) for text in scrapes] == [made] * 8

    two_workers.api.stop()
    assert not metrics_dir.exists()  # removed by `serve` when it stops
