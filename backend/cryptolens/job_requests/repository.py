"""Every query of the job_requests table. A request is read through a statement scoped to its
owner, so another user's id is simply not found."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.job_requests.models import JobRequest


async def add_request(session: AsyncSession, request: JobRequest) -> JobRequest:
    session.add(request)
    await session.flush()
    return request


async def owned_request(session: AsyncSession, public_id: str, user_id: int) -> JobRequest | None:
    statement = select(JobRequest).where(
        JobRequest.public_id == public_id, JobRequest.user_id == user_id
    )
    return await session.scalar(statement)


async def delete_created_before(session: AsyncSession, cutoff: datetime) -> int:
    """Every user's requests made before `cutoff` (the retention job: not owner-scoped)."""
    result = await session.execute(delete(JobRequest).where(JobRequest.created_at < cutoff))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
