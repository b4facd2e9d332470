"""The admin's queries over the subscriptions table: the filtered list, and which users a
tier's subscriptions cover now (for the user list's tier filter).

Whether a subscription confers its tier at a moment is tier_from_subscription's rule, written
here in SQL. The grace after an active subscription's expiry is a per-row number of days, so
`expires_at + grace_days days` is computed by the database (one expression per dialect)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, not_, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from cryptolens.access.tiers import Tier
from cryptolens.billing.models import Subscription
from cryptolens.core.paging import Keyset, Page, PageRequest, keyset_page
from cryptolens.db import TransactionConflictError, UTCDateTime

NEWEST_FIRST = Keyset(Subscription.id)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_MICROSECOND = timedelta(microseconds=1)


class grace_end(FunctionElement[datetime]):  # noqa: N801 (an SQL function's name)
    """`expires_at + grace_days days` of a subscription row, in SQL."""

    type = UTCDateTime()
    inherit_cache = True
    name = "grace_end"


@compiles(grace_end, "sqlite")
def _grace_end_sqlite(element: grace_end, compiler: SQLCompiler, **kw: Any) -> str:
    moment, days = (compiler.process(clause, **kw) for clause in element.clauses)
    # The stored text form is `YYYY-MM-DD HH:MM:SS.ffffff`; %f gives SS.SSS, which compares
    # as text with it (only ever with a strict `>`, where a shorter equal prefix is right).
    return f"strftime('%Y-%m-%d %H:%M:%f', {moment}, '+' || ({days}) || ' days')"


@compiles(grace_end)
def _grace_end_mysql(element: grace_end, compiler: SQLCompiler, **kw: Any) -> str:
    moment, days = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"DATE_ADD({moment}, INTERVAL ({days}) DAY)"


def _grace_running(now: datetime) -> ColumnElement[bool]:
    """An active subscription's paid time plus its grace has not ended at `now`."""
    return grace_end(Subscription.expires_at, Subscription.grace_days) > now


def confers_tier(now: datetime) -> ColumnElement[bool]:
    """The subscription gives its plan's tier at `now` (tier_from_subscription, in SQL)."""
    return or_(
        and_(
            Subscription.status == "active",
            or_(Subscription.expires_at.is_(None), _grace_running(now)),
        ),
        and_(
            Subscription.status == "cancelled",
            or_(Subscription.expires_at.is_(None), Subscription.expires_at > now),
        ),
    )


def of_tier(tier: Tier) -> ColumnElement[bool]:
    """Plans of a tier: the bare tier (admin grants) or `{tier}_{period}` (bought plans)."""
    if tier == Tier.FREE:
        return false()
    return or_(
        Subscription.plan == tier.value,
        Subscription.plan.startswith(f"{tier.value}_", autoescape=True),
    )


def in_grace(now: datetime) -> ColumnElement[bool]:
    """Active, past its expires_at, within the grace days after it."""
    return and_(
        Subscription.status == "active",
        Subscription.expires_at.is_not(None),
        Subscription.expires_at <= now,
        _grace_running(now),
    )


def subscribers(tiers: tuple[Tier, ...], now: datetime) -> Select[int]:
    """The ids of the users whose subscription confers one of `tiers` at `now`."""
    return select(Subscription.user_id).where(or_(*(of_tier(t) for t in tiers)), confers_tier(now))


@dataclass(frozen=True)
class SubscriptionFilters:
    now: datetime
    status: str | None = None
    plan: Tier | None = None  # pro or premium, whatever the period
    user_id: int | None = None
    in_grace: bool | None = None
    lifetime: bool | None = None
    expiring_within: timedelta | None = None  # active, expires_at in [now, now + this]


def _conditions(filters: SubscriptionFilters) -> list[ColumnElement[bool]]:
    now = filters.now
    conditions: list[ColumnElement[bool]] = []
    if filters.status is not None:
        conditions.append(Subscription.status == filters.status)
    if filters.plan is not None:
        conditions.append(of_tier(filters.plan))
    if filters.user_id is not None:
        conditions.append(Subscription.user_id == filters.user_id)
    if filters.in_grace is not None:
        conditions.append(in_grace(now) if filters.in_grace else not_(in_grace(now)))
    if filters.lifetime is not None:
        lifetime = Subscription.expires_at.is_(None)
        conditions.append(lifetime if filters.lifetime else Subscription.expires_at.is_not(None))
    if filters.expiring_within is not None:
        conditions += [
            Subscription.status == "active",
            Subscription.expires_at >= now,
            Subscription.expires_at <= now + filters.expiring_within,
        ]
    return conditions


async def subscription_for_update(db: AsyncSession, user_id: int) -> Subscription | None:
    """The user's subscription, locked until the commit (MariaDB): two admin actions on one
    subscription run one after the other, so neither overwrites the other's result."""
    found: Subscription | None = await db.scalar(
        select(Subscription).where(Subscription.user_id == user_id).with_for_update()
    )
    return found


async def add_subscription(db: AsyncSession, subscription: Subscription) -> None:
    """Inserts a user's first subscription. Another request inserting one at the same moment
    makes the request run again (core/conflicts.py), when it finds that one and acts on it."""
    db.add(subscription)
    try:
        await db.flush()
    except IntegrityError as exc:
        raise TransactionConflictError("the subscription was created meanwhile") from exc


def _microseconds(moment: datetime) -> int:
    return (moment - _EPOCH) // _ONE_MICROSECOND


def _soonest_key(row: Subscription) -> tuple[int, ...]:
    assert row.expires_at is not None  # the expiring list holds only rows with an end
    return (_microseconds(row.expires_at), row.id)


async def subscriptions_page(
    db: AsyncSession, filters: SubscriptionFilters, request: PageRequest
) -> Page[Subscription]:
    """Newest first; the expiring list soonest first (cursor: expires_at in µs, then id)."""
    statement = select(Subscription).where(*_conditions(filters))
    if filters.expiring_within is None:
        return await NEWEST_FIRST.page(db, statement, request)
    if request.limit == 0:
        return Page([])
    if request.after is not None:
        after_time = _EPOCH + request.after[0] * _ONE_MICROSECOND
        statement = statement.where(
            or_(
                Subscription.expires_at > after_time,
                and_(Subscription.expires_at == after_time, Subscription.id > request.after[1]),
            )
        )
    statement = statement.order_by(Subscription.expires_at, Subscription.id)
    rows = (await db.scalars(statement.limit(request.fetch_limit))).all()
    return keyset_page(rows, request, _soonest_key)


SOONEST_KEY_SIZE = 2
NEWEST_KEY_SIZE = 1
