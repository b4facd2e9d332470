"""The installation's names in Redis (`CRYPTOLENS_JOB_KEY_PREFIX`): queues, worker health keys,
single-copy locks and arq job ids all start with the prefix, so two installations (or two test
runs) sharing one Redis database never take each other's jobs, locks or slot ids.

arq keeps a job under `arq:job:{id}` (and its result, try count, in-progress mark likewise):
prefixing every id, cron slots included, keeps those apart too.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from cryptolens.jobs.schedule import CronEntry
from cryptolens.settings import JobSettings


@dataclass(frozen=True)
class JobKeys:
    prefix: str = "cryptolens"

    @classmethod
    def of(cls, settings: JobSettings) -> JobKeys:
        return cls(settings.key_prefix)

    def queue(self, queue: str) -> str:
        return f"{self.prefix}:queue:{queue}"

    def health(self, queue: str) -> str:
        return f"{self.prefix}:health:{queue}"

    def lock(self, key: str) -> str:
        return f"{self.prefix}:lock:{key}"

    def job_id(self, job_id: str | None = None) -> str:
        """arq's id of a job: the caller's id (its deduplication key) or a fresh one."""
        return f"{self.prefix}:{job_id or uuid.uuid4().hex}"

    def cron_name(self, entry: CronEntry) -> str:
        """arq's name of a cron job, which its slot ids start with."""
        return f"{self.prefix}:{entry.cron_name}"

    def slot_id(self, entry: CronEntry, slot: datetime) -> str:
        """The job id arq's `cron(unique=True)` gives this slot."""
        return f"{self.prefix}:{entry.slot_id(slot)}"
