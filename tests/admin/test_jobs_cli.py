"""`cryptolens jobs list|run`: the admin API's jobs table and its run now from a shell, run
in-process against a migrated SQLite file (the embedded default: no Redis, so `jobs run` runs
the job here)."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from cryptolens import cli
from cryptolens.admin.jobs.schemas import JobOut
from cryptolens.db import create_engine, create_session_factory, unit_of_work
from cryptolens.jobs.enqueue import manual_job_id
from cryptolens.jobs.keys import JobKeys
from cryptolens.jobs.runtime import create_arq_redis
from cryptolens.jobs.schedule import CRON_SCHEDULE
from cryptolens.settings import Settings, get_settings
from cryptolens.system import migrations, runtime_settings
from cryptolens.system.models import JobRun
from tests.conftest import REDIS_URL


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite+aiosqlite:///{(tmp_path / 'cli.db').as_posix()}"

    async def migrate() -> None:
        engine = create_engine(url, Settings(_env_file=None, database_url=url))  # type: ignore[call-arg]
        await migrations.upgrade(engine)
        await engine.dispose()

    asyncio.run(migrate())
    monkeypatch.setenv("CRYPTOLENS_DATABASE_URL", url)
    monkeypatch.setenv("CRYPTOLENS_VAR_DIR", str(tmp_path))
    monkeypatch.delenv("CRYPTOLENS_REDIS_URL", raising=False)
    get_settings.cache_clear()
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield url
    root.handlers[:], root.level = handlers, level
    get_settings.cache_clear()


def in_database(url: str, *runs: JobRun, switched_off: tuple[str, ...] = ()) -> None:
    async def store() -> None:
        engine = create_engine(url, Settings(_env_file=None, database_url=url))  # type: ignore[call-arg]
        async with unit_of_work(create_session_factory(engine)) as session:
            session.add_all(runs)
            for name in switched_off:
                await runtime_settings.set_job_enabled(session, name, False, datetime.now(UTC))
        await engine.dispose()

    asyncio.run(store())


def stored_runs(url: str, name: str) -> list[JobRun]:
    async def read() -> list[JobRun]:
        engine = create_engine(url, Settings(_env_file=None, database_url=url))  # type: ignore[call-arg]
        async with create_session_factory(engine)() as session:
            runs = list(await session.scalars(select(JobRun).where(JobRun.name == name)))
        await engine.dispose()
        return runs

    return asyncio.run(read())


def ended_run(name: str, status: str, started_at: datetime, duration_ms: int) -> JobRun:
    return JobRun(
        name=name,
        queue="low",
        args_summary="",
        started_at=started_at,
        finished_at=started_at + timedelta(milliseconds=duration_ms),
        duration_ms=duration_ms,
        status=status,
        candles_fetched=0,
        patterns_found=0,
        signals_created=0,
        notifications_sent=0,
    )


def test_jobs_list_prints_the_admin_apis_table(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    in_database(
        database,
        ended_run("refresh_stats", "ok", now - timedelta(hours=2), 100),
        ended_run("refresh_stats", "failed", now - timedelta(hours=1), 300),
        switched_off=("db_health",),
    )
    assert cli.main(["jobs", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "JOB",
        "SCHEDULE",
        "QUEUE",
        "ENABLED",
        "LAST",
        "RUN",
        "24H",
        "OK/FAILED",
        "SUCCESS",
        "MEAN",
    ]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert list(rows) == list(dict.fromkeys(entry.job_name for entry in CRON_SCHEDULE))
    stats = rows["refresh_stats"].split()
    assert stats[1:8] == ["*/5", "*", "*", "*", "*", "low", "yes"]
    assert stats[8] == "failed"  # the last run
    assert stats[-4:] == ["1/1", "50%", "200", "ms"]
    health = rows["db_health"].split()
    assert health[1:8] == ["0", "3", "*", "*", "*", "low", "no"]
    assert health[8:] == ["never", "0/0", "-", "-"]

    assert cli.main(["jobs", "list", "--json"]) == 0
    table = json.loads(capsys.readouterr().out)
    jobs = {row["name"]: JobOut.model_validate(row) for row in table}  # the API's shape
    assert jobs["refresh_stats"].last_24h.success_rate == 0.5
    assert jobs["refresh_stats"].last_24h.mean_duration_ms == 200.0
    assert jobs["refresh_stats"].last_run is not None
    assert jobs["refresh_stats"].last_run.status == "failed"
    assert jobs["db_health"].enabled is False


def test_jobs_run_runs_the_job_here_without_redis_even_when_switched_off(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    in_database(database, switched_off=("refresh_stats",))
    assert cli.main(["jobs", "run", "refresh_stats"]) == 0
    out = capsys.readouterr().out
    assert "running refresh_stats here (no Redis)" in out
    assert "refresh_stats ok" in out
    assert [run.status for run in stored_runs(database, "refresh_stats")] == ["ok"]


def test_jobs_run_refuses_a_name_that_is_no_cron_job(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["jobs", "run", "scan_symbol"]) == 2
    assert "no cron job named 'scan_symbol'" in capsys.readouterr().err
    assert stored_runs(database, "scan_symbol") == []


def test_jobs_run_with_redis_queues_the_job_once(
    database: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if not REDIS_URL:
        pytest.skip("CRYPTOLENS_TEST_REDIS_URL is not set")
    keys = JobKeys(f"test{os.getpid()}-{secrets.token_hex(4)}")
    monkeypatch.setenv("CRYPTOLENS_REDIS_URL", REDIS_URL)
    monkeypatch.setenv("CRYPTOLENS_JOB_KEY_PREFIX", keys.prefix)
    get_settings.cache_clear()
    job_id = keys.job_id(manual_job_id("db_health", {}))
    try:
        assert cli.main(["jobs", "run", "db_health"]) == 0
        assert capsys.readouterr().out.strip() == f"queued db_health: job {job_id}"
        assert cli.main(["jobs", "run", "db_health"]) == 0
        assert capsys.readouterr().out.strip() == (
            f"db_health is already queued or running: job {job_id}"
        )
        assert asyncio.run(_queued(REDIS_URL, keys)) == [job_id]
    finally:
        asyncio.run(_forget(REDIS_URL, keys))
    assert stored_runs(database, "db_health") == []  # queued for the workers, not run here


async def _queued(url: str, keys: JobKeys) -> list[str]:
    pool = create_arq_redis(url)
    try:
        return [raw.decode() for raw in await pool.zrange(keys.queue("low"), 0, -1)]
    finally:
        await pool.aclose()


async def _forget(url: str, keys: JobKeys) -> None:
    pool = create_arq_redis(url)
    try:
        ours = [key async for key in pool.scan_iter(match=f"*{keys.prefix}*", count=1000)]
        if ours:
            await pool.delete(*ours)
    finally:
        await pool.aclose()
