"""The billing mails: a receipt, a failed payment, a cancelled subscription. They name the
plan, the amount with its currency and the dates; never a provider id, key or checkout link
(a checkout link would let whoever reads the mail pay into the account)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from cryptolens.billing.catalogue import money
from cryptolens.billing.reads import PaymentRow
from cryptolens.core.mail import MailMessage

MailKind = Literal["receipt", "failure", "cancellation"]
MAIL_KINDS: tuple[MailKind, ...] = ("receipt", "failure", "cancellation")


def _day(moment: datetime | None) -> str:
    return "-" if moment is None else f"{moment:%Y-%m-%d %H:%M} UTC"


def _plan(payment: PaymentRow) -> str:
    return f"{payment.plan.capitalize()} ({payment.cycle})"


def _amount(payment: PaymentRow) -> str:
    return f"{money(payment.amount)} {payment.currency}"


def receipt_mail(to: str, payment: PaymentRow, public_url: str) -> MailMessage:
    link = f"{public_url.rstrip('/')}/billing/payments/{payment.id}"
    return MailMessage(
        to=to,
        subject=f"Your CryptoLens receipt: {_plan(payment)}, {_amount(payment)}",
        text=(
            "Thank you for your payment.\n\n"
            f"Plan: {_plan(payment)}\n"
            f"Amount: {_amount(payment)}\n"
            f"Paid: {_day(payment.completed_at)}\n"
            f"Period: {_day(payment.period_start)} to {_day(payment.expires_at)}\n"
            f"Receipt number: {payment.id}\n\n"
            f"Your receipt and payment history: {link}\n"
        ),
    )


def failure_mail(to: str, payment: PaymentRow, public_url: str) -> MailMessage:
    reason = payment.failure_reason or "the payment was not completed"
    return MailMessage(
        to=to,
        subject=f"Your CryptoLens payment for {_plan(payment)} did not go through",
        text=(
            f"Your payment of {_amount(payment)} for {_plan(payment)} failed: {reason}.\n\n"
            "Nothing was credited and your plan is unchanged. You can start a new checkout "
            f"from the billing page: {public_url.rstrip('/')}/billing\n"
        ),
    )


def cancellation_mail(
    to: str, plan: str, access_until: datetime | None, public_url: str
) -> MailMessage:
    until = (
        f"You keep {plan.capitalize()} until {_day(access_until)}; it will not renew."
        if access_until is not None
        else f"Your {plan.capitalize()} access has ended."
    )
    return MailMessage(
        to=to,
        subject=f"Your CryptoLens {plan.capitalize()} subscription is cancelled",
        text=(
            f"Your subscription was cancelled. {until}\n\n"
            f"You can subscribe again at any time: {public_url.rstrip('/')}/billing\n"
        ),
    )


def billing_mail(
    kind: MailKind,
    to: str,
    payment: PaymentRow,
    access_until: datetime | None,
    public_url: str,
) -> MailMessage:
    """The mail of `kind` about `payment` (a cancellation: about the subscription it funds,
    whose access lasts until `access_until`)."""
    if kind == "receipt":
        return receipt_mail(to, payment, public_url)
    if kind == "failure":
        return failure_mail(to, payment, public_url)
    return cancellation_mail(to, payment.plan, access_until, public_url)
