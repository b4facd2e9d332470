"""The audit log as the admin API shows it."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from cryptolens.core.iso_times import IsoInstant


class AuditEntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: IsoInstant
    actor_id: int | None
    actor_email: str
    action: str
    target_type: str
    target_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    ip: str | None
    request_id: str | None
