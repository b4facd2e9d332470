"""The cron schedule (jobs.md), UTC. Both runners read it; each slot has a unique id so a slot
is enqueued once however many processes look at the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptolens.jobs.registry import JOBS

EVERY_FIVE_MINUTES = frozenset(range(0, 60, 5))


@dataclass(frozen=True)
class CronEntry:
    job_name: str
    minutes: frozenset[int] | None = None  # None: every minute
    hours: frozenset[int] | None = None  # None: every hour

    def is_due(self, moment: datetime) -> bool:
        return (self.minutes is None or moment.minute in self.minutes) and (
            self.hours is None or moment.hour in self.hours
        )

    def slot_id(self, moment: datetime) -> str:
        return f"cron:{self.job_name}:{moment.strftime('%Y%m%dT%H%M')}"


CRON_SCHEDULE: tuple[CronEntry, ...] = (
    CronEntry("fetch_and_scan"),
    CronEntry("refresh_stats", minutes=EVERY_FIVE_MINUTES),
    CronEntry("resume_deliveries", minutes=EVERY_FIVE_MINUTES),
    CronEntry("expire_and_cleanup", minutes=frozenset({7})),
    CronEntry("warn_expiring_subscriptions", minutes=frozenset({20})),
    CronEntry("db_health", minutes=frozenset({0}), hours=frozenset({3})),
)


def active_schedule() -> list[CronEntry]:
    """The entries whose job exists in this build (a job family lands with its domain)."""
    return [entry for entry in CRON_SCHEDULE if entry.job_name in JOBS]


def due_entries(moment: datetime) -> list[CronEntry]:
    return [entry for entry in active_schedule() if entry.is_due(moment)]
