"""The minute's job (`scheduled_broadcasts`): scheduled broadcasts due in this minute start
sending, and broadcasts left unfinished are looked after.

- Due: `scheduled_for` before the end of the current minute, so a broadcast goes out in its
  minute (and a missed slot's goes out at the next). The move to `sending` is a conditional
  UPDATE: a cancel that won the race keeps it from ever going out.
- Every `sending` broadcast not yet fanned out gets its fan-out queued (after the commit):
  the fresh ones, and any whose fan-out job was lost. The job's one-copy lock keeps a running
  fan-out from being doubled.
- Every fanned-out one whose rows are all final is completed (when its last row was finished
  by the sweep rather than by a push).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.db import to_ms, unit_of_work
from cryptolens.job_context import JobQueue
from cryptolens.notifications.broadcasting import repository
from cryptolens.notifications.broadcasting.fanout import BROADCAST_JOB
from cryptolens.notifications.broadcasting.pushes import settle


@dataclass
class MinuteReport:
    started: int = 0
    queued: int = 0
    completed: int = 0

    def details(self) -> dict[str, int]:
        return {"started": self.started, "queued": self.queued, "completed": self.completed}


def end_of_minute(now: datetime) -> datetime:
    return now.replace(second=0, microsecond=0) + timedelta(minutes=1)


async def run_minute(
    session_factory: async_sessionmaker[AsyncSession], queue: JobQueue, now: datetime
) -> MinuteReport:
    report = MinuteReport()
    async with unit_of_work(session_factory) as db:
        for broadcast_id in await repository.due_scheduled(db, end_of_minute(now)):
            report.started += await repository.move_status(
                db, broadcast_id, "scheduled", {"status": "sending", "started_at": now}
            )
    async with unit_of_work(session_factory) as db:
        unfinished = await repository.sending(db)
        to_fan_out = [b.id for b in unfinished if b.fanned_out_at is None]
        for broadcast in unfinished:
            if broadcast.fanned_out_at is not None:
                report.completed += await settle(db, broadcast.id, now)
    for broadcast_id in to_fan_out:
        await queue.enqueue(
            BROADCAST_JOB,
            job_id=f"{BROADCAST_JOB}:{broadcast_id}:{to_ms(now)}",
            broadcast_id=broadcast_id,
        )
        report.queued += 1
    return report
