"""Recording admin writes and reading them back.

Every admin route that changes something calls `record` with the session of its own unit of
work, so the row commits or rolls back with the write it describes (admin.md, Audit log).
`before` and `after` hold only the fields that changed, and never a secret or a hash.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.iso_times import iso_ms
from cryptolens.core.paging import Page, PageRequest
from cryptolens.system.audit import repository
from cryptolens.system.audit.models import AuditEntry
from cryptolens.system.audit.schemas import AuditFilters

RETENTION = timedelta(days=365)

# A field whose name contains one of these is left out of before/after whatever its value.
_SECRET_MARKERS = ("password", "hash", "secret", "token", "totp", "key", "topic", "code")


@dataclass(frozen=True)
class AuditActor:
    """Who makes an admin write, and from where (the admin routes build it per request)."""

    user_id: int | None
    email: str
    ip: str | None = None
    request_id: str | None = None
    api_key_id: int | None = None  # the admin acted through this API key (admin:scheduler)


# Where `after` names the API key an admin acted through (no column of its own: no migration).
VIA_API_KEY = "via_api_key_id"


def is_secret_field(name: str) -> bool:
    lowered = name.lower()
    return any(marker in lowered for marker in _SECRET_MARKERS)


def _plain(value: Any) -> Any:
    """A JSON-safe form of a field's value (datetimes as the API writes them, ISO UTC ms)."""
    if isinstance(value, datetime):
        return iso_ms(value)
    if isinstance(value, tuple | set | frozenset):
        return [_plain(item) for item in value]
    return value


def changes(
    before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The changed, non-secret fields of `before` and `after` (a create has no before, a
    delete no after: then every non-secret field of the other is kept)."""
    old = {k: _plain(v) for k, v in (before or {}).items() if not is_secret_field(k)}
    new = {k: _plain(v) for k, v in (after or {}).items() if not is_secret_field(k)}
    if before is None:
        return None, new or None
    if after is None:
        return old or None, None
    changed = sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))
    return (
        {key: old.get(key) for key in changed},
        {key: new.get(key) for key in changed},
    )


async def record(
    session: AsyncSession,
    actor: AuditActor,
    action: str,
    *,
    target_type: str,
    target_id: object | None,
    now: datetime,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Add the audit row of one admin write to the caller's unit of work."""
    old, new = changes(before, after)
    if actor.api_key_id is not None:
        new = {**(new or {}), VIA_API_KEY: actor.api_key_id}
    return await repository.add(
        session,
        AuditEntry(
            created_at=now,
            actor_id=actor.user_id,
            actor_email=actor.email,
            action=action,
            target_type=target_type,
            target_id=None if target_id is None else str(target_id),
            before=old,
            after=new,
            ip=actor.ip,
            request_id=actor.request_id,
        ),
    )


async def list_entries(
    session: AsyncSession, filters: AuditFilters, request: PageRequest
) -> Page[AuditEntry]:
    return await repository.list_page(session, filters, request)


async def delete_expired(session: AsyncSession, now: datetime) -> int:
    return await repository.delete_older_than(session, now - RETENTION)
