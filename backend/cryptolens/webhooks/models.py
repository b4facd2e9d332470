"""Tables of the outbound webhooks domain.

- webhook_endpoints: a user's receiver URL, what it subscribes to, its encrypted secrets and
  the streak of failed attempts that may disable it.
- webhook_deliveries: one event (or test) for one endpoint; the unique (endpoint, event key)
  makes a fan-out run twice create nothing new. The body is fixed at creation.
- webhook_attempts: every POST made for a delivery, with what was sent and answered.
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
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import Mapped, mapped_column

from cryptolens.db import Base, utcnow

IdType = BigInteger().with_variant(Integer, "sqlite")
# Bodies and response excerpts: a signal with its patterns passes MariaDB's 64 KB TEXT easily
# enough to be worth the wider column.
LongText = Text().with_variant(mysql.MEDIUMTEXT(), "mysql")

ENDPOINT_STATUSES = ("active", "disabled", "auto_disabled")
DELIVERY_STATUSES = ("pending", "succeeded", "failed")


class WebhookEndpoint(Base):
    __tablename__ = "webhook_endpoints"
    __table_args__ = (Index("ix_webhook_endpoints_user_id", "user_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    user_id: Mapped[int] = mapped_column(IdType, ForeignKey("users.id", ondelete="CASCADE"))
    url: Mapped[str] = mapped_column(String(2048))
    description: Mapped[str] = mapped_column(String(200), default="")
    events: Mapped[list[str]] = mapped_column(JSON)
    symbols: Mapped[list[str]] = mapped_column(JSON)  # empty: every symbol
    direction: Mapped[str] = mapped_column(String(5), default="both")
    min_confluence: Mapped[int] = mapped_column(Integer, default=1)
    # Signal events only for setups that pass the proven-setup rule (signals/proven.py).
    only_proven_setups: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    status: Mapped[str] = mapped_column(String(13), default="active")
    disabled_reason: Mapped[str | None] = mapped_column(String(300), default=None)
    disabled_at: Mapped[datetime | None] = mapped_column(default=None)
    payload_version: Mapped[int] = mapped_column(Integer, default=1)
    # Fernet tokens (SecretBox), never the secret in clear.
    secret: Mapped[str] = mapped_column(String(400))
    previous_secret: Mapped[str | None] = mapped_column(String(400), default=None)
    previous_secret_until: Mapped[datetime | None] = mapped_column(default=None)
    # Consecutive failed attempts (tests excluded) and when the streak's first one failed.
    failure_streak: Mapped[int] = mapped_column(Integer, default=0)
    streak_started_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str | None] = mapped_column(String(40), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class WebhookDelivery(Base):
    """pending -> succeeded | failed (reason). `attempts` is also the guard of the attempt
    jobs: a job carries the count it expects, so a duplicate finds it moved and does nothing."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("endpoint_id", "event_key"),
        # The endpoint's log, newest first.
        Index("ix_webhook_deliveries_endpoint_id_id", "endpoint_id", "id"),
        # The retention sweep.
        Index("ix_webhook_deliveries_created_at", "created_at"),
        # The sweep of lost attempts (webhooks/recovery.py).
        Index("ix_webhook_deliveries_status_next_attempt_at", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    message_id: Mapped[str] = mapped_column(String(40), unique=True)  # msg_..., webhook-id
    endpoint_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("webhook_endpoints.id", ondelete="CASCADE")
    )
    event_key: Mapped[str] = mapped_column(String(100))
    event_type: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(LongText)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    reason: Mapped[str | None] = mapped_column(String(20), default=None)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # While an attempt is under way: until when it counts as in flight.
    in_flight_until: Mapped[datetime | None] = mapped_column(default=None)
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    last_status_code: Mapped[int | None] = mapped_column(Integer, default=None)
    last_error: Mapped[str | None] = mapped_column(String(20), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)


class WebhookAttempt(Base):
    __tablename__ = "webhook_attempts"
    __table_args__ = (Index("ix_webhook_attempts_delivery_id_id", "delivery_id", "id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    delivery_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("webhook_deliveries.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(10))  # auto, redeliver, test
    attempted_at: Mapped[datetime]
    duration_ms: Mapped[int] = mapped_column(Integer)
    succeeded: Mapped[bool] = mapped_column(Boolean)
    request_headers: Mapped[dict[str, str]] = mapped_column(JSON)
    status_code: Mapped[int | None] = mapped_column(Integer, default=None)
    response_headers: Mapped[dict[str, str]] = mapped_column(JSON)
    response_body: Mapped[str] = mapped_column(LongText)
    error: Mapped[str | None] = mapped_column(String(20), default=None)
