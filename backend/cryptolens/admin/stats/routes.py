"""`GET /admin/stats`: users, subscriptions, revenue and daily activity (cached 5 minutes)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from cryptolens.admin.stats import service
from cryptolens.admin.stats.schemas import AdminStatsOut
from cryptolens.core.deps import CacheDep, ClockDep, SessionDep
from cryptolens.core.envelope import Envelope, ok
from cryptolens.core.params import STRICT_INT

router = APIRouter(tags=["admin"])


@router.get(
    "/stats",
    operation_id="admin-stats",
    summary="Users and subscriptions by tier, revenue by month, activity by day",
    description=(
        "Users (total, active, verified) by tier now, admins counted as premium; subscriptions "
        "conferring a tier now by plan, lifetime, in grace, expiring within 7 days; revenue per "
        "UTC month of completed_at (completed payments, refunds apart; USD); per UTC day, "
        "signals created, patterns confirmed and signal pushes sent, failed and skipped. "
        "Counted at most every 5 minutes (`generated_at` says when)."
    ),
    response_model=Envelope[AdminStatsOut],
)
async def admin_stats(
    db: SessionDep,
    cache: CacheDep,
    clock: ClockDep,
    days: Annotated[
        int, Query(ge=1, le=90, description="UTC days, today included"), STRICT_INT
    ] = 30,
    months: Annotated[
        int, Query(ge=1, le=36, description="UTC months, this one included"), STRICT_INT
    ] = 12,
) -> Envelope[AdminStatsOut]:
    return ok(await service.admin_stats(db, cache, clock.now(), days, months))
