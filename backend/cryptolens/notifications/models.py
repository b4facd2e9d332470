"""Tables of the notifications domain.

- notification_preferences: one row per user who changed the defaults (no row: defaults).
- user_notifications: one row per (user, signal), whatever happened to it; the unique key
  is what makes a signal reach a user at most once, even when a fan-out runs twice.
- notification_mutes: a symbol silenced for a user until a moment (the push's mute action).
- broadcast_templates: reusable admin messages with placeholders (admin.md "Broadcasts").
- broadcasts: admin messages to the users of some tiers, now or scheduled, with their totals;
  delivered through user_notifications rows (one per user and broadcast).
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
    false,
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
    # Push only signals whose setup is proven (signals/proven.py).
    only_proven_setups: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class UserNotification(Base):
    """A delivery of one signal, or one broadcast, to one user: queued -> sent | failed |
    skipped (reason). Exactly one of signal_id and broadcast_id is set."""

    __tablename__ = "user_notifications"
    __table_args__ = (
        UniqueConstraint("user_id", "signal_id"),
        # A broadcast reaches a user at most once (NULLs are distinct: signal rows never clash).
        UniqueConstraint("user_id", "broadcast_id"),
        # The day's count per user and the history list.
        Index("ix_user_notifications_user_id_created_at", "user_id", "created_at"),
        # A fan-out reads its signal's rows (and the foreign key needs a leading index).
        Index("ix_user_notifications_signal_id_status", "signal_id", "status"),
        # A broadcast's fan-out and totals read its rows (and its foreign key needs an index).
        Index("ix_user_notifications_broadcast_id_status", "broadcast_id", "status"),
        # The sweep for deliveries whose next attempt was lost (notifications/recovery.py).
        Index("ix_user_notifications_status_send_after", "status", "send_after"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    user_id: Mapped[int] = mapped_column(IdType, ForeignKey("users.id", ondelete="CASCADE"))
    signal_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("signals.id", ondelete="CASCADE"), default=None
    )
    broadcast_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("broadcasts.id", ondelete="CASCADE"), default=None
    )
    symbol: Mapped[str] = mapped_column(String(40))  # "" for a broadcast
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


class BroadcastTemplate(Base):
    __tablename__ = "broadcast_templates"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    message: Mapped[str] = mapped_column(String(4000))
    priority: Mapped[int] = mapped_column(Integer, default=3)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    times_used: Mapped[int] = mapped_column(Integer, default=0)
    last_used_at: Mapped[datetime | None] = mapped_column(default=None)
    created_by: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


BROADCAST_STATUSES = ("scheduled", "sending", "completed", "cancelled")


class Broadcast(Base):
    """scheduled -> sending -> completed, or scheduled -> cancelled. The totals are written
    when every delivery row is final (while sending they are counted from the rows)."""

    __tablename__ = "broadcasts"
    __table_args__ = (
        # The minute's job looks for due scheduled ones and unfinished sending ones.
        Index("ix_broadcasts_status_scheduled_for", "status", "scheduled_for"),
        Index("ix_broadcasts_created_at", "created_at"),
        Index("ix_broadcasts_template_id", "template_id"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    template_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("broadcast_templates.id", ondelete="SET NULL"), default=None
    )
    title: Mapped[str] = mapped_column(String(200))
    message: Mapped[str] = mapped_column(String(4000))
    priority: Mapped[int] = mapped_column(Integer, default=3)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    tiers: Mapped[list[str]] = mapped_column(JSON, default=list)  # the audience's tiers
    status: Mapped[str] = mapped_column(String(10))
    scheduled_for: Mapped[datetime | None] = mapped_column(default=None)
    created_by: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    # Every audience member has their row: from now on the rows alone decide completion.
    fanned_out_at: Mapped[datetime | None] = mapped_column(default=None)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    cancelled_at: Mapped[datetime | None] = mapped_column(default=None)
    recipients: Mapped[int] = mapped_column(Integer, default=0)
    sent: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    # The first 10 failures: [{"user_id", "reason"}].
    failure_reasons: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)


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
