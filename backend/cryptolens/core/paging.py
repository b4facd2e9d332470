"""Keyset paging for every list the API serves: newest first, one page at a time.

A list is ordered by whole-number columns, descending (e.g. created_at then id, or just id),
and a page is read as the `limit + 1` rows past the previous page's last sort key; the extra
row only tells whether a next page exists. `meta.next_cursor` carries that last key, opaque to
the caller, and, for lists with a count limit (a tier's history), how many items were served
so far. A list takes three pieces:

    # repository: the order, declared once, and the statement with the list's filters
    NEWEST_FIRST = Keyset(Trade.created_at, Trade.id)
    async def list_page(session, filters, request: PageRequest) -> Page[Trade]:
        return await NEWEST_FIRST.page(session, select(Trade).where(...), request)

    # service: the caller's cursor (422 when forged) -> rows -> out-models
    request = PageRequest.from_cursor(page.cursor, key_size=2, limit=page.limit)
    return (await repository.list_page(session, filters, request)).map(TradeOut.model_validate)

    # route, taking `page: PageParams` (the `cursor` and `limit` query parameters)
    return ok_page(await service.list_trades(session, ..., page))

A tier's history limits (age and count) plan the request instead: access.history.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Generic, Self, TypeVar

from fastapi import Depends, Query
from sqlalchemy import ColumnElement, Select, and_, or_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from cryptolens.core.envelope import Envelope, ok
from cryptolens.core.errors import ValidationFailedError
from cryptolens.core.params import MAX_INT64, STRICT_INT

T = TypeVar("T")
U = TypeVar("U")
Row = TypeVar("Row")

SortKey = tuple[int, ...]

# A cursor is URL-safe base64 of a short JSON list: anything longer or other is forged.
CURSOR_MAX_CHARS = 200
_CURSOR_TEXT = re.compile(r"[A-Za-z0-9_-]+")
CURSOR_PATTERN = f"^[A-Za-z0-9_-]{{1,{CURSOR_MAX_CHARS}}}$"


# Cursors


def encode_cursor(*parts: int) -> str:
    raw = json.dumps(list(parts), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, size: int) -> SortKey | None:
    """The `size` numbers a cursor of this API carries; None without a cursor (the first
    page). Anything else (edited, truncated, another list's) is a 422."""
    if not cursor:
        return None
    if len(cursor) > CURSOR_MAX_CHARS or not _CURSOR_TEXT.fullmatch(cursor):
        raise ValidationFailedError("cursor: not a cursor this API returned")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        parts = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error):
        raise ValidationFailedError("cursor: not a cursor this API returned") from None
    if (
        not isinstance(parts, list)
        or len(parts) != size
        # Sort keys and counts are ids, ms and counts: never negative, always 64-bit.
        or not all(type(part) is int and 0 <= part <= MAX_INT64 for part in parts)
    ):
        raise ValidationFailedError("cursor: not a cursor this API returned")
    return tuple(parts)


# Pages


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list, and the cursor of the next one (None: this is the last page)."""

    items: list[T]
    next_cursor: str | None = None

    def map(self, convert: Callable[[T], U]) -> Page[U]:
        return Page([convert(item) for item in self.items], self.next_cursor)


@dataclass(frozen=True)
class PageRequest:
    """Where a page starts and how much it may show, read from the caller's cursor."""

    limit: int  # items this page may show; 0: a count limit is used up, nothing is left
    after: SortKey | None = None  # sort key of the previous page's last item
    served: int = 0  # items the previous pages showed (counted lists only)
    counted: bool = field(default=False, kw_only=True)  # the cursor carries `served`

    @classmethod
    def from_cursor(
        cls,
        cursor: str | None,
        *,
        key_size: int,
        limit: int,
        counted: bool = False,
        max_items: int | None = None,
    ) -> Self:
        """`counted` lists carry the items served in the cursor, so that `max_items` (None:
        no count limit) holds across pages."""
        position = decode_cursor(cursor, key_size + 1 if counted else key_size)
        served = position[key_size] if position is not None and counted else 0
        if max_items is not None:
            limit = max(0, min(limit, max_items - served))
        return cls(
            limit=limit,
            after=None if position is None else position[:key_size],
            served=served,
            counted=counted,
        )

    @property
    def fetch_limit(self) -> int:
        """Rows to read: one more than the page shows tells whether another page follows."""
        return self.limit + 1

    def next_cursor(self, last_key: SortKey, shown: int) -> str:
        if self.counted:
            return encode_cursor(*last_key, self.served + shown)
        return encode_cursor(*last_key)


def keyset_page(
    rows: Sequence[Row], request: PageRequest, key: Callable[[Row], SortKey]
) -> Page[Row]:
    """The page out of rows read with `request.fetch_limit`; `key` is a row's sort key."""
    shown = list(rows[: request.limit])
    if len(rows) <= request.limit or not shown:
        return Page(shown)
    return Page(shown, request.next_cursor(key(shown[-1]), len(shown)))


class Keyset:
    """A list's order: these columns, descending (the last one unique, e.g. the id)."""

    def __init__(self, *columns: InstrumentedAttribute[int]) -> None:
        self.columns = columns

    def key(self, row: object) -> SortKey:
        return tuple(getattr(row, column.key) for column in self.columns)

    def past(self, after: Sequence[int]) -> ColumnElement[bool]:
        """The rows after the sort key `after`: `a < x OR (a = x AND b < y)` for two columns."""
        columns = self.columns
        branches = [columns[0] < after[0]]
        for depth in range(1, len(columns)):
            equal_before = (columns[i] == after[i] for i in range(depth))
            branches.append(and_(*equal_before, columns[depth] < after[depth]))
        return branches[0] if len(branches) == 1 else or_(*branches)

    async def page(
        self, session: AsyncSession, statement: Select[Row], request: PageRequest
    ) -> Page[Row]:
        """The page of `statement` (the list's own filters) that `request` asks for; reads
        nothing once a count limit is used up."""
        if request.limit == 0:
            return Page([])
        if request.after is not None:
            statement = statement.where(self.past(request.after))
        statement = statement.order_by(*(column.desc() for column in self.columns))
        rows = (await session.scalars(statement.limit(request.fetch_limit))).all()
        return keyset_page(rows, request, self.key)


# Routes


@dataclass(frozen=True)
class PageQuery:
    cursor: str | None = None  # meta.next_cursor of the page before; None: the first page
    limit: int = 50


# A list's `cursor` query parameter (decode_cursor still checks what it carries).
CursorQuery = Annotated[
    str | None,
    Query(
        description="meta.next_cursor of the previous page",
        max_length=CURSOR_MAX_CHARS,
        pattern=CURSOR_PATTERN,
    ),
]
# A list's `limit` query parameter: 1 to 500 items, in ASCII digits.
LimitQuery = Annotated[int, Query(ge=1, le=500), STRICT_INT]


def _page_query(cursor: CursorQuery = None, limit: LimitQuery = PageQuery.limit) -> PageQuery:
    return PageQuery(cursor, limit)


# A list route's `cursor` and `limit` query parameters (1 to 500 items a page, 50 unless asked).
PageParams = Annotated[PageQuery, Depends(_page_query)]


def ok_page(page: Page[T], **meta: Any) -> Envelope[list[T]]:
    """The success envelope of a page: `meta.next_cursor` only when another page follows."""
    return ok(page.items, next_cursor=page.next_cursor, **meta)
