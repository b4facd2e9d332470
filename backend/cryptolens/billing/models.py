"""A user's subscription. The tier is derived from it on read, never stored on the user."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from cryptolens.db import Base, utcnow

SUBSCRIPTION_STATUSES = ("active", "cancelled", "expired", "suspended")


class Subscription(Base):
    """One current subscription per user; payments (their own table) extend it."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'cancelled', 'expired', 'suspended')", name="status"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"),
        ForeignKey("users.id", ondelete="CASCADE"),
        unique=True,
    )
    plan: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    # None: does not expire (granted by an admin, demo accounts).
    expires_at: Mapped[datetime | None] = mapped_column(default=None)
    grace_days: Mapped[int] = mapped_column(Integer, default=3)
    cancelled_at: Mapped[datetime | None] = mapped_column(default=None)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
