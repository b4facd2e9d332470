"""Async engine and session factory for SQLite (embedded) and MySQL/MariaDB (asyncmy)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, MetaData, TypeDecorator, case, event, literal, update
from sqlalchemy.dialects import mysql
from sqlalchemy.dialects.mysql import insert as mysql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.pool import StaticPool
from sqlalchemy.types import TypeEngine

from cryptolens.settings import Settings

# Stable constraint names so alembic migrations are the same on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC (both backends lack a portable tz type); returns aware UTC."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        # MySQL's plain DATETIME drops microseconds; keep them (ordering, durations).
        if dialect.name == "mysql":
            return dialect.type_descriptor(mysql.DATETIME(fsp=6))
        return dialect.type_descriptor(DateTime(timezone=False))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where aware UTC is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}


def utcnow() -> datetime:
    return datetime.now(UTC)


def to_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


def is_sqlite_url(url: str) -> bool:
    return url.startswith("sqlite")


def create_engine(url: str, settings: Settings) -> AsyncEngine:
    database = settings.database
    if is_sqlite_url(url):
        return _create_sqlite_engine(url, echo=database.echo)
    # MySQL/MariaDB: pre-ping survives server restarts, recycle stays under wait_timeout.
    return create_async_engine(
        url,
        echo=database.echo,
        pool_size=database.pool_size,
        max_overflow=database.max_overflow,
        pool_recycle=database.pool_recycle_seconds,
        pool_pre_ping=True,
    )


def _create_sqlite_engine(url: str, *, echo: bool) -> AsyncEngine:
    in_memory = ":memory:" in url or url.rstrip("/").endswith("sqlite+aiosqlite:")
    kwargs: dict[str, Any] = {"echo": echo}
    if in_memory:
        kwargs["poolclass"] = StaticPool
    else:
        _ensure_parent_dir(url)
    engine = create_async_engine(url, connect_args={"timeout": 30}, **kwargs)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    return engine


def _ensure_parent_dir(url: str) -> None:
    _, _, path = url.partition(":///")
    if path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


@asynccontextmanager
async def unit_of_work(factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """The unit of work of a job or command: commit on success, roll back on any error."""
    async with factory() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


def upsert_statement(
    dialect_name: str,
    table: Any,
    key: Sequence[str],
    updated: Sequence[str],
) -> Any:
    """INSERT .. ON CONFLICT (SQLite) / ON DUPLICATE KEY UPDATE (MySQL) on the unique `key`.

    With no `updated` columns an existing row is left exactly as it is (insert-or-ignore).
    """
    if dialect_name == "sqlite":
        sqlite_statement = sqlite_insert(table)
        if not updated:
            return sqlite_statement.on_conflict_do_nothing(index_elements=list(key))
        return sqlite_statement.on_conflict_do_update(
            index_elements=list(key),
            set_={name: sqlite_statement.excluded[name] for name in updated},
        )
    if dialect_name == "mysql":
        mysql_statement = mysql_insert(table)
        # MySQL has no DO NOTHING; re-assigning a key column to itself changes nothing.
        assignments = {name: mysql_statement.inserted[name] for name in updated} or {
            key[0]: mysql_statement.inserted[key[0]]
        }
        return mysql_statement.on_duplicate_key_update(assignments)
    raise NotImplementedError(f"no upsert for {dialect_name}")


UPDATE_CHUNK_ROWS = 250


async def update_rows_by_id(
    session: AsyncSession, table: Any, changes: Sequence[dict[str, Any]]
) -> None:
    """Updates many rows, each by its `id` with its own values, in a few statements:
    `SET col = CASE id WHEN .. THEN .. END WHERE id IN (..)` per group of rows that set the
    same columns. An executemany of UPDATEs is one round trip per row on MySQL drivers.
    """
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for change in changes:
        columns = tuple(sorted(name for name in change if name != "id"))
        groups.setdefault(columns, []).append(change)
    id_column = table.c.id
    for columns, rows in groups.items():
        for start in range(0, len(rows), UPDATE_CHUNK_ROWS):
            chunk = rows[start : start + UPDATE_CHUNK_ROWS]
            values: dict[str, Any] = {}
            for name in columns:
                column = table.c[name]
                distinct = {repr(row[name]) for row in chunk}
                if len(distinct) == 1:
                    values[name] = literal(chunk[0][name], column.type)
                else:
                    values[name] = case(
                        {row["id"]: literal(row[name], column.type) for row in chunk},
                        value=id_column,
                    )
            await session.execute(
                update(table)
                .where(id_column.in_([row["id"] for row in chunk]))
                .values(values)
                .execution_options(synchronize_session=False)
            )
