"""`/admin/payments`: every payment (filtered, newest first), one with the provider events
recorded for it, and the refund mark (audited; applies the refund rule)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from cryptolens.admin.deps import AuditDep
from cryptolens.admin.payments import service
from cryptolens.admin.payments.schemas import (
    AdminPaymentDetailOut,
    AdminPaymentListOut,
    PaymentStatus,
    ProviderName,
    RefundIn,
)
from cryptolens.billing.admin.payments import service as billing_payments
from cryptolens.core.deps import ClockDep, SessionDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.paging import PageParams, ok_page
from cryptolens.core.params import MAX_INT64, STRICT_INT, EntityId

router = APIRouter(tags=["admin"])

_NOT_FOUND = {404: "No payment with this id (`not_found`)"}


@router.get(
    "/payments",
    operation_id="admin-payments",
    summary="Payments, newest first, filtered",
    response_model=Envelope[list[AdminPaymentListOut]],
)
async def list_payments(
    db: SessionDep,
    page: PageParams,
    user_id: Annotated[int | None, Query(ge=1, le=MAX_INT64), STRICT_INT] = None,
    status: PaymentStatus | None = None,
    provider: ProviderName | None = None,
) -> Envelope[list[AdminPaymentListOut]]:
    filters = billing_payments.PaymentFilters(user_id=user_id, status=status, provider=provider)
    return ok_page(await service.list_payments(db, filters, page.cursor, page.limit))


@router.get(
    "/payments/{payment_id}",
    operation_id="admin-payment",
    summary="A payment with the provider events recorded for it",
    response_model=Envelope[AdminPaymentDetailOut],
    responses=error_responses(_NOT_FOUND),
)
async def payment_detail(payment_id: EntityId, db: SessionDep) -> Envelope[AdminPaymentDetailOut]:
    return ok(await service.payment_detail(db, payment_id))


@router.post(
    "/payments/{payment_id}/refund",
    operation_id="admin-refund-payment",
    summary="Mark a completed payment refunded (the money goes back at the provider)",
    description=(
        "Applies the refund rule: the refund of the payment funding the current period "
        "suspends the subscription at once (free now), of a scheduled downgrade clears the "
        "schedule, of any other payment changes no subscription. Audited with the reason."
    ),
    response_model=Envelope[AdminPaymentDetailOut],
    responses=error_responses(
        {**_NOT_FOUND, 409: "Only a completed payment can be refunded (`payment_not_refundable`)"}
    ),
)
async def refund_payment(
    payment_id: EntityId, body: RefundIn, db: SessionDep, clock: ClockDep, audit: AuditDep
) -> Envelope[AdminPaymentDetailOut]:
    mark, out = await service.mark_refunded(db, payment_id, clock.now())
    await audit.record(
        "payment.refund",
        target_type="payment",
        target_id=payment_id,
        before=mark.before,
        after={**mark.after, "reason": body.reason},
    )
    return ok(out)
