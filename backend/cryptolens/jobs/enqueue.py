"""Enqueueing by name with ids only. arq in production; the embedded runner without Redis."""

from __future__ import annotations

from typing import Any, Protocol

from arq.connections import ArqRedis

from cryptolens.jobs.registry import QUEUES, Queue, get_job

QUEUE_KEY_PREFIX = "cryptolens:queue:"


def queue_key(queue: Queue) -> str:
    return QUEUE_KEY_PREFIX + queue


class Enqueuer(Protocol):
    async def enqueue(
        self,
        name: str,
        *,
        job_id: str | None = None,
        defer_seconds: float | None = None,
        **kwargs: Any,
    ) -> str | None:
        """Queue a job; returns its id, or None when a job with that id is already queued."""
        ...

    async def queue_sizes(self) -> dict[str, int]: ...


class ArqEnqueuer:
    def __init__(self, pool: ArqRedis) -> None:
        self.pool = pool

    async def enqueue(
        self,
        name: str,
        *,
        job_id: str | None = None,
        defer_seconds: float | None = None,
        **kwargs: Any,
    ) -> str | None:
        definition = get_job(name)
        job = await self.pool.enqueue_job(
            name,
            _job_id=job_id,
            _queue_name=queue_key(definition.queue),
            _defer_by=defer_seconds,
            **kwargs,
        )
        return None if job is None else str(job.job_id)

    async def queue_sizes(self) -> dict[str, int]:
        return {queue: int(await self.pool.zcard(queue_key(queue))) for queue in QUEUES}
