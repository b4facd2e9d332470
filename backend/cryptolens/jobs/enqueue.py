"""Enqueueing by name with ids only, onto arq's queues in Redis (the embedded runner is its
own queue). The job id is arq's `_job_id`, under the installation's key prefix (jobs/keys.py):
while a job of that id is queued, running or its result kept, enqueueing it again does
nothing.

`enqueue_once` is the manual "run now": one copy of a job with given arguments at a time. A
copy queued or running (a cron slot's too) is answered with its id; otherwise a new one is
queued under the job's manual id, which also makes two clicks at the same moment one job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from arq.connections import ArqRedis
from arq.constants import job_key_prefix, result_key_prefix

from cryptolens.job_context import JobArgument, JobQueue
from cryptolens.jobs.keys import JobKeys
from cryptolens.jobs.payload import PayloadError, check_arguments, dump_payload, load_payload
from cryptolens.jobs.registry import QUEUES, args_key, get_job
from cryptolens.jobs.schedule import CRON_SCHEDULE

# The default installation's names (CRYPTOLENS_JOB_KEY_PREFIX unset).
DEFAULT_KEYS = JobKeys()


@dataclass(frozen=True)
class Enqueued:
    """A manual run: the id of the job that will run, and whether it was there already."""

    job_id: str
    deduplicated: bool


@runtime_checkable
class RunsOnce(Protocol):
    async def enqueue_once(
        self, name: str, *, with_cron_copies: bool = True, **arguments: JobArgument
    ) -> Enqueued | None:
        """Queue `name` now unless a copy with these arguments is queued or running (then
        that copy's id, deduplicated); None when the runner is stopping. Without
        `with_cron_copies` a cron slot's copy does not count (the job is switched off: the
        slot will be skipped)."""
        ...


class Enqueuer(JobQueue, RunsOnce, Protocol):
    async def queue_sizes(self) -> dict[str, int]: ...


def manual_job_id(name: str, arguments: dict[str, JobArgument]) -> str:
    """The id of a manual run of `name` with these arguments (before the key prefix)."""
    return f"manual:{name}:{args_key(arguments)}"


def _function_names(
    keys: JobKeys, name: str, arguments: dict[str, JobArgument], with_cron: bool
) -> set[str]:
    """What arq calls a copy of this job: its name, and, without arguments, its cron entry."""
    names = {name}
    if with_cron and not arguments:
        names.update(keys.cron_name(entry) for entry in CRON_SCHEDULE if entry.job_name == name)
    return names


class ArqEnqueuer:
    def __init__(self, pool: ArqRedis, keys: JobKeys = DEFAULT_KEYS) -> None:
        # A pool that pickles would hand workers payloads they refuse: fail here instead.
        if pool.job_serializer is not dump_payload:
            raise ValueError("the arq pool must serialize jobs as JSON (create_arq_redis)")
        self.pool = pool
        self.keys = keys

    async def enqueue(
        self,
        name: str,
        *,
        job_id: str | None = None,
        defer_seconds: float | None = None,
        **arguments: JobArgument,
    ) -> str | None:
        definition = get_job(name)
        job = await self.pool.enqueue_job(
            name,
            _job_id=self.keys.job_id(job_id),
            _queue_name=self.keys.queue(definition.queue),
            _defer_by=defer_seconds,
            **check_arguments(arguments),
        )
        return None if job is None else str(job.job_id)

    async def enqueue_once(
        self, name: str, *, with_cron_copies: bool = True, **arguments: JobArgument
    ) -> Enqueued:
        definition = get_job(name)
        queue = self.keys.queue(definition.queue)
        functions = _function_names(self.keys, name, arguments, with_cron_copies)
        copy = await self._copy_in_queue(queue, functions, arguments)
        if copy is not None:
            return Enqueued(copy, deduplicated=True)
        job_id = self.keys.job_id(manual_job_id(name, arguments))
        # The last manual run's kept result holds its id for an hour: that run is over, so
        # this is a new one. A copy queued meanwhile still holds the id (arq checks the job).
        await self.pool.delete(result_key_prefix + job_id)
        job = await self.pool.enqueue_job(
            name, _job_id=job_id, _queue_name=queue, **check_arguments(arguments)
        )
        return Enqueued(job_id, deduplicated=job is None)

    async def _copy_in_queue(
        self, queue: str, functions: set[str], arguments: dict[str, JobArgument]
    ) -> str | None:
        """A job of the queue (waiting, deferred or running: arq keeps a job in its queue
        until it ends) that runs one of `functions` with these arguments."""
        ids: list[str] = [raw.decode() for raw in await self.pool.zrange(queue, 0, -1)]
        if not ids:
            return None
        payloads = await self.pool.mget([job_key_prefix + job_id for job_id in ids])
        for job_id, raw in zip(ids, payloads, strict=True):
            if raw is None:
                continue  # ended since the queue was read
            try:
                job = load_payload(bytes(raw))
            except PayloadError:
                continue
            if job["f"] in functions and job["k"] == arguments:
                return job_id
        return None

    async def queue_sizes(self) -> dict[str, int]:
        return {queue: int(await self.pool.zcard(self.keys.queue(queue))) for queue in QUEUES}
