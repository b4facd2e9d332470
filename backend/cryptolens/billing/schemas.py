"""Request and response models of the billing API: plans, checkouts, payments, the caller's
subscription, provider webhooks and the fake provider's checkout (a tier's limits:
access.schemas)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from cryptolens.access.schemas import LimitsOut
from cryptolens.access.tiers import Tier
from cryptolens.core.iso_times import IsoInstant

PlanChoice = Literal["pro", "premium"]
CycleChoice = Literal["monthly", "yearly"]
MethodChoice = Literal["card", "crypto"]
PaymentStatus = Literal["pending", "completed", "failed", "expired", "refunded"]
WebhookStatus = Literal["applied", "ignored", "rejected", "duplicate"]
# Money in the API: a decimal string with two places ("19.00"), never a float.
_MONEY = r"^[0-9]+\.[0-9]{2}$"


class PriceOut(BaseModel):
    cycle: CycleChoice
    amount: str = Field(pattern=_MONEY, examples=["190.00"])
    currency: Literal["USD"]
    days: int = Field(examples=[365])
    monthly_equivalent: str = Field(pattern=_MONEY, examples=["15.83"])
    saving_pct: int | None = Field(
        examples=[17], description="Yearly only: percent saved against twelve monthly payments"
    )


class PlanOut(BaseModel):
    plan: Tier
    prices: list[PriceOut] = Field(description="Empty for free")
    features: list[str] = Field(examples=[["All symbols", "REST API keys"]])
    limits: LimitsOut


class CheckoutIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    plan: PlanChoice
    cycle: CycleChoice
    method: MethodChoice = Field(description="card, or crypto (one period, paid in a coin)")


class CheckoutOut(BaseModel):
    payment_id: int
    checkout_url: str = Field(examples=["https://checkout.example.com/c/8f2a"])
    reused: bool = Field(description="A pending checkout of the same choice was handed back")


class PaymentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)  # built from a Payment row

    id: int
    provider: Literal["card", "crypto", "fake"]
    method: MethodChoice
    kind: Literal["checkout", "renewal"]
    plan: PlanChoice
    cycle: CycleChoice
    amount: str = Field(pattern=_MONEY, examples=["19.00"])
    currency: str = Field(examples=["USD"])
    status: PaymentStatus
    provider_status: str | None = Field(examples=["confirming"])
    failure_reason: str | None
    checkout_url: str | None = Field(description="While pending only")
    created_at: IsoInstant
    completed_at: IsoInstant | None
    period_start: IsoInstant | None
    expires_at: IsoInstant | None
    refunded_at: IsoInstant | None
    final: bool = Field(description="No event will change the status any more (stop polling)")


class ScheduledChangeOut(BaseModel):
    plan: PlanChoice
    cycle: CycleChoice
    starts_at: IsoInstant


class BillingSubscriptionOut(BaseModel):
    plan: Tier | None = Field(description="The subscribed plan (null: none)")
    tier: Tier = Field(description="The tier in effect now")
    status: Literal["active", "cancelled", "expired", "suspended"] | None
    cycle: CycleChoice | None
    expires_at: IsoInstant | None = Field(description="Null with a plan: never ends")
    cancelled_at: IsoInstant | None
    renews: bool = Field(description="A card subscription renews at expires_at")
    scheduled: ScheduledChangeOut | None = Field(description="A downgrade paid for, waiting")
    can_cancel: bool


class FakeOutcomeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Literal["paid", "failed"]


class FakeCheckoutOut(BaseModel):
    payment_id: int
    plan: PlanChoice
    cycle: CycleChoice
    amount: str = Field(pattern=_MONEY, examples=["19.00"])
    currency: str = Field(examples=["USD"])
    status: PaymentStatus
    final: bool


class WebhookAckOut(BaseModel):
    status: WebhookStatus


class SubscriptionOut(BaseModel):
    """The subscription as the profile shows it (profile/)."""

    model_config = ConfigDict(from_attributes=True)

    plan: str
    status: Literal["active", "cancelled", "expired", "suspended"]
    started_at: IsoInstant
    expires_at: IsoInstant | None
    grace_days: int
