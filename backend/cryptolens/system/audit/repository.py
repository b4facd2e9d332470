"""Every query of the audit_log table."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.paging import Keyset, Page, PageRequest
from cryptolens.system.audit.models import AuditEntry
from cryptolens.system.audit.schemas import AuditFilters

NEWEST_FIRST = Keyset(AuditEntry.id)


async def add(session: AsyncSession, entry: AuditEntry) -> AuditEntry:
    session.add(entry)
    await session.flush()
    return entry


async def list_page(
    session: AsyncSession, filters: AuditFilters, request: PageRequest
) -> Page[AuditEntry]:
    statement = select(AuditEntry)
    if filters.actor_id is not None:
        statement = statement.where(AuditEntry.actor_id == filters.actor_id)
    if filters.action is not None:
        if filters.action.endswith("."):
            statement = statement.where(
                AuditEntry.action.startswith(filters.action, autoescape=True)
            )
        else:
            statement = statement.where(AuditEntry.action == filters.action)
    if filters.target_type is not None:
        statement = statement.where(AuditEntry.target_type == filters.target_type)
    if filters.target_id is not None:
        statement = statement.where(AuditEntry.target_id == filters.target_id)
    if filters.since is not None:
        statement = statement.where(AuditEntry.created_at >= filters.since)
    if filters.until is not None:
        statement = statement.where(AuditEntry.created_at < filters.until)
    return await NEWEST_FIRST.page(session, statement, request)


async def delete_older_than(session: AsyncSession, cutoff: datetime) -> int:
    result = await session.execute(delete(AuditEntry).where(AuditEntry.created_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)
