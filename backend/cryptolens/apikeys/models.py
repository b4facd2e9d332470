"""Tables of the API keys domain.

- api_keys: a user's key, found by its first 12 characters and proven by its SHA-256 hash
  (the key itself is shown once and never stored), with its scopes, limits and IP rules. A
  revoked key keeps its row (and its usage); `expired` is derived from expires_at.
- api_key_usage: requests (refused included) and refusals per key and UTC day, moved here in
  batches from the cache's counters (apikeys/usage.py).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from cryptolens.db import Base, utcnow

IdType = BigInteger().with_variant(Integer, "sqlite")

KEY_STATUSES = ("active", "revoked")


class ApiKey(Base):
    __tablename__ = "api_keys"
    __table_args__ = (Index("ix_api_keys_user_id", "user_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    user_id: Mapped[int] = mapped_column(IdType, ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(12), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    scopes: Mapped[list[str]] = mapped_column(JSON)
    limit_per_minute: Mapped[int] = mapped_column(Integer, default=60)
    limit_per_hour: Mapped[int] = mapped_column(Integer, default=1000)
    limit_per_day: Mapped[int] = mapped_column(Integer, default=10000)
    ip_allow: Mapped[list[str]] = mapped_column(JSON)
    ip_deny: Mapped[list[str]] = mapped_column(JSON)
    expires_at: Mapped[datetime | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(7), default="active")
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(default=None)
    last_used_ip: Mapped[str | None] = mapped_column(String(45), default=None)
    total_requests: Mapped[int] = mapped_column(BigInteger, default=0)


class ApiKeyUsage(Base):
    __tablename__ = "api_key_usage"

    api_key_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("api_keys.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    requests: Mapped[int] = mapped_column(Integer, default=0)
    refused: Mapped[int] = mapped_column(Integer, default=0)
