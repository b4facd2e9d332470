"""`/api/v1/billing`: the plans on offer (checkout, payments and webhooks come later)."""

from __future__ import annotations

from fastapi import APIRouter

from cryptolens.auth.deps import AuthToolkitDep
from cryptolens.billing.plans import plan_catalogue
from cryptolens.billing.schemas import PlanOut
from cryptolens.billing.tiers import limits_for
from cryptolens.core.envelope import Envelope, ok

router = APIRouter(prefix="/api/v1/billing", tags=["billing"])


@router.get(
    "/plans",
    operation_id="billing-plans",
    summary="The plans, their prices and what each tier allows",
    response_model=Envelope[list[PlanOut]],
)
async def plans(tools: AuthToolkitDep) -> Envelope[list[PlanOut]]:
    catalogue = plan_catalogue(tools.config).values()
    return ok([PlanOut.of(plan, limits_for(plan.tier)) for plan in catalogue])
