"""Every SQL statement on the parameter study's tables (backtests/study_models.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import CursorResult, delete, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from cryptolens.backtests.study_models import (
    ACTIVE_STATUSES,
    BASELINE,
    REPLAY_DONE,
    REPLAY_PENDING,
    REPLAY_RUNNING,
    REPLAY_SKIPPED,
    TEST,
    TRAIN,
    ParameterStudy,
    ParameterStudyReplay,
    ParameterStudyWindow,
)
from cryptolens.core.paging import Keyset, Page, PageRequest

NEWEST_FIRST = Keyset(ParameterStudy.id)
FINISHED_REPLAYS = (REPLAY_DONE, REPLAY_SKIPPED)


async def active_study_id(session: AsyncSession) -> int | None:
    found = await session.scalar(
        select(ParameterStudy.id).where(ParameterStudy.status.in_(ACTIVE_STATUSES)).limit(1)
    )
    return found


async def add_study(
    session: AsyncSession,
    study: ParameterStudy,
    windows: Sequence[ParameterStudyWindow],
    combination_count: int,
) -> ParameterStudy:
    """The study, its windows and every replay they need: per window a train replay per
    combination, then the baseline and the chosen test replay."""
    session.add(study)
    await session.flush()
    for window in windows:
        window.study_id = study.id
        session.add(window)
    await session.flush()
    for window in windows:
        replays = [
            ParameterStudyReplay(study_id=study.id, window_id=window.id, kind=TRAIN, combination=c)
            for c in range(combination_count)
        ]
        replays.append(ParameterStudyReplay(study_id=study.id, window_id=window.id, kind=BASELINE))
        replays.append(ParameterStudyReplay(study_id=study.id, window_id=window.id, kind=TEST))
        session.add_all(replays)
    await session.flush()
    return study


async def get_study(session: AsyncSession, study_id: int) -> ParameterStudy | None:
    return await session.get(ParameterStudy, study_id, populate_existing=True)


async def study_page(
    session: AsyncSession, request: PageRequest, status: str | None
) -> Page[ParameterStudy]:
    statement = select(ParameterStudy)
    if status is not None:
        statement = statement.where(ParameterStudy.status == status)
    return await NEWEST_FIRST.page(session, statement, request)


async def windows_of(
    session: AsyncSession, study_id: int, symbol: str | None = None
) -> list[ParameterStudyWindow]:
    statement = select(ParameterStudyWindow).where(ParameterStudyWindow.study_id == study_id)
    if symbol is not None:
        statement = statement.where(ParameterStudyWindow.symbol == symbol)
    return list(await session.scalars(statement.order_by(ParameterStudyWindow.id)))


async def delete_study(session: AsyncSession, study_id: int) -> None:
    # Children first: SQLite enforces no foreign keys unless asked, so no cascade is relied on.
    for table in (ParameterStudyReplay, ParameterStudyWindow):
        await session.execute(delete(table).where(table.study_id == study_id))
    await session.execute(delete(ParameterStudy).where(ParameterStudy.id == study_id))


async def set_study(
    session: AsyncSession, study_id: int, only_if: Sequence[str], **values: Any
) -> bool:
    """Updates the study if its status is one of `only_if`; whether it did."""
    result = await session.execute(
        update(ParameterStudy)
        .where(ParameterStudy.id == study_id, ParameterStudy.status.in_(only_if))
        .values(**values)
    )
    assert isinstance(result, CursorResult)
    return result.rowcount == 1


async def status_of(session: AsyncSession, study_id: int) -> str | None:
    found = await session.scalar(select(ParameterStudy.status).where(ParameterStudy.id == study_id))
    return found


async def claimable_replay(
    session: AsyncSession, study_id: int, stale_before: datetime
) -> ParameterStudyReplay | None:
    """The first replay to run: pending (or claimed by a run that died before
    `stale_before`), a test replay only once every train replay of its window is done."""
    train = aliased(ParameterStudyReplay)
    unfinished_train = exists().where(
        train.window_id == ParameterStudyReplay.window_id,
        train.kind == TRAIN,
        train.status.not_in(FINISHED_REPLAYS),
    )
    statement = (
        select(ParameterStudyReplay)
        .where(
            ParameterStudyReplay.study_id == study_id,
            or_(
                ParameterStudyReplay.status == REPLAY_PENDING,
                (ParameterStudyReplay.status == REPLAY_RUNNING)
                & (ParameterStudyReplay.claimed_at < stale_before),
            ),
            or_(ParameterStudyReplay.kind != TEST, ~unfinished_train),
        )
        .order_by(ParameterStudyReplay.id)
        .limit(1)
    )
    return await session.scalar(statement)


async def claim_replay(session: AsyncSession, replay: ParameterStudyReplay, now: datetime) -> bool:
    """Takes the replay if nobody took it since it was read (compare-and-set on its status
    and claim time)."""
    result = await session.execute(
        update(ParameterStudyReplay)
        .where(
            ParameterStudyReplay.id == replay.id,
            ParameterStudyReplay.status == replay.status,
            (
                ParameterStudyReplay.claimed_at.is_(None)
                if replay.claimed_at is None
                else ParameterStudyReplay.claimed_at == replay.claimed_at
            ),
        )
        .values(status=REPLAY_RUNNING, claimed_at=now)
    )
    assert isinstance(result, CursorResult)
    return result.rowcount == 1


async def finish_replay(session: AsyncSession, replay_id: int, status: str, **values: Any) -> bool:
    """Records a claimed replay's result; False if it was finished meanwhile (then nothing
    is counted twice)."""
    result = await session.execute(
        update(ParameterStudyReplay)
        .where(
            ParameterStudyReplay.id == replay_id,
            ParameterStudyReplay.status == REPLAY_RUNNING,
        )
        .values(status=status, **values)
    )
    assert isinstance(result, CursorResult)
    if result.rowcount != 1:
        return False
    study_id = select(ParameterStudyReplay.study_id).where(ParameterStudyReplay.id == replay_id)
    await session.execute(
        update(ParameterStudy)
        .where(ParameterStudy.id == study_id.scalar_subquery())
        .values(replays_done=ParameterStudy.replays_done + 1)
    )
    return True


async def replays_of_window(
    session: AsyncSession, window_id: int, kind: str
) -> list[ParameterStudyReplay]:
    return list(
        await session.scalars(
            select(ParameterStudyReplay)
            .where(ParameterStudyReplay.window_id == window_id, ParameterStudyReplay.kind == kind)
            .order_by(ParameterStudyReplay.combination, ParameterStudyReplay.id)
        )
    )


async def replays_left(session: AsyncSession, study_id: int) -> int:
    return int(
        await session.scalar(
            select(func.count())
            .select_from(ParameterStudyReplay)
            .where(
                ParameterStudyReplay.study_id == study_id,
                ParameterStudyReplay.status.not_in(FINISHED_REPLAYS),
            )
        )
        or 0
    )


async def replays_of_study(session: AsyncSession, study_id: int) -> list[ParameterStudyReplay]:
    return list(
        await session.scalars(
            select(ParameterStudyReplay)
            .where(ParameterStudyReplay.study_id == study_id)
            .order_by(ParameterStudyReplay.id)
        )
    )


async def get_window(session: AsyncSession, window_id: int) -> ParameterStudyWindow | None:
    return await session.get(ParameterStudyWindow, window_id, populate_existing=True)
