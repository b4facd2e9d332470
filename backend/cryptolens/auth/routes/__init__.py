"""`/api/v1/auth`: every account route, under one router that checks CSRF on unsafe methods."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from cryptolens.auth.routes import account, login, two_factor
from cryptolens.core.deps import require_csrf

router = APIRouter(prefix="/api/v1/auth", tags=["auth"], dependencies=[Depends(require_csrf)])
router.include_router(account.router)
router.include_router(login.router)
router.include_router(two_factor.router)

__all__ = ["router"]
