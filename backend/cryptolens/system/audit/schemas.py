"""What the audit log is asked for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AuditFilters:
    actor_id: int | None = None
    action: str | None = None  # exact, or a prefix when it ends in "."
    target_type: str | None = None
    target_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
