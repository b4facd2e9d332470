"""Operational endpoints: health and liveness (unversioned, public)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from cryptolens import __version__
from cryptolens.core.deps import ResourcesDep
from cryptolens.core.envelope import Envelope, ok
from cryptolens.core.handlers import DATABASE_RETRY_AFTER_SECONDS
from cryptolens.system.health import check_health
from cryptolens.system.schemas import HealthOut, LivenessOut

router = APIRouter(prefix="/api/health", tags=["health"])


@router.get(
    "",
    operation_id="health-check",
    summary="Health of the service and its dependencies",
    response_model=Envelope[HealthOut],
    responses={503: {"model": Envelope[HealthOut], "description": "The database is down"}},
)
async def health(resources: ResourcesDep) -> JSONResponse:
    report = await check_health(
        resources.engine, resources.session_factory, resources.cache, resources.clock.now()
    )
    body = HealthOut(
        status=report.status,
        database=report.database,
        cache=report.cache,
        cache_backend=report.cache_backend,
        data_source=resources.data_source,
        freshness=report.freshness,
        version=__version__,
    )
    envelope = ok(body)
    envelope.success = report.status != "down"
    if not envelope.success:
        envelope.error = "Service unavailable: database is down"
        envelope.meta.code = "database_down"
    if report.status == "down":
        # Told when to look again, as every route answering 503 does (core/handlers.py).
        headers = {"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)}
        return JSONResponse(envelope.model_dump(mode="json"), status_code=503, headers=headers)
    return JSONResponse(envelope.model_dump(mode="json"))


@router.get(
    "/live",
    operation_id="health-live",
    summary="Liveness: answers without touching any dependency",
    response_model=Envelope[LivenessOut],
)
async def live() -> Envelope[LivenessOut]:
    return ok(LivenessOut())
