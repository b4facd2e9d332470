"""Payments as the admin API shows them (provider ids included: they find the payment in the
provider's dashboard)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from cryptolens.billing.admin.payments import service as billing_payments
from cryptolens.core.iso_times import IsoInstant

PaymentStatus = Literal["pending", "completed", "failed", "expired", "refunded"]
ProviderName = Literal["card", "crypto", "fake"]


class AdminPaymentOut(BaseModel):
    """A payment as the user page lists it (billing's PaymentRow)."""

    model_config = ConfigDict(from_attributes=True)  # built from PaymentRow

    id: int
    user_id: int
    provider: ProviderName
    method: Literal["card", "crypto"] = Field(description="What the user chose")
    kind: Literal["checkout", "renewal"]
    plan: Literal["pro", "premium"]
    cycle: Literal["monthly", "yearly"]
    amount: Decimal = Field(description="The plan's price for the cycle", examples=["19.00"])
    currency: str = Field(examples=["USD"])
    status: PaymentStatus
    provider_status: str | None = Field(description="The provider's own last word")
    failure_reason: str | None
    provider_checkout_id: str | None
    provider_object_id: str | None = Field(description="The order, invoice payment or renewal")
    provider_subscription_id: str | None
    created_at: IsoInstant
    completed_at: IsoInstant | None
    period_start: IsoInstant | None = Field(description="Start of the period it funded")
    expires_at: IsoInstant | None = Field(description="End of the period it funded")
    refunded_at: IsoInstant | None
    refunded_by: Literal["provider", "admin"] | None


class AdminPaymentListOut(AdminPaymentOut):
    email: str | None = Field(description="The user's email address")
    paid_amount: Decimal | None = Field(description="Crypto: what arrived, in paid_currency")
    paid_currency: str | None
    checkout_expires_at: IsoInstant | None = Field(description="Payable until (pending only)")
    updated_at: IsoInstant

    @classmethod
    def of(cls, payment: billing_payments.Payment, email: str | None) -> AdminPaymentListOut:
        return cls(**_columns(cls, payment), email=email)


def _columns(model: type[BaseModel], payment: billing_payments.Payment) -> dict[str, object]:
    """The payment's columns that the out-model shows."""
    return {
        name: getattr(payment, name)
        for name in model.model_fields
        if name not in ("email", "events")
    }


class PaymentEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)  # built from PaymentEvent rows

    id: int
    event_id: str = Field(description="The provider's event id (each applies once)")
    event_type: str = Field(description="The provider's name for it", examples=["order_created"])
    outcome: Literal["applied", "ignored", "rejected"]
    detail: str | None
    received_at: IsoInstant


class AdminPaymentDetailOut(AdminPaymentListOut):
    events: list[PaymentEventOut] = Field(description="Provider events recorded, oldest first")

    @classmethod
    def of_detail(
        cls, detail: billing_payments.PaymentDetail, email: str | None
    ) -> AdminPaymentDetailOut:
        return cls(
            **_columns(cls, detail.payment),
            email=email,
            events=[PaymentEventOut.model_validate(event) for event in detail.events],
        )


class RefundIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)
    ] = Field(description="Why (kept in the audit log)")
