"""The trade journal: a trader's notes on one of their trades (pre_trade, during, post_trade,
lesson), oldest first, up to 100 a trade.

Every entry is reached through its live trade: another user's entry, or one whose trade or
portfolio is deleted, is a 404 like a missing one. Deleting a trade is soft, so its entries
simply become unreachable; the purge that hard-deletes the trade takes them by FK cascade."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.errors import ConflictError, NotFoundError, ValidationFailedError
from cryptolens.portfolio import repository
from cryptolens.portfolio.journal_schemas import (
    EntryType,
    JournalEntryIn,
    JournalEntryOut,
    JournalEntryPatch,
    Mood,
)
from cryptolens.portfolio.models import JournalEntry, Portfolio, Trade
from cryptolens.portfolio.service import Owner, TradeRef, load_trade

MAX_ENTRIES_PER_TRADE = 100


class JournalEntryNotFoundError(NotFoundError):
    def __init__(self) -> None:
        super().__init__("Journal entry not found")


class JournalLimitError(ConflictError):
    code = "limit_reached"


@dataclass(frozen=True)
class EntryRef:
    """One of the owner's journal entries as a request names it; looked up by the change."""

    owner: Owner
    entry_id: int


def entry_out(entry: JournalEntry) -> JournalEntryOut:
    return JournalEntryOut(
        id=entry.id,
        trade_id=entry.trade_id,
        entry_type=cast(EntryType, entry.entry_type),
        mood=cast(Mood | None, entry.mood),
        content=entry.content,
        created_at=entry.created_at,
        updated_at=entry.updated_at,
    )


# Queries


def _live_entries(user_id: int) -> Select[JournalEntry]:
    """The user's entries whose trade and portfolio are not deleted."""
    return (
        select(JournalEntry)
        .join(Trade, Trade.id == JournalEntry.trade_id)
        .join(Portfolio, Portfolio.id == Trade.portfolio_id)
        .where(
            JournalEntry.user_id == user_id,
            Trade.deleted_at.is_(None),
            Portfolio.deleted_at.is_(None),
        )
    )


async def _count_entries(db: AsyncSession, trade_id: int) -> int:
    """A locking read: taken under the trade's lock, it sees entries committed after this
    transaction's snapshot (MariaDB's repeatable read), so two additions at 99 cannot both pass."""
    count = await db.scalar(
        select(func.count())
        .select_from(JournalEntry)
        .where(JournalEntry.trade_id == trade_id)
        .with_for_update(read=True)
    )
    return int(count or 0)


async def _load_entry(ref: EntryRef) -> JournalEntry:
    """The entry locked for its change; another user's is "not found" too."""
    entry = await ref.owner.db.scalar(
        _live_entries(ref.owner.user_id)
        .where(JournalEntry.id == ref.entry_id)
        .with_for_update(of=JournalEntry)
    )
    if entry is None:
        raise JournalEntryNotFoundError()
    return entry


# Reads and changes


async def list_entries(ref: TradeRef, entry_type: EntryType | None = None) -> list[JournalEntryOut]:
    trade = await load_trade(ref)
    owner = ref.owner
    statement = _live_entries(owner.user_id).where(JournalEntry.trade_id == trade.id)
    if entry_type is not None:
        statement = statement.where(JournalEntry.entry_type == entry_type)
    # Oldest first; the id breaks ties between entries written in the same instant.
    entries = await owner.db.scalars(statement.order_by(JournalEntry.created_at, JournalEntry.id))
    return [entry_out(entry) for entry in entries]


async def add_to_trade(owner: Owner, trade: Trade, wanted: JournalEntryIn) -> JournalEntryOut:
    """A new entry on a trade the caller owns and has locked or just created (the lock keeps
    two concurrent additions from both passing the count at 99)."""
    if await _count_entries(owner.db, trade.id) >= MAX_ENTRIES_PER_TRADE:
        raise JournalLimitError(f"a trade holds at most {MAX_ENTRIES_PER_TRADE} journal entries")
    entry = JournalEntry(
        trade_id=trade.id,
        user_id=owner.user_id,
        entry_type=wanted.entry_type,
        mood=wanted.mood,
        content=wanted.content,
        created_at=owner.now,
        updated_at=owner.now,
    )
    await repository.add(owner.db, entry)
    return entry_out(entry)


async def add_entry(ref: TradeRef, wanted: JournalEntryIn) -> JournalEntryOut:
    trade = await load_trade(ref, for_update=True)
    return await add_to_trade(ref.owner, trade, wanted)


async def update_entry(ref: EntryRef, patch: JournalEntryPatch) -> JournalEntryOut:
    entry = await _load_entry(ref)
    for field in sorted(patch.model_fields_set):
        value = getattr(patch, field)
        if value is None and field != "mood":
            raise ValidationFailedError(f"body.{field}: may not be null")
        setattr(entry, field, value)
    entry.updated_at = ref.owner.now
    await ref.owner.db.flush()
    return entry_out(entry)


async def delete_entry(ref: EntryRef) -> None:
    entry = await _load_entry(ref)
    await ref.owner.db.delete(entry)
    await ref.owner.db.flush()
