"""Two installations (or two test runs) on one Redis database, told apart by their key prefix
(`CRYPTOLENS_JOB_KEY_PREFIX`): a worker never takes the other installation's jobs."""

from __future__ import annotations

import asyncio
import secrets
import time

import pytest
from arq.connections import ArqRedis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.jobs.enqueue import ArqEnqueuer
from cryptolens.jobs.keys import JobKeys
from tests.conftest import MYSQL_URL
from tests.fakes.exchange import FakeExchange
from tests.jobs.worker_processes import (
    delete_keys_of,
    runs_of,
    start_serving_worker,
    stop_worker,
)

pytestmark = pytest.mark.parametrize("db_engine", ["mysql"] if MYSQL_URL else [], indirect=True)

JOBS = 8


async def test_a_worker_of_another_installation_never_takes_this_ones_jobs(
    exchange_with_anon: FakeExchange,
    arq_redis: ArqRedis,
    job_keys: JobKeys,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    url, factory = exchange_with_anon.base_url, session_factory
    neighbour = JobKeys(f"{job_keys.prefix}-neighbour-{secrets.token_hex(2)}")
    theirs, their_log = await start_serving_worker(url, "high", keys=neighbour)
    ours, our_log = await start_serving_worker(url, "high", keys=job_keys)
    try:
        enqueuer = ArqEnqueuer(arq_redis, job_keys)
        job_ids = [
            await enqueuer.enqueue("notify_signal", signal_id=999_000 + index)
            for index in range(JOBS)
        ]
        assert all(job_ids)
        deadline = time.monotonic() + 60
        while (
            sum(run.finished_at is not None for run in await runs_of(factory, "notify_signal"))
            < JOBS
        ):
            assert time.monotonic() < deadline, "the jobs did not all run within 60 s"
            await asyncio.sleep(0.5)
    finally:
        statuses = [await stop_worker(theirs), await stop_worker(ours)]
        await delete_keys_of(arq_redis, neighbour)
    assert statuses == [0, 0], their_log.text() + our_log.text()
    # arq logs each job id it starts: all in our worker's log, none in theirs.
    assert not [job_id for job_id in job_ids if job_id and job_id in "".join(their_log.lines)]
    assert all(job_id and job_id in "".join(our_log.lines) for job_id in job_ids)
