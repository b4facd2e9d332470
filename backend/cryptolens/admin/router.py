"""The admin API: every section's router under `/api/v1/admin`, behind one guard.

The guard is a dependency of this router, not of each route, so a new admin route cannot be
left open (tests/admin/test_guard.py walks the route table to prove it): anonymous callers get
401 `not_signed_in`, signed-in non-admins 403 `admin_required`, API keys 403 `session_required`
except on the sections declaring an admin scope (jobs: an admin's key with `admin:scheduler`).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends

from cryptolens.access.deps import admin_guard
from cryptolens.admin.audit.routes import router as audit_router
from cryptolens.admin.broadcasts.routes import router as broadcasts_router
from cryptolens.admin.errors.routes import router as errors_router
from cryptolens.admin.jobs.routes import router as jobs_router
from cryptolens.admin.payments.routes import router as payments_router
from cryptolens.admin.settings.routes import router as settings_router
from cryptolens.admin.stats.routes import router as stats_router
from cryptolens.admin.subscriptions.routes import router as subscriptions_router
from cryptolens.admin.symbols.routes import router as symbols_router
from cryptolens.admin.users.routes import router as users_router
from cryptolens.core.envelope import error_responses

ADMIN_PREFIX = "/api/v1/admin"


router = APIRouter(
    prefix=ADMIN_PREFIX,
    dependencies=[Depends(admin_guard)],
    responses=error_responses(
        {
            401: "Not signed in",
            403: "Not an admin (`admin_required`), an API key where the route takes none "
            "(`session_required`) or without its admin scope (`scope_required`), or CSRF failed",
        }
    ),
)
router.include_router(audit_router)
router.include_router(broadcasts_router)
router.include_router(errors_router)
router.include_router(users_router)
router.include_router(subscriptions_router)
router.include_router(payments_router)
router.include_router(settings_router)
router.include_router(jobs_router)
router.include_router(stats_router)
router.include_router(symbols_router)
