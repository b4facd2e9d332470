"""The named jobs: each one's body (in its domain's tasks.py, or jobs/minute.py for the minute's
pipeline across domains), queue and time limit.

Jobs are enqueued by name with ids only; this table is the only place a name meets its body.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

from cryptolens.apikeys import tasks as apikeys
from cryptolens.auth import tasks as auth
from cryptolens.backtests import study_jobs
from cryptolens.backtests import tasks as backtests
from cryptolens.billing import tasks as billing
from cryptolens.job_context import JobCounters
from cryptolens.job_requests import tasks as job_requests
from cryptolens.jobs import billing_mails, minute, requested
from cryptolens.market import tasks as market
from cryptolens.notifications import tasks as notifications
from cryptolens.portfolio import purge as portfolio
from cryptolens.settings import JobSettings
from cryptolens.signals import tasks as signals
from cryptolens.system import tasks as system
from cryptolens.webhooks import tasks as webhooks

Queue = Literal["high", "default", "low"]
QUEUES: tuple[Queue, ...] = ("high", "default", "low")

JobBody = Callable[..., Awaitable[JobCounters]]


@dataclass(frozen=True)
class SlotGroup:
    name: str
    size: int


# Replays (user backtests, the admin's parameter study): at most two at once in the service.
REPLAY_SLOTS = SlotGroup("replays", 2)


@dataclass(frozen=True)
class JobDefinition:
    name: str
    queue: Queue
    run: JobBody
    # A copy that finds the job's lock held tries again once the lock could have run out,
    # instead of being skipped: the holder may be a killed worker whose lock lives on for up
    # to its TTL, and the fan-outs resumed after a crash must not wait for the next resume.
    retry_when_busy: bool = False
    # Its own time limit in place of its queue's (a long replay: backtests).
    timeout_seconds: float | None = None
    # A group of jobs sharing a few slots in the whole service (SlotGroup): a job of the group
    # waits, before it starts, until one of them is free.
    slots: SlotGroup | None = None


JOBS: dict[str, JobDefinition] = {
    definition.name: definition
    for definition in (
        JobDefinition("fetch_and_scan", "default", minute.fetch_and_scan),
        JobDefinition("scan_symbol", "default", minute.scan_symbol),
        JobDefinition("fetch_symbol", "default", requested.fetch_symbol),
        JobDefinition("notify_signal", "high", notifications.notify_signal, retry_when_busy=True),
        JobDefinition("deliver_notification", "high", notifications.deliver_notification),
        JobDefinition("resume_deliveries", "high", notifications.resume_deliveries),
        JobDefinition("send_broadcast", "high", notifications.send_broadcast, retry_when_busy=True),
        JobDefinition("scheduled_broadcasts", "high", notifications.scheduled_broadcasts),
        JobDefinition("refresh_stats", "low", signals.refresh_stats),
        JobDefinition("expire_and_cleanup", "low", system.expire_and_cleanup),
        JobDefinition("db_health", "low", market.db_health),
        JobDefinition("load_markets", "low", market.load_markets),
        JobDefinition(
            "warn_expiring_subscriptions", "low", notifications.warn_expiring_subscriptions
        ),
        JobDefinition("send_account_mail", "high", auth.send_account_mail),
        JobDefinition("send_billing_mail", "high", billing_mails.send_billing_mail),
        JobDefinition("requeue_billing_mails", "high", billing_mails.requeue_billing_mails),
        JobDefinition("flush_api_key_usage", "low", apikeys.flush_api_key_usage),
        JobDefinition("apply_scheduled_changes", "high", billing.apply_scheduled_changes),
        JobDefinition("webhook_fanout", "high", webhooks.webhook_fanout),
        JobDefinition("webhook_attempt", "high", webhooks.webhook_attempt),
        JobDefinition("webhook_disabled_notice", "high", webhooks.webhook_disabled_notice),
        JobDefinition("webhook_resume", "high", webhooks.webhook_resume),
        JobDefinition("webhook_cleanup", "low", webhooks.webhook_cleanup),
        JobDefinition("job_requests_cleanup", "low", job_requests.job_requests_cleanup),
        JobDefinition("portfolio_purge", "low", portfolio.portfolio_purge),
        JobDefinition(
            "run_backtest",
            "low",
            backtests.run_backtest,
            timeout_seconds=backtests.JOB_TIMEOUT_SECONDS,
            slots=REPLAY_SLOTS,
        ),
        JobDefinition("backtests_cleanup", "low", backtests.backtests_cleanup),
        JobDefinition(
            "run_study_replay",
            "low",
            study_jobs.run_study_replay,
            timeout_seconds=study_jobs.JOB_TIMEOUT_SECONDS,
            slots=REPLAY_SLOTS,
        ),
    )
}


def job(name: str, queue: Queue, *, retry_when_busy: bool = False) -> Callable[[JobBody], JobBody]:
    """Registers one more job under `name` (tests add probe jobs this way)."""

    def register(body: JobBody) -> JobBody:
        JOBS[name] = JobDefinition(
            name=name, queue=queue, run=body, retry_when_busy=retry_when_busy
        )
        return body

    return register


def get_job(name: str) -> JobDefinition:
    try:
        return JOBS[name]
    except KeyError:
        raise KeyError(f"unknown job {name!r}") from None


def timeout_seconds(settings: JobSettings, queue: Queue) -> float:
    """The one time limit of a job on `queue`; the runner in use enforces it."""
    timeouts: dict[Queue, float] = {
        "high": settings.timeout_high_seconds,
        "default": settings.timeout_default_seconds,
        "low": settings.timeout_low_seconds,
    }
    return timeouts[queue]


def job_timeout_seconds(settings: JobSettings, definition: JobDefinition) -> float:
    """The time limit of one job: its own if it has one, else its queue's."""
    if definition.timeout_seconds is not None:
        return definition.timeout_seconds
    return timeout_seconds(settings, definition.queue)


def args_key(kwargs: dict[str, Any]) -> str:
    """A stable text form of a job's arguments (lock keys, run summaries)."""
    return ",".join(f"{key}={kwargs[key]}" for key in sorted(kwargs))
