"""Every query of the API key tables. A user's keys are read through statements scoped to that
user; the identity lookup alone finds a key by its prefix."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.mysql import insert as mysql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.apikeys.models import ApiKey, ApiKeyUsage


async def keys_of(db: AsyncSession, user_id: int) -> list[ApiKey]:
    rows = await db.scalars(select(ApiKey).where(ApiKey.user_id == user_id).order_by(ApiKey.id))
    return list(rows)


async def count_unrevoked(db: AsyncSession, user_id: int) -> int:
    count = await db.scalar(
        select(func.count())
        .select_from(ApiKey)
        .where(ApiKey.user_id == user_id, ApiKey.status != "revoked")
    )
    return int(count or 0)


async def owned_key(
    db: AsyncSession, user_id: int, key_id: int, *, for_update: bool = False
) -> ApiKey | None:
    statement = select(ApiKey).where(ApiKey.id == key_id, ApiKey.user_id == user_id)
    if for_update:
        statement = statement.with_for_update()
    return await db.scalar(statement)


async def key_by_prefix(db: AsyncSession, prefix: str) -> ApiKey | None:
    return await db.scalar(select(ApiKey).where(ApiKey.prefix == prefix))


async def prefix_taken(db: AsyncSession, prefix: str) -> bool:
    return await db.scalar(select(ApiKey.id).where(ApiKey.prefix == prefix)) is not None


async def usage_of(db: AsyncSession, key_id: int, since: date) -> list[ApiKeyUsage]:
    rows = await db.scalars(
        select(ApiKeyUsage)
        .where(ApiKeyUsage.api_key_id == key_id, ApiKeyUsage.day >= since)
        .order_by(ApiKeyUsage.day)
    )
    return list(rows)


async def existing_key_ids(db: AsyncSession, key_ids: Iterable[int]) -> set[int]:
    ids = list(key_ids)
    if not ids:
        return set()
    return set(await db.scalars(select(ApiKey.id).where(ApiKey.id.in_(ids))))


async def add_usage(db: AsyncSession, key_id: int, day: date, requests: int, refused: int) -> None:
    """Adds to the day's row (created if missing), on both dialects."""
    values = {"api_key_id": key_id, "day": day, "requests": requests, "refused": refused}
    table = ApiKeyUsage.__table__
    statement: Any
    if db.get_bind().dialect.name == "sqlite":
        statement = sqlite_insert(ApiKeyUsage).values(values)
        statement = statement.on_conflict_do_update(
            index_elements=["api_key_id", "day"],
            set_={
                "requests": table.c.requests + statement.excluded.requests,
                "refused": table.c.refused + statement.excluded.refused,
            },
        )
    else:
        statement = mysql_insert(ApiKeyUsage).values(values)
        statement = statement.on_duplicate_key_update(
            requests=table.c.requests + statement.inserted.requests,
            refused=table.c.refused + statement.inserted.refused,
        )
    await db.execute(statement)


async def add_use(
    db: AsyncSession, key_id: int, requests: int, last: tuple[datetime, str] | None
) -> None:
    values: dict[str, Any] = {"total_requests": ApiKey.total_requests + requests}
    if last is not None:
        # The cache keeps only the latest use per key: it is newer than the row's.
        values["last_used_at"], values["last_used_ip"] = last[0], last[1][:45]
    await db.execute(update(ApiKey).where(ApiKey.id == key_id).values(values))
