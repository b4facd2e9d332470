"""The write API's rules: which symbols a caller may have scanned or fetched, queueing one job
per symbol, and the status of a request (job_requests/progress.py).

A job is queued inside the request's unit of work, before its commit: an enqueue that fails
(Redis down, a runner stopping) must answer 503 and leave no request behind. Should the
commit fail after it, the jobs still run: a scan or fetch run without a request is harmless
(both are idempotent), a request whose jobs never ran would say queued for ever.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.user_access import UserAccess
from cryptolens.core.errors import NotFoundError, ServiceUnavailableError
from cryptolens.job_context import JobQueue
from cryptolens.job_requests import repository
from cryptolens.job_requests.models import ENDED_STATUSES, JobRequest
from cryptolens.job_requests.progress import JobProgress, RequestProgress, request_progress
from cryptolens.job_requests.schemas import JobRequestOut
from cryptolens.market import service as market
from cryptolens.system import reads as system

SCAN_JOB = "scan_symbol"
FETCH_JOB = "fetch_symbol"
# What a client is told to wait while the embedded runner stops (a restart).
STOPPING_RETRY_AFTER_SECONDS = 30


class JobRequestNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("No job request of yours has that id")


class NothingToScanError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("No active symbol your tier shows to scan")


class RunnerStoppingError(ServiceUnavailableError):
    def __init__(self) -> None:
        super().__init__(
            "the job runner is stopping; try again once it is back",
            headers={"Retry-After": str(STOPPING_RETRY_AFTER_SECONDS)},
        )


@dataclass(frozen=True)
class Requester:
    """Who asks: the user, the API key when a key asked, and what their tier shows."""

    user_id: int
    api_key_id: int | None
    access: UserAccess


def new_public_id() -> str:
    return f"job_{secrets.token_hex(12)}"


async def request_scan(
    session: AsyncSession,
    queue: JobQueue,
    requester: Requester,
    symbols: Sequence[str] | None,
    *,
    exchange: str,
    now: datetime,
) -> JobRequestOut:
    """Queues a scan (fetch, detection, signals) of each symbol; none given: every active
    symbol the requester's tier shows."""
    chosen = await _symbols_to_scan(session, requester.access, symbols, exchange)
    request = _new_request(requester, "scan", {"symbols": chosen}, now)
    for symbol in chosen:
        job_id = await queue.enqueue(SCAN_JOB, job_id=_job_id(request, symbol), symbol=symbol)
        _remember(request, symbol, job_id)
    return _out(await repository.add_request(session, request))


async def request_fetch(
    session: AsyncSession,
    queue: JobQueue,
    requester: Requester,
    symbol: str,
    timeframe: str | None,
    *,
    exchange: str,
    allowed_timeframes: Sequence[str],
    now: datetime,
) -> JobRequestOut:
    """Queues a fetch of one symbol's candles (every timeframe, or just `timeframe`)."""
    if timeframe is not None:
        market.ensure_timeframe(timeframe, allowed_timeframes)  # 422 for any other
    name = await _active_symbol(session, symbol, exchange)
    requester.access.require_symbol(name)
    request = _new_request(requester, "fetch", {"symbol": name, "timeframe": timeframe}, now)
    job_id = await queue.enqueue(
        FETCH_JOB, job_id=_job_id(request, name), symbol=name, timeframe=timeframe
    )
    _remember(request, name, job_id)
    return _out(await repository.add_request(session, request))


async def request_status(session: AsyncSession, public_id: str, user_id: int) -> JobRequestOut:
    """The caller's own request, its status brought up to date from its jobs' runs until
    every job has ended (then the row keeps it)."""
    request = await repository.owned_request(session, public_id, user_id)
    if request is None:
        raise JobRequestNotFoundError()
    if request.status not in ENDED_STATUSES:
        pairs = [(job["symbol"], job["job_id"]) for job in request.jobs]
        runs = await system.runs_of_jobs(session, [job_id for _, job_id in pairs])
        _record(request, request_progress(pairs, runs))
        await session.flush()
    return _out(request)


async def delete_expired(session: AsyncSession, now: datetime, retention_days: int) -> int:
    """Requests older than the run history's retention (`jobs.runs_retention_days`): past it
    their jobs' runs are gone too, and a request still unfinished then never will be."""
    return await repository.delete_created_before(session, now - timedelta(days=retention_days))


async def _symbols_to_scan(
    session: AsyncSession, access: UserAccess, symbols: Sequence[str] | None, exchange: str
) -> list[str]:
    if symbols is None:
        active = [symbol.symbol for symbol in await market.active_symbols(session, exchange)]
        visible = access.visible_symbols(active)
        if not visible:
            raise NothingToScanError()
        return visible
    chosen: list[str] = []
    for raw in symbols:
        # Existence first (404 for an unknown symbol), then the tier (403 names the tier).
        name = await _active_symbol(session, raw, exchange)
        access.require_symbol(name)
        if name not in chosen:
            chosen.append(name)
    return chosen


async def _active_symbol(session: AsyncSession, raw: str, exchange: str) -> str:
    """The stored name of a symbol the jobs follow (active, of the data source in use)."""
    found = await market.find_symbol(session, raw)
    if not found.is_active or found.exchange != exchange:
        # Not followed (or only in the other data source): the jobs would fetch nothing.
        raise market.SymbolNotFoundError(found.symbol)
    return found.symbol


def _new_request(
    requester: Requester, kind: str, arguments: dict[str, object], now: datetime
) -> JobRequest:
    return JobRequest(
        public_id=new_public_id(),
        user_id=requester.user_id,
        api_key_id=requester.api_key_id,
        kind=kind,
        arguments=arguments,
        jobs=[],
        status="queued",
        created_at=now,
        finished_at=None,
        error=None,
        candles_fetched=0,
        patterns_found=0,
        signals_created=0,
    )


def _job_id(request: JobRequest, symbol: str) -> str:
    # Our own id per request and symbol: the runs it records are this request's and no
    # other's (a scheduled copy of the same scan has its own id).
    return f"{request.public_id}:{symbol}"


def _remember(request: JobRequest, symbol: str, job_id: str | None) -> None:
    """Keeps the runner's id of a queued job (arq's carries the installation's prefix)."""
    if job_id is None:
        raise RunnerStoppingError()
    request.jobs = [*request.jobs, {"symbol": symbol, "job_id": job_id}]


def _record(request: JobRequest, progress: RequestProgress) -> None:
    """Keeps what the runs say on the row (only what changed, so a read of a waiting request
    writes nothing)."""
    jobs = [
        _job_entry(job_id, job)
        for job_id, job in zip(_job_ids(request), progress.jobs, strict=True)
    ]
    changes = {
        "status": progress.status,
        "jobs": jobs,
        "finished_at": progress.finished_at,
        "error": progress.error,
        "candles_fetched": progress.counters.candles_fetched,
        "patterns_found": progress.counters.patterns_found,
        "signals_created": progress.counters.signals_created,
    }
    for attribute, value in changes.items():
        if getattr(request, attribute) != value:
            setattr(request, attribute, value)


def _job_ids(request: JobRequest) -> list[str]:
    return [job["job_id"] for job in request.jobs]


def _job_entry(job_id: str, job: JobProgress) -> dict[str, str]:
    entry = {"symbol": job.symbol, "job_id": job_id, "status": job.status}
    if job.error is not None:
        entry["error"] = job.error
    return entry


def _out(request: JobRequest) -> JobRequestOut:
    return JobRequestOut.model_validate(
        {
            "id": request.public_id,
            "kind": request.kind,
            "status": request.status,
            "symbols": [job["symbol"] for job in request.jobs],
            "timeframe": request.arguments.get("timeframe"),
            "created_at": request.created_at,
            "finished_at": request.finished_at,
            "error": request.error,
            "counters": {
                "candles_fetched": request.candles_fetched,
                "patterns_found": request.patterns_found,
                "signals_created": request.signals_created,
            },
            "jobs": [
                {
                    "symbol": job["symbol"],
                    "status": job.get("status", "queued"),
                    "error": job.get("error"),
                }
                for job in request.jobs
            ],
        }
    )
