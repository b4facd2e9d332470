"""The admin's payment pages composed with the accounts domain (the users' emails)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.admin.payments.schemas import AdminPaymentDetailOut, AdminPaymentListOut
from cryptolens.auth import service as auth_service
from cryptolens.billing.admin.payments import service as billing_payments
from cryptolens.core.paging import Page

LATEST_OF_USER = 10


async def _emails_of(db: AsyncSession, user_ids: list[int]) -> dict[int, str]:
    users = await auth_service.users_by_ids(db, sorted(set(user_ids)))
    return {user.id: user.email for user in users}


async def list_payments(
    db: AsyncSession, filters: billing_payments.PaymentFilters, cursor: str | None, limit: int
) -> Page[AdminPaymentListOut]:
    found = await billing_payments.list_payments(db, filters, cursor, limit)
    emails = await _emails_of(db, [row.user_id for row in found.items])
    return found.map(lambda row: AdminPaymentListOut.of(row, emails.get(row.user_id)))


async def payment_detail(db: AsyncSession, payment_id: int) -> AdminPaymentDetailOut:
    detail = await billing_payments.payment_detail(db, payment_id)
    emails = await _emails_of(db, [detail.payment.user_id])
    return AdminPaymentDetailOut.of_detail(detail, emails.get(detail.payment.user_id))


async def mark_refunded(
    db: AsyncSession, payment_id: int, now: datetime
) -> tuple[billing_payments.RefundMark, AdminPaymentDetailOut]:
    mark = await billing_payments.mark_refunded(db, payment_id, now)
    return mark, await payment_detail(db, payment_id)
