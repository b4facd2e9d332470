"""The cron schedule (docs/operations.md, "Background jobs"), UTC, written once for both runners.

In worker mode each entry becomes an arq `cron(..., unique=True)` job on the worker of its
queue; the embedded runner fires the same entries through arq's own `next_cron`, under the
same slot ids (the workers' under the installation's key prefix, jobs/keys.py), so both modes
agree on when a slot is and what it is called. A slot id names the job and the slot's instant:
a slot is enqueued once however many processes look at the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from arq.cron import next_cron
from arq.utils import to_unix_ms

EVERY_FIVE_MINUTES = frozenset(range(0, 60, 5))
# Slots fire half a second past the minute, so the minute that just closed is complete.
SLOT_MICROSECOND = 500_000


@dataclass(frozen=True)
class CronEntry:
    job_name: str
    minute: int | frozenset[int] | None = None  # None: every minute
    hour: int | None = None  # None: every hour

    @property
    def cron_name(self) -> str:
        """arq's name for the cron job; its slot ids start with it."""
        return f"cron:{self.job_name}"

    @property
    def minute_option(self) -> int | set[int] | None:
        """`minute` as arq's cron options take it."""
        return set(self.minute) if isinstance(self.minute, frozenset) else self.minute

    @property
    def cron_text(self) -> str:
        """The entry as a crontab line's five time fields, UTC (`*/5 * * * *`)."""
        return f"{_cron_field(self.minute, 60)} {_cron_field(self.hour, 24)} * * *"

    def next_slot(self, after: datetime) -> datetime:
        """The first slot after `after` (more than a second after), as arq computes it."""
        return next_cron(
            after,
            minute=self.minute_option,
            hour=self.hour,
            second=0,
            microsecond=SLOT_MICROSECOND,
        )

    def slot_at(self, moment: datetime) -> datetime | None:
        """This entry's slot in the minute of `moment`, or None when none falls in it."""
        minute = moment.astimezone(UTC).replace(second=0, microsecond=0)
        slot = self.next_slot(minute - timedelta(seconds=1))
        return slot if slot < minute + timedelta(minutes=1) else None

    def slot_id(self, slot: datetime) -> str:
        """The job id arq's `cron(unique=True)` gives this slot."""
        return f"{self.cron_name}:{to_unix_ms(slot)}"


def _cron_field(value: int | frozenset[int] | None, size: int) -> str:
    """One crontab field: `*`, a number, `*/step` for every step from 0, else a list."""
    if value is None:
        return "*"
    if isinstance(value, int):
        return str(value)
    ordered = sorted(value)
    step = ordered[1] - ordered[0] if len(ordered) > 1 else 0
    if ordered[0] == 0 and step > 0 and ordered == list(range(0, size, step)):
        return f"*/{step}"
    return ",".join(str(item) for item in ordered)


CRON_SCHEDULE: tuple[CronEntry, ...] = (
    CronEntry("fetch_and_scan"),
    CronEntry("refresh_stats", minute=EVERY_FIVE_MINUTES),
    CronEntry("resume_deliveries"),
    CronEntry("scheduled_broadcasts"),
    CronEntry("webhook_resume"),
    CronEntry("flush_api_key_usage"),
    CronEntry("apply_scheduled_changes"),
    CronEntry("requeue_billing_mails", minute=EVERY_FIVE_MINUTES),
    CronEntry("expire_and_cleanup", minute=7),
    CronEntry("warn_expiring_subscriptions", minute=20),
    CronEntry("db_health", minute=0, hour=3),
    CronEntry("webhook_cleanup", minute=40, hour=3),
    CronEntry("job_requests_cleanup", minute=50, hour=3),
    CronEntry("portfolio_purge", minute=30, hour=3),
    CronEntry("backtests_cleanup", minute=35, hour=3),
)
