"""A user's subscription. The tier is derived from it on read, never stored on the user."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from cryptolens.db import Base, utcnow

SUBSCRIPTION_STATUSES = ("active", "cancelled", "expired", "suspended")
PAYMENT_STATUSES = ("pending", "completed", "failed", "expired", "refunded")

_ID = BigInteger().with_variant(Integer, "sqlite")


class Subscription(Base):
    """One current subscription per user; payments (their own table) extend it."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'cancelled', 'expired', 'suspended')", name="status"),
    )

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        _ID, ForeignKey("users.id", ondelete="CASCADE"), unique=True
    )
    plan: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    # None: does not expire (granted by an admin, demo accounts).
    expires_at: Mapped[datetime | None] = mapped_column(default=None)
    grace_days: Mapped[int] = mapped_column(Integer, default=3)
    cancelled_at: Mapped[datetime | None] = mapped_column(default=None)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # The billing cycle and the completed payment that fund the current period (None: an
    # admin grant or a demo account); a refund of that payment suspends the subscription.
    cycle: Mapped[str | None] = mapped_column(String(10), default=None)
    funded_by_payment_id: Mapped[int | None] = mapped_column(_ID, default=None)
    # A downgrade paid for, taking effect at expires_at (then plan, cycle and funding switch
    # and expires_at moves on by the scheduled cycle's days).
    scheduled_plan: Mapped[str | None] = mapped_column(String(40), default=None)
    scheduled_cycle: Mapped[str | None] = mapped_column(String(10), default=None)
    scheduled_payment_id: Mapped[int | None] = mapped_column(_ID, default=None)


class Payment(Base):
    """One checkout (or one renewal of a provider subscription) and what became of it.

    Only what a card provider allows is kept: amounts, ids and statuses, never card data (the
    provider's hosted checkout collects it)."""

    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint(
            "status IN ('pending', 'completed', 'failed', 'expired', 'refunded')", name="status"
        ),
        Index("ix_payments_user_created", "user_id", "created_at"),
        Index("ix_payments_status_completed", "status", "completed_at"),
        Index("ix_payments_provider_checkout", "provider", "provider_checkout_id"),
        Index("ix_payments_provider_object", "provider", "provider_object_id"),
        Index("ix_payments_provider_subscription", "provider", "provider_subscription_id"),
    )

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    user_id: Mapped[int] = mapped_column(_ID, ForeignKey("users.id", ondelete="CASCADE"))
    provider: Mapped[str] = mapped_column(String(10))  # card, crypto, fake
    method: Mapped[str] = mapped_column(String(10))  # what the user chose: card, crypto
    kind: Mapped[str] = mapped_column(String(10), default="checkout")  # checkout, renewal
    plan: Mapped[str] = mapped_column(String(10))  # pro, premium
    cycle: Mapped[str] = mapped_column(String(10))  # monthly, yearly
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    status: Mapped[str] = mapped_column(String(10), default="pending")
    # The provider's own last word (waiting, confirming, partially_paid, paid, ...).
    provider_status: Mapped[str | None] = mapped_column(String(30), default=None)
    failure_reason: Mapped[str | None] = mapped_column(String(200), default=None)
    # Ours, unguessable, echoed by the provider (custom data, order id): finds the checkout.
    checkout_ref: Mapped[str] = mapped_column(String(64), unique=True)
    provider_checkout_id: Mapped[str | None] = mapped_column(String(128), default=None)
    provider_object_id: Mapped[str | None] = mapped_column(String(128), default=None)
    provider_subscription_id: Mapped[str | None] = mapped_column(String(128), default=None)
    checkout_url: Mapped[str | None] = mapped_column(String(2048), default=None)
    # What was actually paid (a crypto invoice: the coin and its amount).
    paid_amount: Mapped[Decimal | None] = mapped_column(Numeric(30, 12), default=None)
    paid_currency: Mapped[str | None] = mapped_column(String(20), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Until when a pending checkout may still be paid (and is reused for the same plan).
    checkout_expires_at: Mapped[datetime | None] = mapped_column(default=None)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    # The period this payment funded once completed: [period_start, expires_at).
    period_start: Mapped[datetime | None] = mapped_column(default=None)
    expires_at: Mapped[datetime | None] = mapped_column(default=None)
    refunded_at: Mapped[datetime | None] = mapped_column(default=None)
    refunded_by: Mapped[str | None] = mapped_column(String(20), default=None)  # provider, admin


class PaymentEvent(Base):
    """Every signed provider event received, once: the unique key makes a replay a no-op."""

    __tablename__ = "payment_events"
    __table_args__ = (UniqueConstraint("provider", "event_id", name="uq_payment_events_event"),)

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    provider: Mapped[str] = mapped_column(String(10))
    event_id: Mapped[str] = mapped_column(String(190))
    event_type: Mapped[str] = mapped_column(String(60))
    payment_id: Mapped[int | None] = mapped_column(_ID, default=None, index=True)
    # applied (changed a payment or subscription), ignored (unknown or foreign checkout, or
    # nothing to do), rejected (amount or currency wrong: the payment failed, no credit).
    outcome: Mapped[str] = mapped_column(String(10))
    detail: Mapped[str | None] = mapped_column(String(200), default=None)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class OutboxMail(Base):
    """A billing mail decided with the change that causes it (same transaction), so a queue
    outage delays it instead of losing it: the sweep re-queues what is unsent
    (billing/mail_outbox.py). One row per payment and kind: a replay adds nothing."""

    __tablename__ = "billing_mails"
    __table_args__ = (
        UniqueConstraint("payment_id", "kind", name="uq_billing_mails_payment_kind"),
        Index("ix_billing_mails_sent_created", "sent_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    payment_id: Mapped[int] = mapped_column(_ID, ForeignKey("payments.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # receipt, failure, cancellation
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Set once the job is done with it: mailed, or nothing to mail (gone account).
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
    outcome: Mapped[str | None] = mapped_column(String(20), default=None)  # sent, skipped
    attempts: Mapped[int] = mapped_column(Integer, default=0)
