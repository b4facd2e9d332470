"""Tables of the notifications domain.

- notification_preferences: one row per user who changed the defaults (no row: defaults).
- user_notifications: one row per (user, signal), whatever happened to it; the unique key
  is what makes a signal reach a user at most once, even when a fan-out runs twice.
- notification_mutes: a symbol silenced for a user until a moment (the push's mute action).
- broadcasts: admin messages to everyone, a tier or verified users, with their tallies.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from cryptolens.db import Base, utcnow

IdType = BigInteger().with_variant(Integer, "sqlite")

DELIVERY_STATUSES = ("queued", "sent", "failed", "skipped")


class NotificationPreference(Base):
    __tablename__ = "notification_preferences"

    user_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    enabled: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    directions: Mapped[str] = mapped_column(String(5), default="both")  # both, long, short
    min_confluence: Mapped[int] = mapped_column(Integer, default=2)
    # None: every pattern type / symbol the tier allows.
    pattern_types: Mapped[list[str] | None] = mapped_column(JSON, default=None)
    symbols: Mapped[list[str] | None] = mapped_column(JSON, default=None)
    priority: Mapped[int] = mapped_column(Integer, default=3)
    # Hours 0-23 in the user's timezone; equal (or None) means no quiet hours.
    quiet_start: Mapped[int | None] = mapped_column(Integer, default=None)
    quiet_end: Mapped[int | None] = mapped_column(Integer, default=None)
    # None: the tier's cap.
    daily_limit: Mapped[int | None] = mapped_column(Integer, default=None)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class UserNotification(Base):
    """A delivery of one signal to one user: queued -> sent | failed | skipped (reason)."""

    __tablename__ = "user_notifications"
    __table_args__ = (
        UniqueConstraint("user_id", "signal_id"),
        # The day's count per user and the history list.
        Index("ix_user_notifications_user_id_created_at", "user_id", "created_at"),
        # A fan-out reads its signal's rows (and the foreign key needs a leading index).
        Index("ix_user_notifications_signal_id_status", "signal_id", "status"),
        # The sweep for deliveries whose next attempt was lost (notifications/recovery.py).
        Index("ix_user_notifications_status_send_after", "status", "send_after"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    user_id: Mapped[int] = mapped_column(IdType, ForeignKey("users.id", ondelete="CASCADE"))
    signal_id: Mapped[int] = mapped_column(IdType, ForeignKey("signals.id", ondelete="CASCADE"))
    symbol: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str | None] = mapped_column(String(40), default=None)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Who holds the current attempt: a claim is one conditional UPDATE, so two workers never
    # send the same delivery.
    claim: Mapped[str | None] = mapped_column(String(32), default=None)
    # Until when the claim holds: its sender renews it while alive; once it has run out, the
    # sweep hands the delivery to another sender (notifications/lease.py).
    lease_until: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    send_after: Mapped[datetime] = mapped_column(default=utcnow)
    last_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
    http_status: Mapped[int | None] = mapped_column(Integer, default=None)
    ntfy_message_id: Mapped[str | None] = mapped_column(String(32), default=None)
    ntfy_response: Mapped[str | None] = mapped_column(String(500), default=None)


class NotificationMute(Base):
    __tablename__ = "notification_mutes"
    __table_args__ = (UniqueConstraint("user_id", "symbol"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    user_id: Mapped[int] = mapped_column(IdType, ForeignKey("users.id", ondelete="CASCADE"))
    symbol: Mapped[str] = mapped_column(String(40))
    muted_until: Mapped[datetime]


class Broadcast(Base):
    __tablename__ = "broadcasts"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    # all, verified, free, pro, premium
    audience: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(200))
    message: Mapped[str] = mapped_column(String(4000))
    priority: Mapped[int] = mapped_column(Integer, default=3)
    created_by: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    send_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(10), default="scheduled")  # scheduled/sending/done
    recipients: Mapped[int] = mapped_column(Integer, default=0)
    delivered: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)


class ExpiryWarning(Base):
    """One push warning that a subscription ends soon, per user, end date and threshold (7, 3
    or 1 days before): recorded once sent (or refused for good), so it is never repeated."""

    __tablename__ = "expiry_warnings"
    __table_args__ = (UniqueConstraint("user_id", "expires_at", "days_before"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    user_id: Mapped[int] = mapped_column(IdType, ForeignKey("users.id", ondelete="CASCADE"))
    expires_at: Mapped[datetime]
    days_before: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(8))  # sent / failed
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
