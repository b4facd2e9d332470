"""`GET /admin/audit-log`: who changed what, newest first."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from cryptolens.admin.audit.schemas import AuditEntryOut
from cryptolens.core.deps import SessionDep
from cryptolens.core.envelope import Envelope
from cryptolens.core.paging import PageParams, PageRequest, ok_page
from cryptolens.core.params import STRICT_INT, OptionalInstant, instant_query
from cryptolens.db import from_ms
from cryptolens.system.audit import service as audit_service
from cryptolens.system.audit.schemas import AuditFilters

router = APIRouter(tags=["admin"])


@router.get(
    "/audit-log",
    operation_id="admin-audit-log",
    summary="The audit log of admin writes",
    response_model=Envelope[list[AuditEntryOut]],
)
async def audit_log(
    db: SessionDep,
    page: PageParams,
    actor_id: Annotated[int | None, Query(ge=1), STRICT_INT] = None,
    action: Annotated[
        str | None,
        Query(
            max_length=64,
            pattern=r"^[a-z_]+(\.[a-z_]*)*$",
            description="An action (`user.update`), or a prefix ending in `.` (`user.`)",
        ),
    ] = None,
    target_type: Annotated[str | None, Query(max_length=32)] = None,
    target_id: Annotated[str | None, Query(max_length=64)] = None,
    since: Annotated[OptionalInstant, instant_query("Entries at or after")] = None,
    until: Annotated[OptionalInstant, instant_query("Entries before")] = None,
) -> Envelope[list[AuditEntryOut]]:
    filters = AuditFilters(
        actor_id=actor_id,
        action=action,
        target_type=target_type,
        target_id=target_id,
        since=None if since is None else from_ms(since),
        until=None if until is None else from_ms(until),
    )
    request = PageRequest.from_cursor(page.cursor, key_size=1, limit=page.limit)
    entries = await audit_service.list_entries(db, filters, request)
    return ok_page(entries.map(AuditEntryOut.model_validate))
