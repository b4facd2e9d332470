"""Dependencies of the admin routes.

    actor: AdminActor     # the admin as the audit log records them (with the API key, if one)
    audit: AuditDep       # actor + the route's unit of work: `await audit.record(...)`

The guard itself sits on the admin router (admin/router.py), so no admin route can forget it;
these only describe who is acting. The job queue is core's (core/deps.py : JobQueueDep).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.deps import AdminPrincipal
from cryptolens.core.deps import ClockDep, SessionDep
from cryptolens.core.request_context import current_request_id
from cryptolens.system.audit import service as audit_service
from cryptolens.system.audit.service import AuditActor


async def _actor(request: Request, admin: AdminPrincipal) -> AuditActor:
    # The guard's own answer (cached per request): a key reaches here only on a route that
    # declares an admin scope, and the row then says which key acted.
    return AuditActor(
        user_id=admin.user.id,
        email=admin.user.email,
        ip=request.client.host if request.client else None,
        request_id=current_request_id.get(),
        api_key_id=admin.credential_id if admin.method == "api_key" else None,
    )


AdminActor = Annotated[AuditActor, Depends(_actor)]


@dataclass(frozen=True)
class AuditTrail:
    """Writes audit rows into the route's own unit of work, so they commit with the write."""

    session: AsyncSession
    actor: AuditActor
    now: datetime

    async def record(
        self,
        action: str,
        *,
        target_type: str,
        target_id: object | None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        await audit_service.record(
            self.session,
            self.actor,
            action,
            target_type=target_type,
            target_id=target_id,
            now=self.now,
            before=before,
            after=after,
        )


async def _audit(actor: AdminActor, db: SessionDep, clock: ClockDep) -> AuditTrail:
    return AuditTrail(session=db, actor=actor, now=clock.now())


AuditDep = Annotated[AuditTrail, Depends(_audit)]
