"""`/api/v1/admin/studies`: the admin's walk-forward parameter study (docs/rules/backtest.md
"Walk-forward parameter study"). Behind the admin guard, as every admin section (a router
dependency, so no route can forget it); writes are audited in their own transaction, as
admin.md's audit log asks. A study changes nothing live: using its values is a separate,
audited settings change (PUT /admin/settings/{key})."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Query, Request, Response, status

from cryptolens.access.deps import AdminPrincipal, admin_guard
from cryptolens.backtests import study_service
from cryptolens.backtests.study_jobs import queue_lanes
from cryptolens.backtests.study_schemas import StudyIn, StudyOut, StudyWindowOut
from cryptolens.core.deps import ClockDep, JobQueueDep, SessionDep, SettingsDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.job_queue import JobQueue
from cryptolens.core.paging import PageParams, PageRequest, ok_page
from cryptolens.core.params import EntityId
from cryptolens.core.request_context import current_request_id
from cryptolens.system.audit import service as audit
from cryptolens.system.audit.service import AuditActor

log = logging.getLogger("cryptolens.backtests.study")

router = APIRouter(
    prefix="/api/v1/admin",
    tags=["admin"],
    dependencies=[Depends(admin_guard)],
    responses=error_responses(
        {401: "Not signed in", 403: "Not an admin (`admin_required`), an API key, or CSRF failed"}
    ),
)

StudyStatus = Annotated[
    str | None,
    Query(pattern="^(queued|running|completed|failed|cancelled)$", description="Only this one"),
]


def _actor(request: Request, admin: AdminPrincipal) -> AuditActor:
    return AuditActor(
        user_id=admin.user.id,
        email=admin.user.email,
        ip=request.client.host if request.client else None,
        request_id=current_request_id.get(),
    )


AdminActorDep = Annotated[AuditActor, Depends(_actor)]


@router.post(
    "/studies",
    operation_id="admin-studies-create",
    summary="Queue a walk-forward parameter study",
    description=(
        "1-5 stored symbols; start and end whole UTC minutes (ms), the stored 1m candles "
        "covering 14 days before start; grid: tunable names to 1-10 values each, at most 100 "
        "combinations; 1-12 windows and symbols x windows x combinations at most 2,000. One "
        "study at a time. Changes nothing live."
    ),
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Envelope[StudyOut],
    responses=error_responses(
        {
            409: "Another study is queued or running (`limit_reached`)",
            422: "Invalid field (`validation_error`, naming it) or `insufficient_history`",
        }
    ),
)
async def create_study(
    body: StudyIn,
    background: BackgroundTasks,
    db: SessionDep,
    actor: AdminActorDep,
    queue: JobQueueDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> Envelope[StudyOut]:
    record = await study_service.submit(
        db, body, environment=settings, user_id=actor.user_id, now=clock.now()
    )
    await audit.record(
        db,
        actor,
        "study.create",
        target_type="study",
        target_id=record.id,
        now=clock.now(),
        after=study_service.audit_fields(record),
    )
    # The jobs read the rows: queued after the response, hence after the request's commit.
    background.add_task(_queue, queue, record.id)
    return ok(StudyOut.of(record))


async def _queue(queue: JobQueue, study_id: int) -> None:
    """The committed study stands whatever the queue does: without its jobs it stays queued
    until an admin cancels or deletes it."""
    try:
        await queue_lanes(queue.enqueue, study_id)
    except Exception as failure:  # the queue's store (Redis) is down
        log.warning("study.not_queued", extra={"study_id": study_id, "error": repr(failure)[:200]})


@router.get(
    "/studies",
    operation_id="admin-studies",
    summary="The parameter studies, newest first",
    response_model=Envelope[list[StudyOut]],
)
async def list_studies(
    db: SessionDep, page: PageParams, status: StudyStatus = None
) -> Envelope[list[StudyOut]]:
    request = PageRequest.from_cursor(page.cursor, key_size=1, limit=page.limit)
    return ok_page(await study_service.list_studies(db, request, status))


@router.get(
    "/studies/{study_id}",
    operation_id="admin-studies-get",
    summary="A study: inputs, status, progress, aggregates and the warning",
    response_model=Envelope[StudyOut],
    responses=error_responses({404: "No such study"}),
)
async def get_study(study_id: EntityId, db: SessionDep) -> Envelope[StudyOut]:
    return ok(await study_service.get_study(db, study_id))


@router.get(
    "/studies/{study_id}/windows",
    operation_id="admin-studies-windows",
    summary="A study's rows per symbol and window",
    response_model=Envelope[list[StudyWindowOut]],
    responses=error_responses({404: "No such study"}),
)
async def list_windows(
    study_id: EntityId,
    db: SessionDep,
    symbol: Annotated[
        str | None, Query(min_length=3, max_length=41, description="Only this symbol")
    ] = None,
) -> Envelope[list[StudyWindowOut]]:
    return ok(await study_service.list_windows(db, study_id, symbol))


@router.post(
    "/studies/{study_id}/cancel",
    operation_id="admin-studies-cancel",
    summary="Stop a queued or running study (its replay stops within seconds)",
    response_model=Envelope[StudyOut],
    responses=error_responses(
        {404: "No such study", 409: "Not queued or running (`invalid_transition`)"}
    ),
)
async def cancel_study(
    study_id: EntityId, db: SessionDep, actor: AdminActorDep, clock: ClockDep
) -> Envelope[StudyOut]:
    before = await study_service.load(db, study_id)
    previous = before.status
    record = await study_service.cancel(db, study_id, clock.now())
    await audit.record(
        db,
        actor,
        "study.cancel",
        target_type="study",
        target_id=study_id,
        now=clock.now(),
        before={"status": previous},
        after={"status": record.status},
    )
    return ok(StudyOut.of(record))


@router.delete(
    "/studies/{study_id}",
    operation_id="admin-studies-delete",
    summary="Delete a study (a running one stops)",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=error_responses({404: "No such study"}),
)
async def delete_study(
    study_id: EntityId, db: SessionDep, actor: AdminActorDep, clock: ClockDep
) -> Response:
    record = await study_service.delete(db, study_id)
    await audit.record(
        db,
        actor,
        "study.delete",
        target_type="study",
        target_id=study_id,
        now=clock.now(),
        before=study_service.audit_fields(record),
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)
