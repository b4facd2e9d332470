"""Enqueueing by name with ids only, onto arq's queues in Redis (the embedded runner is its
own queue). The job id is arq's `_job_id`, under the installation's key prefix (jobs/keys.py):
while a job of that id is queued, running or its result kept, enqueueing it again does
nothing."""

from __future__ import annotations

from typing import Protocol

from arq.connections import ArqRedis

from cryptolens.job_context import JobArgument, JobQueue
from cryptolens.jobs.keys import JobKeys
from cryptolens.jobs.payload import check_arguments, dump_payload
from cryptolens.jobs.registry import QUEUES, get_job

# The default installation's names (CRYPTOLENS_JOB_KEY_PREFIX unset).
DEFAULT_KEYS = JobKeys()


class Enqueuer(JobQueue, Protocol):
    async def queue_sizes(self) -> dict[str, int]: ...


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

    async def queue_sizes(self) -> dict[str, int]:
        return {queue: int(await self.pool.zcard(self.keys.queue(queue))) for queue in QUEUES}
