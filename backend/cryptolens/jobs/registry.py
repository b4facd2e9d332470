"""The named jobs and the queue each runs on. Job modules register themselves on import."""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from cryptolens.system.job_runs import JobCounters

if TYPE_CHECKING:
    from cryptolens.jobs.context import JobContext

Queue = Literal["high", "default", "low"]
QUEUES: tuple[Queue, ...] = ("high", "default", "low")

JobFunction = Callable[..., Awaitable[JobCounters]]

# Modules whose import registers jobs; a domain adds its own when its jobs land.
JOB_MODULES = [
    "cryptolens.jobs.maintenance",
    "cryptolens.jobs.scanning",
    "cryptolens.jobs.notifications",
]


@dataclass(frozen=True)
class JobDefinition:
    name: str
    queue: Queue
    run: JobFunction


JOBS: dict[str, JobDefinition] = {}


def job(name: str, queue: Queue) -> Callable[[JobFunction], JobFunction]:
    """Register `async def fn(ctx: JobContext, **kwargs) -> JobCounters` as a named job."""

    def register(function: JobFunction) -> JobFunction:
        JOBS[name] = JobDefinition(name=name, queue=queue, run=function)
        return function

    return register


def load_jobs() -> dict[str, JobDefinition]:
    for module_name in JOB_MODULES:
        importlib.import_module(module_name)
    return JOBS


def get_job(name: str) -> JobDefinition:
    try:
        return JOBS[name]
    except KeyError:
        raise KeyError(f"unknown job {name!r}") from None


def queue_timeout_seconds(ctx: JobContext, queue: Queue) -> float:
    settings = ctx.settings
    timeouts: dict[Queue, float] = {
        "high": settings.job_timeout_high_seconds,
        "default": settings.job_timeout_default_seconds,
        "low": settings.job_timeout_low_seconds,
    }
    return timeouts[queue]


def args_key(kwargs: dict[str, Any]) -> str:
    """A stable text form of a job's arguments (lock keys, run summaries)."""
    return ",".join(f"{key}={kwargs[key]}" for key in sorted(kwargs))
