"""`/api/v1/billing`: the plans on offer (checkout, payments and webhooks come later)."""

from __future__ import annotations

from fastapi import APIRouter

from cryptolens.billing.plans import plan_catalogue
from cryptolens.billing.schemas import PlanOut
from cryptolens.core.deps import SettingsDep
from cryptolens.core.envelope import Envelope, ok

router = APIRouter(prefix="/api/v1/billing", tags=["billing"])


@router.get(
    "/plans",
    operation_id="billing-plans",
    summary="The plans, their prices and what each tier allows",
    response_model=Envelope[list[PlanOut]],
)
async def plans(settings: SettingsDep) -> Envelope[list[PlanOut]]:
    catalogue = plan_catalogue(settings.plans).values()
    return ok([PlanOut.model_validate(plan) for plan in catalogue])
