"""The accounts domain's answer to the identity layer: the live session a cookie names, with
its user, and a user's watchlist (access.ports.AccountSource)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.ports import SessionIdentity
from cryptolens.access.principal import PrincipalUser
from cryptolens.auth import repository
from cryptolens.auth.models import User
from cryptolens.auth.sessions import resolve_session
from cryptolens.settings import SecuritySettings


def principal_user(user: User) -> PrincipalUser:
    return PrincipalUser(
        id=user.id,
        email=user.email,
        is_admin=user.is_admin,
        is_verified=user.is_verified,
        display_name=user.display_name,
        timezone=user.timezone,
    )


class SessionAccountSource:
    def __init__(self, security: SecuritySettings) -> None:
        self._security = security

    async def session_identity(
        self, db: AsyncSession, token: str, now: datetime
    ) -> SessionIdentity | None:
        signed_in = await resolve_session(db, self._security, token, now)
        if signed_in is None:
            return None
        return SessionIdentity(
            user=principal_user(signed_in.user),
            session_id=signed_in.session.id,
            expires_at=signed_in.session.expires_at,
            extended=signed_in.extended,
        )

    async def watchlist(self, db: AsyncSession, user_id: int) -> Sequence[str]:
        return await repository.watchlist_symbols(db, user_id)
