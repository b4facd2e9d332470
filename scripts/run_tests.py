"""Runs pytest against the real services: MariaDB/MySQL and Redis on loopback.

When CRYPTOLENS_TEST_MYSQL_URL / CRYPTOLENS_TEST_REDIS_URL are not set, it looks for the local
services (127.0.0.1:3306 root, 127.0.0.1:6379), creates a throwaway database for this run and
drops it afterwards. With --require-services (CI) a missing service is a failure, not a skip.

With --workers N (N > 1) pytest-xdist runs the files on N processes; each worker gets a
database and a Redis database of its own (tests empty theirs), created here and dropped after.

usage: python scripts/run_tests.py [--require-services] [--workers N] [pytest args...]
"""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import sys

import asyncmy
from redis import Redis
from redis.exceptions import RedisError
from sqlalchemy.engine import make_url

MYSQL_HOST, MYSQL_PORT, MYSQL_USER = "127.0.0.1", 3306, "root"
# Tests flush their Redis database: runs side by side on one machine each take their own
# (1..13, by pid); CI uses 14 and a developer's `make run` the default 0.
REDIS_DEFAULT_URL = f"redis://127.0.0.1:6379/{1 + os.getpid() % 13}"


async def _mysql(statement: str, url: str | None = None) -> None:
    server = make_url(url) if url else None
    connection = await asyncmy.connect(
        host=server.host if server and server.host else MYSQL_HOST,
        port=server.port if server and server.port else MYSQL_PORT,
        user=server.username if server and server.username else MYSQL_USER,
        password=server.password if server and server.password else "",
        connect_timeout=5,
    )
    try:
        async with connection.cursor() as cursor:
            await cursor.execute(statement)
    finally:
        connection.close()


def _create_mysql_database() -> tuple[str, str] | None:
    name = f"cryptolens_test_{secrets.token_hex(4)}"
    try:
        asyncio.run(_mysql(f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"))
    except Exception as exc:
        print(f"run_tests: MariaDB at {MYSQL_HOST}:{MYSQL_PORT} unavailable: {exc}", flush=True)
        return None
    url = f"mysql+asyncmy://{MYSQL_USER}@{MYSQL_HOST}:{MYSQL_PORT}/{name}?charset=utf8mb4"
    return name, url


def _redis_answers(url: str) -> bool:
    try:
        client = Redis.from_url(url, socket_connect_timeout=3)
        answered = bool(client.ping())
        client.close()
    except (RedisError, OSError) as exc:
        print(f"run_tests: Redis at {url} unavailable: {exc}", flush=True)
        return False
    return answered


def _worker_databases(base_url: str, workers: int) -> list[str]:
    """One database per worker: the first is the run's own, the others named after it."""
    base = make_url(base_url)
    urls = [base_url]
    for index in range(1, workers):
        name = f"{base.database}_w{index}"
        asyncio.run(
            _mysql(
                f"CREATE DATABASE IF NOT EXISTS {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
                base_url,
            )
        )
        urls.append(base.set(database=name).render_as_string(hide_password=False))
    return urls


def _worker_redis_databases(base_url: str, workers: int) -> list[str]:
    """Consecutive Redis databases from the run's own, within 1..15 (0 is `make run`'s)."""
    prefix, _, number = base_url.rpartition("/")
    first = int(number or 0)
    return [f"{prefix}/{(first + index - 1) % 15 + 1}" for index in range(workers)]


def _split_workers(argv: list[str]) -> tuple[int, list[str]]:
    workers, rest = 1, []
    arguments = iter(argv)
    for arg in arguments:
        if arg == "--workers":
            workers = int(next(arguments))
        elif arg.startswith("--workers="):
            workers = int(arg.split("=", 1)[1])
        else:
            rest.append(arg)
    return max(1, workers), rest


def main(argv: list[str]) -> int:
    require = (
        "--require-services" in argv or os.environ.get("CRYPTOLENS_TEST_REQUIRE_SERVICES") == "1"
    )
    workers, argv = _split_workers(argv)
    pytest_args = [arg for arg in argv if arg != "--require-services"]
    env = dict(os.environ)
    created_database: str | None = None

    if not env.get("CRYPTOLENS_TEST_MYSQL_URL"):
        created = _create_mysql_database()
        if created:
            created_database, env["CRYPTOLENS_TEST_MYSQL_URL"] = created
    if not env.get("CRYPTOLENS_TEST_REDIS_URL") and _redis_answers(REDIS_DEFAULT_URL):
        env["CRYPTOLENS_TEST_REDIS_URL"] = REDIS_DEFAULT_URL

    missing = [
        name
        for name in ("CRYPTOLENS_TEST_MYSQL_URL", "CRYPTOLENS_TEST_REDIS_URL")
        if not env.get(name)
    ]
    if missing and require:
        print(f"run_tests: required services missing: {', '.join(missing)}", file=sys.stderr)
        return 3
    if require:
        env["CRYPTOLENS_TEST_REQUIRE_SERVICES"] = "1"
    if missing:
        print(f"run_tests: running without {', '.join(missing)}", flush=True)

    worker_databases: list[str] = []
    if workers > 1:
        pytest_args = ["-n", str(workers), "--dist", "loadfile", *pytest_args]
        if env.get("CRYPTOLENS_TEST_MYSQL_URL"):
            urls = _worker_databases(env["CRYPTOLENS_TEST_MYSQL_URL"], workers)
            worker_databases = urls[1:]
            env["CRYPTOLENS_TEST_MYSQL_URLS"] = ",".join(urls)
        if env.get("CRYPTOLENS_TEST_REDIS_URL"):
            redis_urls = _worker_redis_databases(env["CRYPTOLENS_TEST_REDIS_URL"], workers)
            env["CRYPTOLENS_TEST_REDIS_URLS"] = ",".join(redis_urls)

    try:
        return subprocess.call([sys.executable, "-m", "pytest", *pytest_args], env=env)  # noqa: S603
    finally:
        for url in worker_databases:
            asyncio.run(_mysql(f"DROP DATABASE IF EXISTS {make_url(url).database}", url))
        if created_database:
            asyncio.run(_mysql(f"DROP DATABASE IF EXISTS {created_database}"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
