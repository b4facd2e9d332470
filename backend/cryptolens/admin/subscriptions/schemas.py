"""Subscriptions as the admin API shows and changes them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

from cryptolens.access.tiers import Tier
from cryptolens.billing import service as billing_service
from cryptolens.billing.admin import service as billing_admin
from cryptolens.core.iso_times import IsoInstant

GrantablePlan = Literal["pro", "premium"]
SubscriptionStatus = Literal["active", "cancelled", "expired", "suspended"]
MAX_GRANT_DAYS = 3650


class GrantIn(BaseModel):
    """`{plan, days}` (1-3650, added to the current end while it gives a tier) or
    `{plan, lifetime: true}` (the plan's tier for ever)."""

    model_config = ConfigDict(extra="forbid")

    plan: GrantablePlan
    days: int | None = Field(default=None, ge=1, le=MAX_GRANT_DAYS, strict=True)
    lifetime: StrictBool = False

    @model_validator(mode="after")
    def _days_or_lifetime(self) -> Self:
        if self.lifetime and self.days is not None:
            raise ValueError("days: give days or lifetime: true, not both")
        if not self.lifetime and self.days is None:
            raise ValueError("days: give days (1-3650) or lifetime: true")
        return self

    @property
    def tier(self) -> Tier:
        return Tier(self.plan)


class AdminSubscriptionOut(BaseModel):
    user_id: int
    email: str | None = Field(description="The user's email address")
    plan: Literal["pro", "premium", "free"] = Field(
        description="The tier of the plan (free: a plan no longer offered)"
    )
    plan_code: str = Field(
        description="The stored plan: `pro` or `premium` (admin grants) or a bought plan such "
        "as `pro_monthly`",
        examples=["pro_monthly"],
    )
    status: SubscriptionStatus
    started_at: IsoInstant
    expires_at: IsoInstant | None = Field(description="null: lifetime, never expires")
    lifetime: bool
    grace_days: int = Field(description="Days an active subscription keeps its tier past expiry")
    in_grace: bool = Field(description="Active, past expires_at, within the grace days")
    cancelled_at: IsoInstant | None
    updated_at: IsoInstant
    tier: Tier = Field(description="The tier it gives now (free when it gives none)")

    @classmethod
    def of(
        cls, subscription: billing_admin.Subscription, now: datetime, email: str | None
    ) -> AdminSubscriptionOut:
        expires_at = subscription.expires_at
        in_grace = (
            subscription.status == "active"
            and expires_at is not None
            and expires_at <= now < expires_at + timedelta(days=subscription.grace_days)
        )
        return cls(
            user_id=subscription.user_id,
            email=email,
            plan=billing_admin.tier_of(subscription).value,
            plan_code=subscription.plan,
            status=subscription.status,
            started_at=subscription.started_at,
            expires_at=expires_at,
            lifetime=expires_at is None,
            grace_days=subscription.grace_days,
            in_grace=in_grace,
            cancelled_at=subscription.cancelled_at,
            updated_at=subscription.updated_at,
            tier=billing_service.tier_from_subscription(subscription, now),
        )
