"""Error tracking's rules (admin.md, "Errors"): grouping, counting, status, retention.

A failure lands in the group of its fingerprint, created on first sight; the group keeps the
latest message (2,000 characters) and traceback (10,000), its count, first and last sight, a
count per UTC day and its 20 latest occurrences. A resolved group seen again is new again
(regressed_at); an ignored one only counts. Admins move a group between the four statuses,
never to the one it has (409 `invalid_transition`); who and when are kept, notes append.
Resolved groups unseen for 90 days are deleted by the hourly clean-up.

Like every service it never commits: capture.py runs `record_failure` in a unit of work of its
own, the admin routes the rest in theirs.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.errors import ConflictError, NotFoundError
from cryptolens.core.paging import Page, PageRequest
from cryptolens.system.errors import repository
from cryptolens.system.errors.models import ERROR_STATUSES, ErrorGroup, ErrorOccurrence
from cryptolens.system.errors.redaction import cut
from cryptolens.system.errors.schemas import (
    DayOfErrors,
    ErrorFilters,
    ErrorGroupDetail,
    ErrorStats,
    ErrorStatus,
    Failure,
    TopGroup,
)

MAX_MESSAGE_CHARS = 2_000
MAX_TRACEBACK_CHARS = 10_000
OCCURRENCES_KEPT = 20
RESOLVED_RETENTION = timedelta(days=90)
DAILY_COUNTS_SHOWN_DAYS = 90
TOP_GROUPS = 10
# Notes are appended for ever; the oldest go once they pass what a TEXT column holds.
MAX_NOTES_CHARS = 60_000
_COLUMN_CHARS = {"error_type": 255, "location": 255, "frames": 1000}


class InvalidTransitionError(ConflictError):
    code = "invalid_transition"


class ErrorGroupNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("Error not found")


def cut_traceback(text: str) -> str:
    """The last 10,000 characters: the innermost frames and the exception are at the end."""
    if len(text) <= MAX_TRACEBACK_CHARS:
        return text
    marker = "...\n"
    return marker + text[-(MAX_TRACEBACK_CHARS - len(marker)) :]


async def record_failure(session: AsyncSession, failure: Failure, now: datetime) -> int:
    """Counts one failure in its group (made on first sight); returns the group's id."""
    signature = failure.signature
    fingerprint = signature.fingerprint
    message = cut(failure.message, MAX_MESSAGE_CHARS)
    traceback = cut_traceback(failure.traceback)
    await repository.insert_group_if_new(
        session,
        {
            "fingerprint": fingerprint,
            "source": failure.source,
            "error_type": cut(signature.error_type, _COLUMN_CHARS["error_type"]),
            "location": cut(signature.location, _COLUMN_CHARS["location"]),
            "frames": cut(signature.frames, _COLUMN_CHARS["frames"]),
            "message": message,
            "traceback": traceback,
            "occurrence_count": 0,
            "first_seen": now,
            "last_seen": now,
            "status": "new",
        },
    )
    await repository.regress_if_resolved(session, fingerprint, now)
    state = await repository.group_state(session, fingerprint)
    if state is None:  # deleted between the statements by the clean-up: nothing to count
        raise LookupError(f"error group {fingerprint} vanished while counted")
    group_id, status = state
    ignored = status == "ignored"
    latest = None if ignored else {"message": message, "traceback": traceback}
    await repository.count_occurrence(session, group_id, now, latest)
    await repository.count_day(session, group_id, now.date())
    if not ignored:
        await repository.add_occurrence(
            session,
            ErrorOccurrence(
                group_id=group_id,
                occurred_at=now,
                request_id=failure.request_id,
                job_id=failure.job_id,
                user_id=failure.user_id,
                method=failure.method,
                path=None if failure.path is None else cut(failure.path, 1000),
                query=failure.query,
                headers=failure.headers,
                body=failure.body,
            ),
        )
        await repository.keep_latest_occurrences(session, group_id, OCCURRENCES_KEPT)
    return group_id


# --- Admin ----------------------------------------------------------------------------------


async def list_groups(
    session: AsyncSession, filters: ErrorFilters, request: PageRequest
) -> Page[ErrorGroup]:
    return await repository.list_page(session, filters, request)


async def group_detail(session: AsyncSession, group_id: int, today: date) -> ErrorGroupDetail:
    group = await repository.get(session, group_id)
    if group is None:
        raise ErrorGroupNotFoundError()
    since = today - timedelta(days=DAILY_COUNTS_SHOWN_DAYS - 1)
    return ErrorGroupDetail(
        group=group,
        occurrences=await repository.occurrences_of(session, group_id),
        daily_counts=await repository.daily_counts_of(session, group_id, since),
    )


async def change_status(
    session: AsyncSession,
    group_id: int,
    status: ErrorStatus,
    *,
    note: str | None,
    by_user_id: int | None,
    by_label: str,
    now: datetime,
) -> tuple[str, ErrorGroup]:
    """Moves the group to `status` (not the one it has); returns the old status and the group."""
    group = await repository.get_for_update(session, group_id)
    if group is None:
        raise ErrorGroupNotFoundError()
    if status not in ERROR_STATUSES:
        raise InvalidTransitionError(f"unknown status {status}")
    before = group.status
    if status == before:
        raise InvalidTransitionError(f"the error is {before} already")
    group.status = status
    group.status_changed_at = now
    group.status_changed_by = by_user_id
    if note:
        group.notes = append_note(group.notes, note, by_label=by_label, status=status, now=now)
    await session.flush()
    return before, group


def append_note(notes: str | None, note: str, *, by_label: str, status: str, now: datetime) -> str:
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    line = f"[{stamp}] {by_label} ({status}): {note}"
    text = line if not notes else f"{notes}\n{line}"
    return text[-MAX_NOTES_CHARS:]


async def stats(session: AsyncSession, days: int, now: datetime) -> ErrorStats:
    """Per UTC day of the last `days` (today included): occurrences and groups first seen;
    every group by status; the 10 groups with the most occurrences in those days."""
    today = now.date()
    first_day = today - timedelta(days=days - 1)
    occurrences = await repository.occurrences_per_day(session, first_day)
    window_start = datetime.combine(first_day, datetime.min.time(), tzinfo=now.tzinfo)
    new_groups: dict[date, int] = {}
    for first_seen in await repository.first_seen_since(session, window_start):
        new_groups[first_seen.date()] = new_groups.get(first_seen.date(), 0) + 1
    per_day = [
        DayOfErrors(day=day, occurrences=occurrences.get(day, 0), new_groups=new_groups.get(day, 0))
        for day in (first_day + timedelta(days=offset) for offset in range(days))
    ]
    counted = await repository.groups_by_status(session)
    by_status = {status: counted.get(status, 0) for status in ERROR_STATUSES}
    top = [
        TopGroup(group=group, occurrences=total)
        for group, total in await repository.top_groups(session, first_day, TOP_GROUPS)
    ]
    return ErrorStats(days=per_day, by_status=by_status, top=top)


async def delete_stale_resolved(session: AsyncSession, now: datetime) -> int:
    """Resolved groups not seen for 90 days, with their occurrences and counts."""
    return await repository.delete_resolved_unseen_since(session, now - RESOLVED_RETENTION)
