"""Response models of plans and subscriptions (a tier's limits: access.schemas)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AliasChoices, BaseModel, BeforeValidator, ConfigDict, Field

from cryptolens.access.schemas import LimitsOut
from cryptolens.access.tiers import Tier, limits_for
from cryptolens.core.iso_times import IsoInstant


def _limits_of_tier(value: object) -> object:
    return LimitsOut.of(limits_for(value)) if isinstance(value, Tier) else value


class PlanOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)  # built from a Plan

    code: str = Field(examples=["pro_monthly"])
    tier: Tier
    period: Literal["monthly", "yearly"]
    price_usd: Decimal = Field(examples=["19"])
    days: int
    # From a plan: what its tier allows.
    limits: Annotated[LimitsOut, BeforeValidator(_limits_of_tier)] = Field(
        validation_alias=AliasChoices("limits", "tier")
    )


class SubscriptionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    plan: str
    status: Literal["active", "cancelled", "expired", "suspended"]
    started_at: IsoInstant
    expires_at: IsoInstant | None
    grace_days: int
