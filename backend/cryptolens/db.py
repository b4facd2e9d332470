"""Async engine and session factory for SQLite (embedded) and MySQL/MariaDB (asyncmy)."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import DateTime, MetaData, TypeDecorator, case, event, literal, update
from sqlalchemy.dialects import mysql
from sqlalchemy.dialects.mysql import insert as mysql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, ORMExecuteState, Session
from sqlalchemy.pool import StaticPool
from sqlalchemy.types import TypeEngine

from cryptolens.settings import DatabaseSettings, Settings

log = logging.getLogger("cryptolens.db")
T = TypeVar("T")

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


# MariaDB aborts a request's statement a little before the client stops waiting for it, so the
# server frees its locks and the client sees why (error 1969) rather than a lost connection.
SERVER_STATEMENT_SHARE = 0.9


def create_engine(url: str, settings: Settings, *, serving_requests: bool = False) -> AsyncEngine:
    """The engine for `url`. Every engine bounds connecting; `serving_requests` (an API
    process) also bounds the wait for a pooled connection and for each statement, so a request
    never waits on a dead, black-holed or locked database longer than a few seconds."""
    database = settings.database
    if is_sqlite_url(url):
        # One process, one file: the lock a request waits for is held by a job's write batch
        # in this same process (jobs and requests share the engine), never by a dead server.
        busy = database.sqlite_busy_timeout_seconds
        return _create_sqlite_engine(url, echo=database.echo, busy_timeout_seconds=busy)
    # MySQL/MariaDB: pre-ping survives server restarts, recycle stays under wait_timeout.
    connect_args: dict[str, Any] = {"connect_timeout": database.connect_timeout_seconds}
    pool_args: dict[str, Any] = {}
    if serving_requests:
        # asyncmy's read timeout bounds every wait for the server (the handshake, a ping, a
        # statement): a black-holed server answers nothing and would be waited on for ever.
        connect_args["read_timeout"] = database.statement_timeout_seconds
        pool_args["pool_timeout"] = database.pool_timeout_seconds
    else:
        # asyncmy's connect_timeout bounds the TCP connect only: a black-holed server accepts
        # it and never answers the handshake, and a worker or a command would wait for ever.
        connect_args["async_creator_fn"] = _asyncmy_connect_within(database.connect_timeout_seconds)
    engine = create_async_engine(
        url,
        echo=database.echo,
        pool_size=database.pool_size,
        max_overflow=database.max_overflow,
        pool_recycle=database.pool_recycle_seconds,
        pool_pre_ping=True,
        connect_args=connect_args,
        **pool_args,
    )
    if serving_requests:
        _limit_statements_on_mariadb(engine, database)
    return engine


def _asyncmy_connect_within(seconds: float) -> Callable[..., Awaitable[Any]]:
    """asyncmy's connect, the handshake included, within `seconds`; past them it fails as a
    refused server does (a driver OperationalError: the database is unavailable)."""
    import asyncmy
    from asyncmy.errors import OperationalError as DriverOperationalError

    async def connect(*args: Any, **kwargs: Any) -> Any:
        try:
            return await asyncio.wait_for(asyncmy.connect(*args, **kwargs), seconds)
        except TimeoutError as timed_out:
            raise DriverOperationalError(
                2013, f"no answer to the MySQL handshake within {seconds:g} s"
            ) from timed_out

    return connect


def _limit_statements_on_mariadb(engine: AsyncEngine, database: DatabaseSettings) -> None:
    seconds = round(database.statement_timeout_seconds * SERVER_STATEMENT_SHARE, 3)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # MySQL has no such variable (its max_execution_time covers SELECT only).
        if not getattr(engine.dialect, "is_mariadb", False):
            return
        cursor = dbapi_connection.cursor()
        cursor.execute(f"SET SESSION max_statement_time = {seconds}")
        cursor.close()


def _create_sqlite_engine(url: str, *, echo: bool, busy_timeout_seconds: float) -> AsyncEngine:
    in_memory = ":memory:" in url or url.rstrip("/").endswith("sqlite+aiosqlite:")
    kwargs: dict[str, Any] = {"echo": echo}
    if in_memory:
        kwargs["poolclass"] = StaticPool
    else:
        _ensure_parent_dir(url)
    engine = create_async_engine(url, connect_args={"timeout": busy_timeout_seconds}, **kwargs)
    busy_ms = int(busy_timeout_seconds * 1000)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        cursor.close()

    return engine


@event.listens_for(Session, "do_orm_execute")
def _sqlite_locking_read_takes_the_write_lock(state: ORMExecuteState) -> None:
    """SQLite has no row locks, and its driver opens a transaction only at the first write, so
    a `SELECT ... FOR UPDATE` would read outside any transaction and two read-modify-write
    units of work would lose an update. A locking read there begins the transaction with the
    write lock (BEGIN IMMEDIATE): the next locking unit waits for the commit, as on MariaDB.
    Plain reads take no lock and stay concurrent."""
    if not state.is_select or getattr(state.statement, "_for_update_arg", None) is None:
        return
    connection = state.session.connection()
    if connection.dialect.name != "sqlite":
        return
    driver = connection.connection.dbapi_connection
    # aiosqlite's connection (under SQLAlchemy's adapter) says whether one is open.
    if not driver._connection.in_transaction:  # type: ignore[union-attr]
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _ensure_parent_dir(url: str) -> None:
    _, _, path = url.partition(":///")
    if path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


@asynccontextmanager
async def unit_of_work(factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """The unit of work of a job or command: commit on success, roll back on any error.

    A block cannot be run twice, so a deadlock here propagates (jobs retry it as transient);
    work that can be run again uses `in_unit_of_work`, which retries it."""
    async with factory() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


# --- Faults: which database errors are retried, which mean "unavailable" ----------------------

# InnoDB chose this transaction as a deadlock victim (1213) or its lock wait ran out (1205):
# the transaction was rolled back, and running it again is correct.
CONFLICT_CODES = frozenset({1213, 1205})
# The server cannot be reached or stopped answering, or it is overloaded or shutting down:
# 2002/2003 cannot connect, 2006 gone away, 2013 lost mid-query (also our read timeout),
# 2055 lost at handshake, 1040 too many connections, 1053 shutdown, 1927 connection killed,
# 1969 max_statement_time exceeded, 3024 MySQL's max_execution_time, 4031 idle disconnect.
LOST_CODES = frozenset({2002, 2003, 2006, 2013, 2055, 1040, 1053, 1927, 1969, 3024, 4031})
UNAVAILABLE_CODES = CONFLICT_CODES | LOST_CODES
# SQLite's words for a database it cannot use now (programming errors are OperationalError too,
# "no such table" and the like, and are not among these).
SQLITE_UNAVAILABLE = (
    "database is locked",
    "database table is locked",
    "unable to open",
    "disk i/o",
)
CONFLICT_ATTEMPTS = 3


class TransactionConflictError(Exception):
    """A request's transaction lost a deadlock or a lock wait; the request may be run again."""


def _mysql_code(error: DBAPIError) -> int | None:
    args = getattr(error.orig, "args", ())
    code = args[0] if args else None
    return code if isinstance(code, int) else None


def is_conflict(error: BaseException) -> bool:
    """A deadlock or lock-wait timeout: the whole transaction may simply be run again."""
    if isinstance(error, TransactionConflictError):
        return True
    return isinstance(error, DBAPIError) and _mysql_code(error) in CONFLICT_CODES


def is_database_unavailable(error: BaseException) -> bool:
    """The database cannot answer now (refused, timed out, lost, locked, out of connections):
    a 503 and try again, never a 500. Programming errors are not among these."""
    if isinstance(error, PoolTimeoutError | TransactionConflictError):
        return True
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated or isinstance(error.orig, ConnectionError | TimeoutError):
        return True
    if not isinstance(error, OperationalError):
        return False
    if _mysql_code(error) in UNAVAILABLE_CODES:
        return True
    message = str(error.orig).lower()
    return any(words in message for words in SQLITE_UNAVAILABLE)


def conflict_backoff_seconds(attempt: int) -> float:
    """A short, jittered pause before the next attempt, so the two sides of a deadlock do not
    meet again at once."""
    return random.uniform(0.01, 0.05) * attempt  # noqa: S311 (timing jitter, not a secret)


async def in_unit_of_work(
    factory: async_sessionmaker[AsyncSession],
    work: Callable[[AsyncSession], Awaitable[T]],
    *,
    attempts: int = CONFLICT_ATTEMPTS,
) -> T:
    """`work` in a unit of work, run again (a few times, in a fresh transaction) when the
    database picked it as a deadlock victim or its lock wait timed out."""
    attempt = 1
    while True:
        try:
            async with unit_of_work(factory) as session:
                return await work(session)
        except (DBAPIError, TransactionConflictError) as error:
            if not is_conflict(error) or attempt >= attempts:
                raise
            log.info("db.conflict_retried", extra={"attempt": attempt, "error": repr(error)})
        await asyncio.sleep(conflict_backoff_seconds(attempt))
        attempt += 1


async def end_read_transaction(session: AsyncSession) -> None:
    """Ends a transaction that has only read, giving its connection back to the pool before
    slow work that needs no database (password hashing); the objects read stay loaded, and the
    next statement starts a new transaction. Call it before the first write: with ORM changes
    pending it does nothing (they stay in one transaction, the connection stays held)."""
    if session.new or session.dirty or session.deleted or not session.in_transaction():
        return
    await session.commit()


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
    session: AsyncSession, table: Any, changes: Sequence[dict[str, Any]], *, only_if: Any = None
) -> None:
    """Updates many rows, each by its `id` with its own values, in a few statements:
    `SET col = CASE id WHEN .. THEN .. END WHERE id IN (..)` per group of rows that set the
    same columns. An executemany of UPDATEs is one round trip per row on MySQL drivers.
    `only_if`: a further condition a row must meet to be changed (e.g. still held by a claim).
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
            statement = update(table).where(id_column.in_([row["id"] for row in chunk]))
            if only_if is not None:
                statement = statement.where(only_if)
            await session.execute(
                statement.values(values).execution_options(synchronize_session=False)
            )
