"""The billing mails' outbox (table billing_mails): a row per decided mail, written in the
transaction that decides it (ledger.apply_event, purchase.cancel), marked once the
`send_billing_mail` job is done with it. The queue is only the fast path: when the enqueue
after the commit fails (Redis down), the `requeue_billing_mails` sweep queues the row again,
under the same job id, so a copy queued twice still sends once.

A mail is sent at least once, not exactly once: a worker killed between the SMTP answer and
the mark sends it again on the next try. A sent row is never sent again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.billing.models import OutboxMail
from cryptolens.db import upsert_statement

# Younger rows are the fast path's (their job may still be queued or running); older than
# the give-up age, a mail is no longer worth sending (and the sweep's scan stays small).
REQUEUE_AFTER = timedelta(minutes=2)
GIVE_UP_AFTER = timedelta(days=3)
REQUEUE_BATCH = 200
SENT_RETENTION = timedelta(days=90)

Outcome = Literal["sent", "skipped"]


@dataclass(frozen=True)
class PendingMail:
    payment_id: int
    kind: str


def mail_job_id(kind: str, payment_id: int) -> str:
    """The job's id and deduplication key: a mail is queued once however often it is asked."""
    return f"billing-mail:{kind}:{payment_id}"


async def record(db: AsyncSession, kind: str, payment_id: int, now: datetime) -> None:
    """Inserts the mail's row unless it is there (a replay or a second decision adds
    nothing); in the caller's transaction, so the mail exists iff the change committed."""
    dialect = db.get_bind().dialect.name
    statement = upsert_statement(dialect, OutboxMail.__table__, ("payment_id", "kind"), ())
    await db.execute(statement.values(payment_id=payment_id, kind=kind, created_at=now, attempts=0))


async def begin_attempt(db: AsyncSession, payment_id: int, kind: str) -> bool:
    """Counts a try of the job; False when the row was sent already (this copy mails nothing).
    No row (queued before the outbox existed, or its row was purged) also counts as a go."""
    row = await db.scalar(
        select(OutboxMail)
        .where(OutboxMail.payment_id == payment_id, OutboxMail.kind == kind)
        .with_for_update()
    )
    if row is None:
        return True
    if row.sent_at is not None:
        return False
    row.attempts += 1
    await db.flush()
    return True


async def mark_done(
    db: AsyncSession, payment_id: int, kind: str, now: datetime, outcome: Outcome
) -> None:
    await db.execute(
        update(OutboxMail)
        .where(
            OutboxMail.payment_id == payment_id,
            OutboxMail.kind == kind,
            OutboxMail.sent_at.is_(None),
        )
        .values(sent_at=now, outcome=outcome)
    )


async def unsent(db: AsyncSession, now: datetime) -> Sequence[PendingMail]:
    """The oldest unsent rows past the fast path's time and not yet given up, a bounded batch."""
    rows = await db.execute(
        select(OutboxMail.payment_id, OutboxMail.kind)
        .where(
            OutboxMail.sent_at.is_(None),
            OutboxMail.created_at < now - REQUEUE_AFTER,
            OutboxMail.created_at > now - GIVE_UP_AFTER,
        )
        .order_by(OutboxMail.created_at, OutboxMail.id)
        .limit(REQUEUE_BATCH)
    )
    return [PendingMail(payment_id, kind) for payment_id, kind in rows.all()]


async def purge_sent(db: AsyncSession, now: datetime) -> int:
    """Deletes sent rows past their retention (unsent ones past the give-up age are kept as
    the trace of a mail that never went)."""
    result = await db.execute(
        delete(OutboxMail).where(
            OutboxMail.sent_at.is_not(None), OutboxMail.sent_at < now - SENT_RETENTION
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)
