"""Request and response bodies of the trade journal: notes on a trade, plain text stored and
returned exactly as written (never rendered as HTML, so nothing is escaped or stripped here)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from cryptolens.core.iso_times import IsoInstant

EntryType = Literal["pre_trade", "during", "post_trade", "lesson"]
Mood = Literal["confident", "neutral", "fearful", "greedy", "fomo", "revenge"]

MAX_CONTENT = 10_000
Content = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_CONTENT),
    Field(description="Plain text, kept verbatim", examples=["Waited for the retest."]),
]


class JournalEntryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entry_type: EntryType = "during"
    mood: Mood | None = None
    content: Content


class JournalEntryPatch(BaseModel):
    """Only the fields sent change; `mood: null` clears the mood."""

    model_config = ConfigDict(extra="forbid")

    entry_type: EntryType | None = None
    mood: Mood | None = None
    content: Content | None = None


class JournalEntryOut(BaseModel):
    id: int
    trade_id: int
    entry_type: EntryType
    mood: Mood | None
    content: str = Field(description="Plain text as written: show it as text, never as HTML")
    created_at: IsoInstant
    updated_at: IsoInstant
