"""The admin's queries over the accounts tables: the filtered user list.

A tier filter arrives as a statement of user ids from the subscriptions domain (billing):
accounts never import billing, the admin API composes the two."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, func, not_, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.auth.models import User
from cryptolens.core.paging import Keyset, Page, PageRequest

# Ids grow with sign-up time: newest accounts first.
NEWEST_FIRST = Keyset(User.id)


@dataclass(frozen=True)
class TierMembership:
    """Users of one tier, as the subscriptions domain answers it: `user_ids` is a statement
    selecting the ids whose subscription confers the tier(s) in question now. `member`: the
    user is (True) or is not (False) among them; `admins`: admins count too (they are premium
    whatever their subscription), else admins are left out."""

    user_ids: Select[int]
    member: bool
    admins: bool


@dataclass(frozen=True)
class UserFilters:
    now: datetime
    q: str | None = None  # in the email or the display name, any case
    is_active: bool | None = None
    is_verified: bool | None = None
    is_admin: bool | None = None
    locked: bool | None = None  # locked at `now`
    tier: TierMembership | None = None


def _locked_now(now: datetime) -> ColumnElement[bool]:
    return and_(User.locked_until.is_not(None), User.locked_until > now)


def _tier_condition(tier: TierMembership) -> ColumnElement[bool]:
    subscribed = User.id.in_(tier.user_ids) if tier.member else User.id.not_in(tier.user_ids)
    if tier.admins:
        return or_(User.is_admin.is_(true()), subscribed)
    return and_(User.is_admin.is_not(true()), subscribed)


def _conditions(filters: UserFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.q:
        needle = filters.q.strip().lower()
        # Emails are stored lower-cased; lower() on both sides keeps a binary collation
        # (the tests' MariaDB) case-insensitive too.
        conditions.append(
            or_(
                User.email.contains(needle, autoescape=True),
                func.lower(User.display_name).contains(needle, autoescape=True),
            )
        )
    for column, wanted in (
        (User.is_active, filters.is_active),
        (User.is_verified, filters.is_verified),
        (User.is_admin, filters.is_admin),
    ):
        if wanted is not None:
            conditions.append(column.is_(true()) if wanted else column.is_not(true()))
    if filters.locked is not None:
        locked = _locked_now(filters.now)
        conditions.append(locked if filters.locked else not_(locked))
    if filters.tier is not None:
        conditions.append(_tier_condition(filters.tier))
    return conditions


async def users_page(db: AsyncSession, filters: UserFilters, request: PageRequest) -> Page[User]:
    statement = select(User).where(*_conditions(filters))
    return await NEWEST_FIRST.page(db, statement, request)
