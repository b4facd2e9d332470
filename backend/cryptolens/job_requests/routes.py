"""The write API (api.md): POST /scan and POST /fetch queue jobs for the caller's symbols and
answer 202 with the job request; GET /jobs/{id} follows one of the caller's own requests."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, status

from cryptolens.core.deps import ClockDep, JobQueueDep, SessionDep, SettingsDep
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.job_requests import service
from cryptolens.job_requests.deps import (
    ExchangeDep,
    FetchCaller,
    JobReader,
    ScanCaller,
    requester_of,
)
from cryptolens.job_requests.schemas import FetchIn, JobRequestOut, ScanIn

router = APIRouter(prefix="/api/v1", tags=["jobs"])

JobRequestId = Annotated[
    str,
    Path(max_length=40, description="The id POST /scan or /fetch answered", examples=["job_3f9c"]),
]

WRITE_ERRORS = {
    401: "Not signed in (`not_signed_in`)",
    403: "A symbol outside the tier (`tier_required`), or a key without the scope "
    "(`scope_required`)",
    404: "Unknown or unfollowed symbol (`symbol_not_found`), or none to scan (`not_found`)",
    429: "Over the route's limit per user (`rate_limited`, with Retry-After)",
    503: "The job queue cannot take jobs (`service_unavailable`, with Retry-After)",
}


@router.post(
    "/scan",
    operation_id="jobs-scan",
    summary="Queue a scan of the given symbols, or of every one your tier shows",
    description=(
        "Queues one scan job per symbol (new candles, detection, signals: what the minute's "
        "scan does). Scope `write:scan`; 1 a minute per user. Follow it with GET /jobs/{id}."
    ),
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Envelope[JobRequestOut],
    responses=error_responses(WRITE_ERRORS),
)
async def request_scan(
    body: ScanIn,
    principal: ScanCaller,
    db: SessionDep,
    queue: JobQueueDep,
    exchange: ExchangeDep,
    clock: ClockDep,
) -> Envelope[JobRequestOut]:
    queued = await service.request_scan(
        db, queue, requester_of(principal), body.symbols, exchange=exchange, now=clock.now()
    )
    return ok(queued)


@router.post(
    "/fetch",
    operation_id="jobs-fetch",
    summary="Queue a fetch of one symbol's candles",
    description=(
        "Queues one fetch job: every timeframe as the minute's fetch does, or only "
        "`timeframe` (a detection timeframe; any other is a 422). Scope `write:fetch`; 5 a "
        "minute per user. Follow it with GET /jobs/{id}."
    ),
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Envelope[JobRequestOut],
    responses=error_responses(WRITE_ERRORS),
)
async def request_fetch(
    body: FetchIn,
    principal: FetchCaller,
    db: SessionDep,
    queue: JobQueueDep,
    exchange: ExchangeDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> Envelope[JobRequestOut]:
    queued = await service.request_fetch(
        db,
        queue,
        requester_of(principal),
        body.symbol,
        body.timeframe,
        exchange=exchange,
        allowed_timeframes=settings.scan.timeframes,
        now=clock.now(),
    )
    return ok(queued)


@router.get(
    "/jobs/{job_request_id}",
    operation_id="jobs-get",
    summary="The status of one of your scan or fetch requests",
    description=(
        "Read from what its jobs recorded as they ran. Either scope, `write:scan` or "
        "`write:fetch`, reads any of the caller's requests; another user's is a 404."
    ),
    response_model=Envelope[JobRequestOut],
    responses=error_responses(
        {
            401: "Not signed in (`not_signed_in`)",
            403: "A key with neither write scope (`scope_required`)",
            404: "No request of yours has that id (`not_found`)",
        }
    ),
)
async def get_job_request(
    job_request_id: JobRequestId, principal: JobReader, db: SessionDep
) -> Envelope[JobRequestOut]:
    return ok(await service.request_status(db, job_request_id, principal.user.id))
