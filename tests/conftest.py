"""Shared fixtures: a migrated database per backend and run, emptied after each test; the app
client; Redis. Backends: SQLite always, MariaDB/MySQL when CRYPTOLENS_TEST_MYSQL_URL is set."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import delete, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

os.environ["CRYPTOLENS_ENV"] = "test"

# Each parallel worker's own database and Redis database, set before anything reads them.
import tests.parallel_worker  # noqa: F401, I001

from cryptolens.app import create_app
from cryptolens.core.clock import FrozenClock
from cryptolens.db import Base, create_engine, create_session_factory
from cryptolens.models_registry import load_all_models
from cryptolens.settings import HttpSettings, Settings
from cryptolens.system import migrations
from tests.fakes.fault_proxy import FaultProxy

MYSQL_URL = os.environ.get("CRYPTOLENS_TEST_MYSQL_URL")
REDIS_URL = os.environ.get("CRYPTOLENS_TEST_REDIS_URL")
# CI sets this so a missing service fails the run instead of shrinking it.
REQUIRE_SERVICES = os.environ.get("CRYPTOLENS_TEST_REQUIRE_SERVICES") == "1"

BACKENDS = ["sqlite"] + (["mysql"] if MYSQL_URL else [])

load_all_models()


def pytest_sessionstart(session: pytest.Session) -> None:
    if REQUIRE_SERVICES and not (MYSQL_URL and REDIS_URL):
        raise pytest.UsageError(
            "CRYPTOLENS_TEST_REQUIRE_SERVICES=1 but CRYPTOLENS_TEST_MYSQL_URL or "
            "CRYPTOLENS_TEST_REDIS_URL is not set"
        )


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [
        f"cryptolens database backends: {', '.join(BACKENDS)}",
        f"cryptolens redis: {'yes' if REDIS_URL else 'no (in-process adapters only)'}",
    ]


@pytest.fixture(scope="session")
def var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("var")


def database_url(backend: str, var_dir: Path) -> str:
    if backend == "mysql":
        assert MYSQL_URL is not None
        return MYSQL_URL
    return f"sqlite+aiosqlite:///{(var_dir / 'test.db').as_posix()}"


def make_settings(var_dir: Path, **overrides: object) -> Settings:
    """Test settings under `var_dir`. `overrides` are Settings' own keywords: top-level
    values (database_url=...) or whole groups (http=HttpSettings(frontend_dist=...))."""
    values: dict[str, object] = {
        "env": "test",
        "var_dir": var_dir,
        "database_url": f"sqlite+aiosqlite:///{(var_dir / 'test.db').as_posix()}",
        "redis_url": None,
        "http": HttpSettings(frontend_dist=var_dir / "no-frontend"),
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


async def drop_everything(engine: AsyncEngine) -> None:
    """Leaves an empty schema, whatever a crashed earlier run left behind."""

    def drop(connection: object) -> None:
        from sqlalchemy import MetaData

        reflected = MetaData()
        reflected.reflect(bind=connection)  # type: ignore[arg-type]
        reflected.drop_all(bind=connection)  # type: ignore[arg-type]

    async with engine.begin() as connection:
        if engine.dialect.name == "mysql":
            await connection.execute(text("SET FOREIGN_KEY_CHECKS=0"))
        await connection.run_sync(drop)
        if engine.dialect.name == "mysql":
            await connection.execute(text("SET FOREIGN_KEY_CHECKS=1"))


@pytest.fixture(scope="session", params=BACKENDS)
async def db_engine(request: pytest.FixtureRequest, var_dir: Path) -> AsyncIterator[AsyncEngine]:
    """A migrated database for the whole run, one per backend (visible in test ids)."""
    backend: str = request.param
    url = database_url(backend, var_dir)
    engine = create_engine(url, make_settings(var_dir, database_url=url))
    await drop_everything(engine)
    await migrations.upgrade(engine)
    yield engine
    await engine.dispose()


async def empty_all_tables(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            await connection.execute(delete(table))


@pytest.fixture
async def session_factory(
    db_engine: AsyncEngine,
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    yield create_session_factory(db_engine)
    await empty_all_tables(db_engine)


@pytest.fixture
async def db_session(
    session_factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    async with session_factory() as session:
        yield session


@pytest.fixture
def test_settings(db_engine: AsyncEngine, var_dir: Path) -> Settings:
    return make_settings(var_dir, database_url=str(db_engine.url.render_as_string(False)))


@pytest.fixture
def clock() -> FrozenClock:
    """The app's clock in tests: starts at the real now, moves only when told to."""
    return FrozenClock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
async def app(
    test_settings: Settings, db_engine: AsyncEngine, session_factory: object, clock: FrozenClock
) -> AsyncIterator[FastAPI]:
    application = create_app(test_settings, engine=db_engine, clock=clock)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
def redis_url() -> Iterator[str]:
    if not REDIS_URL:
        pytest.skip("CRYPTOLENS_TEST_REDIS_URL is not set")
    yield REDIS_URL


@pytest.fixture
async def redis_client(redis_url: str) -> AsyncIterator[Redis]:
    """The real Redis (never through a proxy), its database flushed before and after."""
    client: Redis = Redis.from_url(redis_url)
    await client.flushdb()
    yield client
    await client.flushdb()
    await client.aclose()


@pytest.fixture(scope="module")
def redis_proxy() -> Iterator[FaultProxy]:
    """A FaultProxy in front of the test Redis, for a module's processes (`url_for`)."""
    if not REDIS_URL:
        pytest.skip("CRYPTOLENS_TEST_REDIS_URL is not set")
    with FaultProxy.before(REDIS_URL, 6379) as proxy:
        yield proxy


@pytest.fixture(scope="module")
def database_proxy() -> Iterator[FaultProxy]:
    """A FaultProxy in front of the test MariaDB, for a module's processes (`url_for`)."""
    if not MYSQL_URL:
        pytest.skip("CRYPTOLENS_TEST_MYSQL_URL is not set")
    with FaultProxy.before(MYSQL_URL, 3306) as proxy:
        yield proxy


# Signed-in clients of a given tier, for every domain's API tests.
from tests.clients import make_client, make_user_client  # noqa: E402

__all__ = ["make_client", "make_user_client"]
