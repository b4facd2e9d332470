"""Error tracking never costs a failed request its answer (admin.md, "Errors"), against a real
API process (with test-only failing routes) whose MariaDB connections go through a fault proxy:

- database up: the 500 is answered and the failure is stored, after the answer;
- refused or black-holed: the 500 envelope still comes promptly (the capture runs after it and
  is bounded), and the lost capture is logged as `error_tracking.capture_failed`.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.system.errors.models import ErrorGroup, ErrorOccurrence
from tests.conftest import MYSQL_URL
from tests.fakes.fault_proxy import FaultProxy, Mode
from tests.processes import ApiProcess, start_api
from tests.system.error_routes import ORDER_ROUTE, PREFIX

# The 500 comes within this whatever the database does (it needs no database itself).
ANSWER_SECONDS = 2.0
# The capture gives up within the request's database wait (4 s by default), logged by then.
LOGGED_WITHIN_SECONDS = 20.0
LOST = "error_tracking.capture_failed"

mysql_only = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)


@pytest.fixture(scope="module")
def db_proxy() -> Iterator[FaultProxy]:
    assert MYSQL_URL
    url = make_url(MYSQL_URL)
    with FaultProxy(url.host or "127.0.0.1", url.port or 3306) as proxy:
        yield proxy


@pytest.fixture(scope="module")
async def failing_api(
    db_engine: AsyncEngine, db_proxy: FaultProxy, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[ApiProcess]:
    assert MYSQL_URL
    api = start_api(
        tmp_path_factory.mktemp("failing-api"),
        database_url=db_proxy.url_for(MYSQL_URL),
        redis_url=None,
        app_module="tests.system.error_routes",
    )
    try:
        await api.wait_live(within_seconds=240)  # a loaded machine starts slowly
        yield api
    finally:
        api.stop()
        sys.stderr.write(f"--- API process log (tail) ---\n{api.log_tail()}\n")


@pytest.fixture
async def api(
    failing_api: ApiProcess, db_proxy: FaultProxy, session_factory: object
) -> AsyncIterator[ApiProcess]:
    db_proxy.set_mode("pass")
    yield failing_api
    db_proxy.set_mode("pass")


def _lost_captures(api: ApiProcess) -> int:
    return api.log_path.read_text(errors="replace").count(LOST)


async def _fail(api: ApiProcess) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    async with httpx.AsyncClient(base_url=api.base_url, timeout=30) as http:
        response = await http.post(
            f"{PREFIX}/orders/5",
            json={"password": "hunter2", "when": "not a time"},
            headers={"Authorization": "Bearer secret"},
        )
    return response, time.monotonic() - started


def _assert_the_500(response: httpx.Response, seconds: float) -> None:
    assert response.status_code == 500, response.text
    body = response.json()
    assert body["success"] is False and body["meta"]["code"] == "internal_error"
    assert body["error"] == "Internal server error"
    assert response.headers["x-request-id"] == body["meta"]["request_id"]
    assert seconds < ANSWER_SECONDS, seconds


@mysql_only
async def test_with_the_database_up_the_failure_is_stored(
    api: ApiProcess, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    response, seconds = await _fail(api)
    _assert_the_500(response, seconds)
    deadline = time.monotonic() + LOGGED_WITHIN_SECONDS
    group = None
    while group is None:
        async with session_factory() as session:
            group = await session.scalar(select(ErrorGroup))
        if group is None:
            assert time.monotonic() < deadline, "the failure was never stored"
            await asyncio.sleep(0.2)
    assert group.location == f"POST {ORDER_ROUTE}"
    async with session_factory() as session:
        occurrence = await session.scalar(select(ErrorOccurrence))
    assert occurrence is not None and occurrence.headers is not None
    assert occurrence.request_id == response.json()["meta"]["request_id"]
    assert occurrence.headers["authorization"] == "[REDACTED]"
    assert occurrence.body == '{"password":"[REDACTED]","when":"not a time"}'


@mysql_only
@pytest.mark.parametrize("mode", ["refuse", "blackhole"])
async def test_with_the_database_down_the_500_is_prompt_and_the_lost_capture_logged(
    api: ApiProcess, db_proxy: FaultProxy, mode: Mode
) -> None:
    lost_before = _lost_captures(api)
    db_proxy.set_mode(mode)
    response, seconds = await _fail(api)
    _assert_the_500(response, seconds)
    # Asked again while the first capture may still wait: answered as promptly.
    response, seconds = await _fail(api)
    _assert_the_500(response, seconds)
    deadline = time.monotonic() + LOGGED_WITHIN_SECONDS
    while _lost_captures(api) < lost_before + 2:
        assert time.monotonic() < deadline, api.log_tail()
        await asyncio.sleep(0.2)
