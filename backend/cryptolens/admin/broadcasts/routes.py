"""`/admin/broadcasts`: the audience's counts, send now or schedule, cancel, list, read;
the templates' routes are included (template_routes.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Query, Request, Response

from cryptolens.admin.broadcasts.schemas import (
    AudienceOut,
    BroadcastIn,
    BroadcastOut,
    BroadcastStatus,
    FailureOut,
)
from cryptolens.admin.broadcasts.template_routes import router as template_router
from cryptolens.admin.deps import AdminActor, AuditDep
from cryptolens.core.deps import ClockDep, JobQueueDep, SessionDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.errors import RateLimitedError, ValidationFailedError
from cryptolens.core.paging import PageParams, PageRequest, ok_page
from cryptolens.core.params import EntityId, OptionalInstant, instant_query
from cryptolens.core.ratelimit import limiter_of
from cryptolens.db import from_ms
from cryptolens.notifications.broadcasting import service

router = APIRouter(tags=["admin"])
router.include_router(template_router)

BROADCASTS_PER_ADMIN = "10/hour"
_NOT_FOUND = {404: "No broadcast with this id (`not_found`)"}
_TIERS = ("free", "pro", "premium")


def _out(view: service.BroadcastView) -> BroadcastOut:
    broadcast = view.broadcast
    return BroadcastOut(
        id=broadcast.id,
        template_id=broadcast.template_id,
        title=broadcast.title,
        message=broadcast.message,
        priority=broadcast.priority,
        tags=list(broadcast.tags),
        tiers=[tier for tier in _TIERS if tier in broadcast.tiers],
        status=broadcast.status,
        scheduled_for=broadcast.scheduled_for,
        created_by=broadcast.created_by,
        created_at=broadcast.created_at,
        started_at=broadcast.started_at,
        completed_at=broadcast.completed_at,
        cancelled_at=broadcast.cancelled_at,
        recipients=view.recipients,
        sent=view.sent,
        failed=view.failed,
        skipped=view.skipped,
        queued=view.queued,
        failure_reasons=[FailureOut.model_validate(item) for item in broadcast.failure_reasons],
    )


def _tiers(values: list[str] | None) -> list[str] | None:
    """`tiers=free,pro` or `tiers=free&tiers=pro`; None: every tier."""
    if not values:
        return None
    tiers = [part.strip() for value in values for part in value.split(",") if part.strip()]
    unknown = sorted(set(tiers) - set(_TIERS))
    if unknown:
        raise ValidationFailedError(f"tiers: unknown tier {unknown[0]!r} (free, pro, premium)")
    return [tier for tier in _TIERS if tier in tiers] or None


@router.get(
    "/broadcasts/audience",
    operation_id="admin-broadcast-audience",
    summary="How many users a broadcast to these tiers would reach now (counts only)",
    response_model=Envelope[AudienceOut],
    responses=error_responses({422: "An unknown tier (`validation_error`)"}),
)
async def audience(
    db: SessionDep,
    clock: ClockDep,
    tiers: Annotated[
        list[str] | None,
        Query(description="Tiers, comma-separated or repeated (default: all)", max_length=3),
    ] = None,
) -> Envelope[AudienceOut]:
    counts = await service.audience(db, _tiers(tiers), clock.now())
    return ok(
        AudienceOut(
            total=counts.total,
            by_tier=counts.by_tier,
            excluded_unverified=counts.excluded_unverified,
            excluded_notifications_off=counts.excluded_notifications_off,
        )
    )


async def _spend_quota(request: Request, admin_id: int | None) -> None:
    """10 broadcasts an hour per admin (only broadcasts that would be created count)."""
    limiter = limiter_of(request.app)
    retry_after = await limiter.hit(BROADCASTS_PER_ADMIN, "admin-broadcasts", f"admin:{admin_id}")
    if retry_after is not None:
        raise RateLimitedError(retry_after, f"limit of {BROADCASTS_PER_ADMIN} per admin reached")


@router.post(
    "/broadcasts",
    operation_id="admin-broadcast-create",
    summary="Send a broadcast now (202, `sending`) or schedule it (201, `scheduled`)",
    status_code=202,
    response_model=Envelope[BroadcastOut],
    responses={
        201: {"model": Envelope[BroadcastOut], "description": "Scheduled for its minute"},
        **error_responses(
            {
                422: "Bad input (`validation_error`) or an unknown placeholder "
                "(`unknown_placeholder`)",
                429: "More than 10 broadcasts in an hour by this admin (`rate_limited`)",
            }
        ),
    },
)
async def create_broadcast(
    body: BroadcastIn,
    request: Request,
    response: Response,
    background: BackgroundTasks,
    db: SessionDep,
    actor: AdminActor,
    audit: AuditDep,
    clock: ClockDep,
    queue: JobQueueDep,
) -> Envelope[BroadcastOut]:
    broadcast = await service.create_broadcast(
        db, created_by=actor.user_id, **body.model_dump(), now=clock.now()
    )
    await _spend_quota(request, actor.user_id)
    await audit.record(
        "broadcast.create",
        target_type="broadcast",
        target_id=broadcast.id,
        after=service.broadcast_fields(broadcast),
    )
    if broadcast.status == "sending":
        # Background tasks run after the response, so after the commit made the row visible.
        background.add_task(
            queue.enqueue,
            service.BROADCAST_JOB,
            job_id=f"{service.BROADCAST_JOB}:{broadcast.id}",
            broadcast_id=broadcast.id,
        )
    else:
        response.status_code = 201
    return ok(_out(await service.get_broadcast(db, broadcast.id)))


@router.post(
    "/broadcasts/{broadcast_id}/cancel",
    operation_id="admin-broadcast-cancel",
    summary="Cancel a scheduled broadcast",
    response_model=Envelope[BroadcastOut],
    responses=error_responses(
        {**_NOT_FOUND, 409: "The broadcast is not scheduled (`invalid_transition`)"}
    ),
)
async def cancel_broadcast(
    broadcast_id: EntityId, db: SessionDep, audit: AuditDep, clock: ClockDep
) -> Envelope[BroadcastOut]:
    broadcast = await service.cancel_broadcast(db, broadcast_id, clock.now())
    await audit.record(
        "broadcast.cancel",
        target_type="broadcast",
        target_id=broadcast_id,
        before={"status": "scheduled"},
        after={"status": broadcast.status},
    )
    return ok(_out(await service.get_broadcast(db, broadcast_id)))


@router.get(
    "/broadcasts",
    operation_id="admin-broadcasts",
    summary="Broadcasts, newest first",
    response_model=Envelope[list[BroadcastOut]],
)
async def list_broadcasts(
    db: SessionDep,
    page: PageParams,
    status: Annotated[BroadcastStatus | None, Query()] = None,
    since: Annotated[OptionalInstant, instant_query("Created at or after")] = None,
) -> Envelope[list[BroadcastOut]]:
    request = PageRequest.from_cursor(page.cursor, key_size=1, limit=page.limit)
    views = await service.list_broadcasts(
        db, status, None if since is None else from_ms(since), request
    )
    return ok_page(views.map(_out))


@router.get(
    "/broadcasts/{broadcast_id}",
    operation_id="admin-broadcast",
    summary="One broadcast with its totals",
    response_model=Envelope[BroadcastOut],
    responses=error_responses(_NOT_FOUND),
)
async def get_broadcast(broadcast_id: EntityId, db: SessionDep) -> Envelope[BroadcastOut]:
    return ok(_out(await service.get_broadcast(db, broadcast_id)))
