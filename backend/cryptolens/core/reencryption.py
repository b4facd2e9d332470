"""Re-encrypts stored Fernet ciphertexts with the newest key, so an old key can leave
CRYPTOLENS_ENCRYPTION_KEYS (`cryptolens rotate-encryption`). Each domain names its encrypted
columns; this walks one column by primary key in batches, one transaction per batch.

Idempotent and safe beside running processes: a value already under the newest key is left
alone, and each rewrite is conditional on the value read (a secret changed meanwhile, e.g. a
webhook secret rotated by its owner, is not overwritten with the old one re-encrypted)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import inspect, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import InstrumentedAttribute

from cryptolens.core.security import InvalidToken, SecretBox
from cryptolens.db import unit_of_work

DEFAULT_BATCH_SIZE = 500


@dataclass
class ReencryptionCount:
    column: str
    rewritten: int = 0  # now under the newest key
    current: int = 0  # already were (or changed meanwhile)
    unreadable: int = 0  # no configured key opens them: left as they are

    def __str__(self) -> str:
        return (
            f"{self.column}: {self.rewritten} re-encrypted, {self.current} already current, "
            f"{self.unreadable} unreadable"
        )


async def reencrypt_column(
    factory: async_sessionmaker[AsyncSession],
    box: SecretBox,
    column: InstrumentedAttribute[str] | InstrumentedAttribute[str | None],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> ReencryptionCount:
    model = column.class_
    assert isinstance(model, type), "a mapped class's column, not an alias's"
    (key,) = inspect(model).primary_key  # every encrypted table has a one-column key
    count = ReencryptionCount(f"{model.__tablename__}.{column.key}")
    after = None
    while True:
        async with unit_of_work(factory) as db:
            query = select(key, column).where(column.is_not(None)).order_by(key).limit(batch_size)
            if after is not None:
                query = query.where(key > after)
            rows = (await db.execute(query)).all()
            for row_id, value in rows:
                await _reencrypt_one(db, box, model, key, column, row_id, value, count)
        if len(rows) < batch_size:
            return count
        after = rows[-1][0]


async def _reencrypt_one(
    db: AsyncSession,
    box: SecretBox,
    model: type,
    key: object,
    column: InstrumentedAttribute[str] | InstrumentedAttribute[str | None],
    row_id: object,
    value: str,
    count: ReencryptionCount,
) -> None:
    if not box.needs_rotation(value):
        count.current += 1
        return
    try:
        fresh = box.rotate(value)
    except InvalidToken:
        count.unreadable += 1
        return
    result = await db.execute(
        update(model)
        .where(key == row_id, column == value)  # type: ignore[arg-type]
        .values({column.key: fresh})
        .execution_options(synchronize_session=False)
    )
    if result.rowcount:  # type: ignore[attr-defined]
        count.rewritten += 1
    else:
        count.current += 1
