"""The admin's parameter study (docs/rules/backtest.md "Walk-forward parameter study"):
submit, list, read, cancel and delete. The replays run in the study's jobs
(backtests/study_jobs.py); a study changes nothing live."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.backtests import parameters, study, study_repository
from cryptolens.backtests.errors import InsufficientHistoryError, InvalidTransitionError
from cryptolens.backtests.study_models import (
    ACTIVE_STATUSES,
    CANCELLED,
    ParameterStudy,
    ParameterStudyWindow,
)
from cryptolens.backtests.study_schemas import StudyIn, StudyOut, StudyWindowOut
from cryptolens.core.errors import ConflictError, NotFoundError, ValidationFailedError
from cryptolens.core.paging import Page, PageRequest
from cryptolens.core.timeframes import MINUTE_MS
from cryptolens.db import to_ms
from cryptolens.market import service as market
from cryptolens.settings import Settings
from cryptolens.signals import reads as signals

JOB_NAME = "run_study_replay"
LANES = 2  # jobs working on one study at once (the service's cap on replay jobs)


class StudyNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("Study not found")


class StudyLimitError(ConflictError):
    """One study at a time in the service."""

    code = "limit_reached"


def job_id_of(study_id: int, lane: int, step: int) -> str:
    return f"study:{study_id}:{lane}:{step}"


# -- submitting ---------------------------------------------------------------------------------


def _check_range(start: int, end: int, now: datetime) -> None:
    for field, value in (("start", start), ("end", end)):
        if value % MINUTE_MS:
            raise ValidationFailedError(f"body.{field}: must be a whole UTC minute (ms)")
    if end <= start:
        raise ValidationFailedError("body.end: must be after start")
    last = to_ms(now) // MINUTE_MS * MINUTE_MS
    if end > last:
        raise ValidationFailedError(f"body.end: must be at most the last closed minute ({last})")


def _check_grid(grid: dict[str, list[Any]], live: Settings) -> list[dict[str, Any]]:
    """Every combination's values (parameters.values_used), in grid order; a bad name or
    value is a 422 naming it."""
    for name, values in grid.items():
        if name not in parameters.TUNABLE_NAMES:
            raise ValidationFailedError(
                f"body.grid.{name}: not a tunable ({', '.join(parameters.TUNABLE_NAMES)})"
            )
        for value in values:
            try:
                parameters.TunableParameters.model_validate({name: value})
            except ValidationError as invalid:
                problem = invalid.errors()[0]["msg"]
                raise ValidationFailedError(f"body.grid.{name}: {value!r}: {problem}") from None
    combinations = study.combinations(grid)
    study.check_size(1, 1, len(combinations))
    used = []
    for overrides in combinations:
        given = parameters.TunableParameters.model_validate(overrides)
        try:
            used.append(parameters.values_used(parameters.cycle_settings(live, given)))
        except ValidationFailedError as invalid:
            raise ValidationFailedError(
                str(invalid.detail).replace("body.parameters.", "body.grid.")
            ) from None
    return used


async def _stored_symbols(db: AsyncSession, names: list[str], start: int) -> list[market.Symbol]:
    found: list[market.Symbol] = []
    for name in names:
        try:
            symbol = await market.find_symbol(db, name)
        except market.SymbolNotFoundError:
            raise ValidationFailedError(f"body.symbols: {name} is not a stored symbol") from None
        if any(symbol.id == other.id for other in found):
            raise ValidationFailedError(f"body.symbols: {name} is given twice")
        span = await market.stored_minutes_span(db, symbol.id)
        if span is None:
            raise InsufficientHistoryError(f"body.start: no stored 1m candles for {name}")
        earliest = span[0] + signals.WARM_UP_MS
        if start < earliest:
            raise InsufficientHistoryError(
                f"body.start: the stored 1m history of {name} allows a start from {earliest} on"
            )
        found.append(symbol)
    return found


async def submit(
    db: AsyncSession,
    body: StudyIn,
    *,
    environment: Settings,
    user_id: int | None,
    now: datetime,
) -> ParameterStudy:
    """The study, queued with its windows and replays; 409 `limit_reached` while another is
    queued or running."""
    _check_range(body.start, body.end, now)
    live = await parameters.live_settings(db, environment)
    used = _check_grid(body.grid, live)
    windows = study.plan_windows(body.start, body.end, body.train_days, body.test_days)
    study.check_size(len(body.symbols), len(windows), len(used))
    symbols = await _stored_symbols(db, body.symbols, body.start)
    if await study_repository.active_study_id(db) is not None:
        raise StudyLimitError("One study at a time: wait for it, or cancel it")
    baseline = parameters.values_used(
        parameters.cycle_settings(live, parameters.TunableParameters())
    )
    rows = [
        ParameterStudyWindow(
            symbol_id=symbol.id,
            symbol=symbol.symbol,
            k=window.k,
            train_start=window.train_start,
            train_end=window.train_end,
            test_start=window.test_start,
            test_end=window.test_end,
        )
        for symbol in symbols
        for window in windows
    ]
    record = ParameterStudy(
        created_by=user_id,
        symbols=[symbol.symbol for symbol in symbols],
        start=body.start,
        end=body.end,
        grid=body.grid,
        train_days=body.train_days,
        test_days=body.test_days,
        min_sample=body.min_sample,
        combinations=used,
        live_values=baseline,
        replays_total=len(rows) * (len(used) + 2),
        warning=study.WARNING,
        created_at=now,
    )
    return await study_repository.add_study(db, record, rows, len(used))


def audit_fields(record: ParameterStudy) -> dict[str, Any]:
    """What the audit row keeps of a study."""
    return {
        "symbols": record.symbols,
        "start": record.start,
        "end": record.end,
        "grid": record.grid,
        "train_days": record.train_days,
        "test_days": record.test_days,
        "min_sample": record.min_sample,
        "status": record.status,
    }


# -- reading ------------------------------------------------------------------------------------


async def load(db: AsyncSession, study_id: int) -> ParameterStudy:
    record = await study_repository.get_study(db, study_id)
    if record is None:
        raise StudyNotFoundError()
    return record


async def get_study(db: AsyncSession, study_id: int) -> StudyOut:
    return StudyOut.of(await load(db, study_id))


async def list_studies(
    db: AsyncSession, request: PageRequest, status: str | None
) -> Page[StudyOut]:
    page = await study_repository.study_page(db, request, status)
    return page.map(StudyOut.of)


async def list_windows(db: AsyncSession, study_id: int, symbol: str | None) -> list[StudyWindowOut]:
    await load(db, study_id)
    name = symbol.upper().replace("-", "/") if symbol is not None else None
    return [StudyWindowOut.of(w) for w in await study_repository.windows_of(db, study_id, name)]


# -- cancelling and deleting --------------------------------------------------------------------


async def cancel(db: AsyncSession, study_id: int, now: datetime) -> ParameterStudy:
    """A queued or running study stops (its jobs see it within seconds); else 409."""
    record = await load(db, study_id)
    if not await study_repository.set_study(
        db, study_id, ACTIVE_STATUSES, status=CANCELLED, finished_at=now
    ):
        raise InvalidTransitionError(f"The study is {record.status}: only a queued or running one")
    return await load(db, study_id)


async def delete(db: AsyncSession, study_id: int) -> ParameterStudy:
    """Deletes the study in any state (a running one's jobs find it gone and stop)."""
    record = await load(db, study_id)
    await study_repository.delete_study(db, study_id)
    return record
