"""The cron schedule of jobs.md, as arq's workers run it and as the embedded runner fires it:
the same slots, under the same ids (the workers' under the installation's key prefix), each
on its job's queue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest
from arq.connections import ArqRedis
from arq.worker import Worker

from cryptolens.jobs.keys import JobKeys
from cryptolens.jobs.registry import QUEUES, Queue, get_job
from cryptolens.jobs.schedule import CRON_SCHEDULE, CronEntry
from cryptolens.jobs.worker import arq_cron_jobs, arq_functions
from cryptolens.settings import Settings

DAY = datetime(2026, 11, 25, tzinfo=UTC)


class CapturingPool:
    """Stands in for Redis: records what arq's cron loop enqueues."""

    def __init__(self) -> None:
        self.enqueued: list[dict[str, Any]] = []

    async def enqueue_job(self, function: str, **options: Any) -> None:
        self.enqueued.append({"function": function, **options})


def _slots_of_the_day(entry: CronEntry) -> list[datetime]:
    """Every slot the embedded runner fires in DAY, minute by minute."""
    minutes = (DAY + timedelta(minutes=index) for index in range(24 * 60))
    return [slot for minute in minutes if (slot := entry.slot_at(minute)) is not None]


def _hours_and_minutes(slots: list[datetime]) -> set[tuple[int, int]]:
    return {(slot.hour, slot.minute) for slot in slots}


def test_the_schedule_is_the_specs() -> None:
    slots = {entry.job_name: _slots_of_the_day(entry) for entry in CRON_SCHEDULE}
    assert len(slots["fetch_and_scan"]) == len(slots["resume_deliveries"]) == 24 * 60
    assert _hours_and_minutes(slots["refresh_stats"]) == {
        (hour, minute) for hour in range(24) for minute in range(0, 60, 5)
    }
    assert _hours_and_minutes(slots["requeue_billing_mails"]) == _hours_and_minutes(
        slots["refresh_stats"]
    )
    assert _hours_and_minutes(slots["expire_and_cleanup"]) == {(hour, 7) for hour in range(24)}
    assert _hours_and_minutes(slots["warn_expiring_subscriptions"]) == {
        (hour, 20) for hour in range(24)
    }
    assert _hours_and_minutes(slots["db_health"]) == {(3, 0)}
    # Half a second past the minute, so the minute that just closed is complete.
    assert {(slot.second, slot.microsecond) for day in slots.values() for slot in day} == {
        (0, 500_000)
    }


@pytest.mark.parametrize("queue", QUEUES)
async def test_arq_runs_each_entry_on_its_queue_at_the_same_slots(
    test_settings: Settings, queue: Queue
) -> None:
    keys = JobKeys.of(test_settings.jobs)
    entries = {keys.cron_name(entry): entry for entry in CRON_SCHEDULE}
    crons = arq_cron_jobs(test_settings, queue)
    assert {cron.name for cron in crons} == {
        keys.cron_name(entry) for entry in CRON_SCHEDULE if get_job(entry.job_name).queue == queue
    }
    for cron in crons:
        entry = entries[cron.name]
        assert cron.unique and not cron.run_at_startup
        arq_slots = []
        cron.calculate_next(DAY - timedelta(seconds=1))
        while cron.next_run is not None and cron.next_run < DAY + timedelta(days=1):
            arq_slots.append(cron.next_run)
            cron.calculate_next(cron.next_run)
        assert arq_slots == _slots_of_the_day(entry)


async def test_a_slot_has_the_id_arq_gives_it(test_settings: Settings) -> None:
    jobs = test_settings.jobs.model_copy(update={"key_prefix": "lens-7"})
    settings = test_settings.model_copy(update={"jobs": jobs})
    keys = JobKeys.of(jobs)
    pool = CapturingPool()
    worker = Worker(
        functions=arq_functions(settings, "low"),
        cron_jobs=arq_cron_jobs(settings, "low"),
        queue_name=keys.queue("low"),
        redis_pool=cast(ArqRedis, pool),
        handle_signals=False,
        timezone=UTC,
    )
    slot = datetime(2026, 11, 25, 3, 0, 0, 500_000, tzinfo=UTC)
    for cron in worker.cron_jobs:
        cron.calculate_next(slot - timedelta(seconds=1))
    # arq enqueues a slot in the second before it is due.
    await worker.run_cron(slot - timedelta(seconds=0.5), delay=0.5)
    by_name = {job["function"]: job for job in pool.enqueued}
    assert set(by_name) == {
        "lens-7:cron:refresh_stats",
        "lens-7:cron:db_health",
        "lens-7:cron:flush_api_key_usage",
    }
    assert by_name["lens-7:cron:db_health"]["_job_id"] == "lens-7:cron:db_health:1795575600500"
    for entry in CRON_SCHEDULE:
        if keys.cron_name(entry) in by_name:
            assert by_name[keys.cron_name(entry)]["_job_id"] == keys.slot_id(entry, slot)
            assert by_name[keys.cron_name(entry)]["_queue_name"] == "lens-7:queue:low"
    # The embedded runner fires the same slots for that minute (of the low queue's entries):
    # its ids are the workers' without the prefix.
    low = [entry for entry in CRON_SCHEDULE if get_job(entry.job_name).queue == "low"]
    fired = [keys.slot_id(e, at) for e in low if (at := e.slot_at(slot)) is not None]
    assert sorted(fired) == sorted(job["_job_id"] for job in pool.enqueued)
