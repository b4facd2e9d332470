"""`/api/v1/trades/{trade_id}/journal` and `/api/v1/journal/{entry_id}`: a pro or premium
user's notes on their trades (free users: 403 `tier_required`). Session only, CSRF-checked
writes. Another user's trade or entry, or one of a deleted trade, answers 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.params import EntityId
from cryptolens.portfolio import journal
from cryptolens.portfolio.deps import OwnerDep, TheirTrade
from cryptolens.portfolio.journal_schemas import (
    EntryType,
    JournalEntryIn,
    JournalEntryOut,
    JournalEntryPatch,
)
from cryptolens.portfolio.schemas import DeletedOut

router = APIRouter(prefix="/api/v1", tags=["portfolios"])

_DESCRIPTIONS = {
    401: "Not signed in",
    403: "CSRF header missing, an API key (session only), or a tier below pro",
    404: "No such trade or journal entry of the caller's",
    409: "limit_reached: the trade has 100 entries",
    422: "Invalid field (validation_error)",
}


def _errors(*statuses: int) -> dict[int | str, dict[str, object]]:
    return error_responses({status: _DESCRIPTIONS[status] for status in statuses})


async def _entry(entry_id: EntityId, owner: OwnerDep) -> journal.EntryRef:
    # Named, not loaded (as deps.py's): the change looks it up under its lock, after validation.
    return journal.EntryRef(owner, entry_id)


# The caller's journal entry that the path names.
TheirEntry = Annotated[journal.EntryRef, Depends(_entry)]


@router.get(
    "/trades/{trade_id}/journal",
    operation_id="portfolios-journal",
    summary="The trade's journal entries, oldest first",
    response_model=Envelope[list[JournalEntryOut]],
    responses=_errors(401, 403, 404, 422),
)
async def list_entries(
    trade: TheirTrade, entry_type: Annotated[EntryType | None, Query()] = None
) -> Envelope[list[JournalEntryOut]]:
    return ok(await journal.list_entries(trade, entry_type))


@router.post(
    "/trades/{trade_id}/journal",
    status_code=201,
    operation_id="portfolios-add-journal-entry",
    summary="Add a note to a trade (up to 100 a trade)",
    response_model=Envelope[JournalEntryOut],
    responses=_errors(401, 403, 404, 409, 422),
)
async def add_entry(trade: TheirTrade, body: JournalEntryIn) -> Envelope[JournalEntryOut]:
    return ok(await journal.add_entry(trade, body))


@router.patch(
    "/journal/{entry_id}",
    operation_id="portfolios-update-journal-entry",
    summary="Change an entry's type, mood or text",
    response_model=Envelope[JournalEntryOut],
    responses=_errors(401, 403, 404, 422),
)
async def update_entry(entry: TheirEntry, body: JournalEntryPatch) -> Envelope[JournalEntryOut]:
    return ok(await journal.update_entry(entry, body))


@router.delete(
    "/journal/{entry_id}",
    operation_id="portfolios-delete-journal-entry",
    summary="Delete a journal entry",
    response_model=Envelope[DeletedOut],
    responses=_errors(401, 403, 404),
)
async def delete_entry(entry: TheirEntry) -> Envelope[DeletedOut]:
    await journal.delete_entry(entry)
    return ok(DeletedOut(message="Journal entry deleted"))
