"""Runs pytest against the real services: MariaDB/MySQL and Redis on loopback.

When CRYPTOLENS_TEST_MYSQL_URL / CRYPTOLENS_TEST_REDIS_URL are not set, it looks for the local
services (127.0.0.1:3306 root, 127.0.0.1:6379), creates a throwaway database for this run and
drops it afterwards. With --require-services (CI) a missing service is a failure, not a skip.

usage: python scripts/run_tests.py [--require-services] [pytest args...]
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

MYSQL_HOST, MYSQL_PORT, MYSQL_USER = "127.0.0.1", 3306, "root"
# Tests flush their Redis database: runs side by side on one machine each take their own
# (1..13, by pid); CI uses 14 and a developer's `make run` the default 0.
REDIS_DEFAULT_URL = f"redis://127.0.0.1:6379/{1 + os.getpid() % 13}"


async def _mysql(statement: str) -> None:
    connection = await asyncmy.connect(
        host=MYSQL_HOST, port=MYSQL_PORT, user=MYSQL_USER, password="", connect_timeout=5
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


def main(argv: list[str]) -> int:
    require = (
        "--require-services" in argv or os.environ.get("CRYPTOLENS_TEST_REQUIRE_SERVICES") == "1"
    )
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

    try:
        return subprocess.call([sys.executable, "-m", "pytest", *pytest_args], env=env)  # noqa: S603
    finally:
        if created_database:
            asyncio.run(_mysql(f"DROP DATABASE IF EXISTS {created_database}"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
