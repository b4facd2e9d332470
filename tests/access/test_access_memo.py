"""The access memo on its own: lifetime, the session's end, the grace while a lookup is in
flight, and invalidation by this process's own commits to the tables it comes from."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.access.memo import AccessMemo
from cryptolens.access.principal import Principal, PrincipalUser
from cryptolens.access.scopes import USER_SCOPES
from cryptolens.access.tiers import Tier
from cryptolens.auth.models import User
from cryptolens.db import unit_of_work
from cryptolens.market.models import Symbol

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
ACCESS = Principal(
    user=PrincipalUser(id=7, email="pro@example.com", is_admin=False, is_verified=True),
    tier=Tier.PRO,
    scopes=USER_SCOPES,
    method="session",
    credential_id=3,
    watchlist=("ETH/USDT",),
)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_an_answer_lives_its_seconds_and_never_past_the_session() -> None:
    memo = AccessMemo(2.0)
    memo.put("cookie", ACCESS, T0, at(3600), memo.changes)
    assert memo.get("cookie", at(1.99)) == ACCESS
    assert memo.get("cookie", at(2.0)) is None
    assert memo.get("other-cookie", at(1)) is None
    memo.put("cookie", ACCESS, T0, at(1), memo.changes)
    assert memo.get("cookie", at(0.5)) == ACCESS
    assert memo.get("cookie", at(1)) is None


def test_zero_seconds_remembers_nothing() -> None:
    memo = AccessMemo(0)
    memo.put("cookie", ACCESS, T0, at(3600), memo.changes)
    assert memo.get("cookie", T0) is None


async def test_the_old_answer_serves_briefly_while_one_request_looks_it_up() -> None:
    memo = AccessMemo(2.0)
    memo.put("cookie", ACCESS, T0, at(3600), memo.changes)
    assert memo.get_while_looked_up("cookie", at(2.1)) is None  # nobody is looking it up
    async with memo.lookup_lock("cookie"):
        assert memo.get_while_looked_up("cookie", at(2.1)) == ACCESS
        assert memo.get_while_looked_up("cookie", at(2.5)) is None
    assert memo.get_while_looked_up("cookie", at(2.1)) is None


async def test_a_commit_here_to_its_tables_drops_every_answer(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    memo = AccessMemo(2.0)
    memo.put("cookie", ACCESS, T0, at(3600), memo.changes)
    async with unit_of_work(session_factory) as db:
        await db.execute(update(Symbol).values(is_active=True))  # another table: kept
    assert memo.get("cookie", at(1)) == ACCESS
    async with unit_of_work(session_factory) as db:
        await db.execute(update(User).where(User.id == -1).values(is_active=False))
        assert memo.get("cookie", at(1)) == ACCESS  # not committed yet
    assert memo.get("cookie", at(1)) is None
    memo.put("cookie", ACCESS, T0, at(3600), memo.changes)
    try:
        async with unit_of_work(session_factory) as db:
            await db.execute(update(User).where(User.id == -1).values(is_active=False))
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    assert memo.get("cookie", at(1)) == ACCESS  # a rolled-back write changes nothing


async def test_an_answer_read_before_a_commit_here_is_stale_at_once(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    memo = AccessMemo(2.0)
    before_read = memo.changes
    # A logout commits here while the lookup was reading the (still valid) session.
    async with unit_of_work(session_factory) as db:
        await db.execute(update(User).where(User.id == -1).values(is_active=False))
    memo.put("cookie", ACCESS, T0, at(3600), before_read)
    assert memo.get("cookie", at(1)) is None
