"""`/admin/errors`: error groups seen last first, one with its occurrences, status changes
and stats (admin.md, "Errors"). The rules are error tracking's (system/errors/service.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from cryptolens.admin.deps import AuditDep
from cryptolens.admin.errors.schemas import (
    ErrorGroupDetailOut,
    ErrorGroupFullOut,
    ErrorGroupOut,
    ErrorSourceOut,
    ErrorStatsOut,
    ErrorStatusIn,
    ErrorStatusOut,
)
from cryptolens.core.deps import ClockDep, SessionDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.paging import PageParams, PageRequest, ok_page
from cryptolens.core.params import STRICT_INT, EntityId, OptionalInstant, instant_query
from cryptolens.db import from_ms
from cryptolens.system.errors import service as error_tracking
from cryptolens.system.errors.schemas import ErrorFilters

router = APIRouter(tags=["admin"])

_NOT_FOUND = {404: "No error group with this id (`not_found`)"}


# Declared before /errors/{error_id}, which would otherwise take "stats" for an id.
@router.get(
    "/errors/stats",
    operation_id="admin-error-stats",
    summary="Occurrences and new groups per UTC day, groups by status, the top 10",
    response_model=Envelope[ErrorStatsOut],
)
async def error_stats(
    db: SessionDep,
    clock: ClockDep,
    days: Annotated[
        int, Query(ge=1, le=90, description="UTC days, today included"), STRICT_INT
    ] = 7,
) -> Envelope[ErrorStatsOut]:
    stats = await error_tracking.stats(db, days, clock.now())
    return ok(ErrorStatsOut.of(days, stats))


@router.get(
    "/errors",
    operation_id="admin-errors",
    summary="Error groups, last seen first, filtered",
    response_model=Envelope[list[ErrorGroupOut]],
)
async def list_errors(
    db: SessionDep,
    page: PageParams,
    status: ErrorStatusOut | None = None,
    source: Annotated[
        ErrorSourceOut | None, Query(description="`api` (500s) or `job` (failed runs)")
    ] = None,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="In the type or message, any case"),
    ] = None,
    since: Annotated[OptionalInstant, instant_query("Groups last seen at or after")] = None,
) -> Envelope[list[ErrorGroupOut]]:
    filters = ErrorFilters(
        status=status,
        source=source,
        q=q,
        since=None if since is None else from_ms(since),
    )
    request = PageRequest.from_cursor(page.cursor, key_size=2, limit=page.limit)
    groups = await error_tracking.list_groups(db, filters, request)
    return ok_page(groups.map(ErrorGroupOut.model_validate))


@router.get(
    "/errors/{error_id}",
    operation_id="admin-error",
    summary="An error group with its latest occurrences and daily counts",
    response_model=Envelope[ErrorGroupDetailOut],
    responses=error_responses(_NOT_FOUND),
)
async def get_error(
    error_id: EntityId, db: SessionDep, clock: ClockDep
) -> Envelope[ErrorGroupDetailOut]:
    detail = await error_tracking.group_detail(db, error_id, clock.now().date())
    return ok(ErrorGroupDetailOut.of(detail))


@router.post(
    "/errors/{error_id}/status",
    operation_id="admin-error-status",
    summary="Set an error group's status (new, acknowledged, resolved, ignored), with a note",
    response_model=Envelope[ErrorGroupFullOut],
    responses=error_responses(
        {
            **_NOT_FOUND,
            409: "The group has this status already (`invalid_transition`)",
        }
    ),
)
async def set_error_status(
    error_id: EntityId, body: ErrorStatusIn, db: SessionDep, audit: AuditDep
) -> Envelope[ErrorGroupFullOut]:
    before, group = await error_tracking.change_status(
        db,
        error_id,
        body.status,
        note=body.note,
        by_user_id=audit.actor.user_id,
        by_label=audit.actor.email,
        now=audit.now,
    )
    await audit.record(
        "error.update",
        target_type="error",
        target_id=group.id,
        before={"status": before},
        after={"status": group.status, "note": body.note},
    )
    return ok(ErrorGroupFullOut.model_validate(group))
