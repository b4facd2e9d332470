"""A request's status, read from what its jobs' runs recorded (the run history), so it says
the same whichever runner ran them: the embedded one or arq workers.

A job with no run yet is queued; its latest try says the rest (a try that will be tried again
is still running). The runner's error text is for operators: users get a summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from cryptolens.job_requests.schemas import RequestStatus, SymbolJobStatus
from cryptolens.system.reads import RecordedRun

ERROR_SUMMARY_LIMIT = 500

_JOB_STATUS: dict[str, SymbolJobStatus] = {
    "running": "running",
    "retrying": "running",  # this try failed; the runner tries again
    "ok": "succeeded",
    "failed": "failed",
    "skipped": "skipped",
}
_ENDED: frozenset[SymbolJobStatus] = frozenset({"succeeded", "failed", "skipped"})
SKIPPED_NOTE = "the same job was already running (the scheduled one) and covered it"


@dataclass(frozen=True)
class JobProgress:
    symbol: str
    status: SymbolJobStatus
    finished_at: datetime | None = None
    error: str | None = None


@dataclass
class Counters:
    candles_fetched: int = 0
    patterns_found: int = 0
    signals_created: int = 0


@dataclass(frozen=True)
class RequestProgress:
    status: RequestStatus
    jobs: list[JobProgress]
    counters: Counters = field(default_factory=Counters)
    finished_at: datetime | None = None
    error: str | None = None

    @property
    def ended(self) -> bool:
        return self.status in ("succeeded", "failed")


def failure_summary(error: str | None) -> str:
    """What a user may know of a failed run: the kind of failure, never its text (paths,
    hosts, exception messages)."""
    text = error or ""
    if text.startswith("TimeoutError"):
        return "it ran out of time"
    if text.startswith(("CancelledError", "lost")):
        return "its worker stopped before it ended"
    if text.startswith("TransientJobError"):
        return "the market data could not be fetched from the exchange"
    return "an internal error (recorded for the operators)"


def job_progress(symbol: str, runs: Sequence[RecordedRun]) -> JobProgress:
    """One job's state from its tries, oldest first."""
    if not runs:
        return JobProgress(symbol, "queued")
    last = runs[-1]
    status = _JOB_STATUS.get(last.status, "running")
    if status == "failed":
        return JobProgress(symbol, status, last.finished_at, failure_summary(last.error))
    if status == "skipped":
        return JobProgress(symbol, status, last.finished_at, SKIPPED_NOTE)
    return JobProgress(symbol, status, last.finished_at if status in _ENDED else None)


def request_progress(
    jobs: Sequence[tuple[str, str]], runs: Sequence[RecordedRun]
) -> RequestProgress:
    """The request of these (symbol, job id) pairs, from every run of those ids."""
    by_job: dict[str, list[RecordedRun]] = {}
    counters = Counters()
    for run in runs:
        by_job.setdefault(run.job_id, []).append(run)
        # Only a try that ended ok records counters (a failed or skipped one keeps zeros).
        counters.candles_fetched += run.candles_fetched
        counters.patterns_found += run.patterns_found
        counters.signals_created += run.signals_created
    progress = [job_progress(symbol, by_job.get(job_id, [])) for symbol, job_id in jobs]
    if not all(job.status in _ENDED for job in progress):
        started = any(job.status != "queued" for job in progress)
        return RequestProgress("running" if started else "queued", progress, counters)
    ends = [job.finished_at for job in progress if job.finished_at is not None]
    failed = [job for job in progress if job.status == "failed"]
    if not failed:
        return RequestProgress("succeeded", progress, counters, max(ends, default=None))
    details = "; ".join(f"{job.symbol}: {job.error}" for job in failed)
    error = f"{len(failed)} of {len(progress)} jobs failed: {details}"
    if len(error) > ERROR_SUMMARY_LIMIT:
        error = error[: ERROR_SUMMARY_LIMIT - 3] + "..."
    return RequestProgress("failed", progress, counters, max(ends, default=None), error)
