"""The keyset paging kit: cursors, pages, count limits across pages and the WHERE clause."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import cast

import pytest
from sqlalchemy import Integer, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from cryptolens.core.errors import ValidationFailedError
from cryptolens.core.paging import (
    Keyset,
    Page,
    PageRequest,
    SortKey,
    decode_cursor,
    encode_cursor,
    keyset_page,
    ok_page,
)


@dataclass(frozen=True)
class Item:
    at: int
    id: int


def key(item: Item) -> SortKey:
    return (item.at, item.id)


# Newest first, with ties in `at` broken by id.
ITEMS = sorted(
    (Item(at=1_000 * (index // 3), id=index + 1) for index in range(11)),
    key=key,
    reverse=True,
)


def read_page(request: PageRequest) -> Page[Item]:
    """What a repository does, over ITEMS in memory."""
    past = [item for item in ITEMS if request.after is None or key(item) < request.after]
    return keyset_page(past[: request.fetch_limit], request, key)


def raw_cursor(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def test_a_cursor_round_trips_and_no_cursor_is_the_first_page() -> None:
    for parts in [(1_710_000_000_000, 42), (7,), (0, 0, 100)]:
        cursor = encode_cursor(*parts)
        assert "=" not in cursor
        assert decode_cursor(cursor, len(parts)) == parts
    assert decode_cursor(None, 2) is None
    assert decode_cursor("", 2) is None


@pytest.mark.parametrize(
    "cursor",
    [
        "nope",
        "!!!",
        raw_cursor({"at": 1, "id": 2}),
        raw_cursor([1]),
        raw_cursor([1, 2, 3]),
        raw_cursor([1, "2"]),
        raw_cursor([1.5, 2]),
        raw_cursor([True, 2]),
        raw_cursor(None),
    ],
)
def test_a_forged_cursor_is_a_422_naming_the_cursor(cursor: str) -> None:
    with pytest.raises(ValidationFailedError) as raised:
        decode_cursor(cursor, 2)
    assert raised.value.status_code == 422
    assert raised.value.message == "Validation error: cursor: not a cursor this API returned"


def test_a_cursor_of_a_counted_list_is_forged_for_an_uncounted_one() -> None:
    counted = encode_cursor(1_000, 7, 20)
    assert PageRequest.from_cursor(counted, key_size=2, limit=5, counted=True).served == 20
    with pytest.raises(ValidationFailedError):
        PageRequest.from_cursor(counted, key_size=2, limit=5)


def test_more_rows_than_the_limit_give_the_last_key_as_cursor() -> None:
    request = PageRequest(limit=3)
    page = keyset_page(ITEMS[: request.fetch_limit], request, key)
    assert page.items == ITEMS[:3]
    assert page.next_cursor == encode_cursor(*key(ITEMS[2]))


@pytest.mark.parametrize("rows", [ITEMS[:3], ITEMS[:2], []])
def test_the_last_page_has_no_cursor(rows: list[Item]) -> None:
    assert keyset_page(rows, PageRequest(limit=3), key) == Page(rows)


def walk(page_size: int, *, max_items: int | None = None) -> list[Page[Item]]:
    """Every page a caller gets by following next_cursor from the first page."""
    pages: list[Page[Item]] = []
    cursor: str | None = None
    while True:
        request = PageRequest.from_cursor(
            cursor, key_size=2, limit=page_size, counted=max_items is not None, max_items=max_items
        )
        pages.append(read_page(request) if request.limit else Page([]))
        cursor = pages[-1].next_cursor
        if cursor is None:
            return pages


def test_pages_walk_the_whole_list_once_in_order() -> None:
    pages = walk(4)
    assert [item for page in pages for item in page.items] == ITEMS
    assert [len(page.items) for page in pages] == [4, 4, 3]


def test_a_count_limit_holds_across_pages() -> None:
    pages = walk(2, max_items=5)
    assert [item for page in pages for item in page.items] == ITEMS[:5]
    # The page reaching the limit still points on while rows remain (as the API always has);
    # the page after it is empty and final.
    assert [len(page.items) for page in pages] == [2, 2, 1, 0]
    assert pages[2].next_cursor == encode_cursor(*key(ITEMS[4]), 5)


def test_a_count_limit_shortens_the_page_that_reaches_it() -> None:
    cursor = encode_cursor(*key(ITEMS[2]), 3)
    request = PageRequest.from_cursor(cursor, key_size=2, limit=50, counted=True, max_items=5)
    assert (request.limit, request.after, request.served) == (2, key(ITEMS[2]), 3)
    page = read_page(request)
    assert page.items == ITEMS[3:5]
    assert page.next_cursor == encode_cursor(*key(ITEMS[4]), 5)
    used_up = PageRequest.from_cursor(
        page.next_cursor, key_size=2, limit=50, counted=True, max_items=5
    )
    assert used_up.limit == 0


def test_a_page_maps_its_items_and_keeps_its_cursor() -> None:
    assert Page([1, 2], "c").map(str) == Page(["1", "2"], "c")


def test_the_envelope_of_a_page_has_a_cursor_only_when_more_follows() -> None:
    more = ok_page(Page([1, 2], "c")).model_dump()["meta"]
    last = ok_page(Page([1, 2])).model_dump()["meta"]
    assert (more["count"], more["next_cursor"]) == (2, "c")
    assert last["count"] == 2 and "next_cursor" not in last


# Keyset: the same walk through a table, newest first


class Base(DeclarativeBase):
    pass


class Row(Base):
    __tablename__ = "rows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[int] = mapped_column(Integer)


NEWEST_FIRST = Keyset(Row.at, Row.id)


@pytest.fixture
async def rows() -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_async_engine("sqlite+aiosqlite://")
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    factory = async_sessionmaker(engine, expire_on_commit=False)
    async with factory.begin() as session:
        session.add_all(Row(id=item.id, at=item.at) for item in ITEMS)
    yield factory
    await engine.dispose()


@pytest.mark.parametrize(("page_size", "max_items"), [(1, None), (2, None), (5, None), (2, 5)])
async def test_a_keyset_pages_a_table_with_ties(
    rows: async_sessionmaker[AsyncSession], page_size: int, max_items: int | None
) -> None:
    counted = max_items is not None
    seen: list[SortKey] = []
    cursor: str | None = None
    async with rows() as session:
        while True:
            request = PageRequest.from_cursor(
                cursor, key_size=2, limit=page_size, counted=counted, max_items=max_items
            )
            page = await NEWEST_FIRST.page(session, select(Row), request)
            seen += [(row.at, row.id) for row in page.items]
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
    assert seen == [key(item) for item in ITEMS][:max_items]


async def test_a_keyset_keeps_the_lists_own_filters(rows: async_sessionmaker[AsyncSession]) -> None:
    async with rows() as session:
        page = await NEWEST_FIRST.page(session, select(Row).where(Row.at == 1_000), PageRequest(2))
        rest = await NEWEST_FIRST.page(
            session,
            select(Row).where(Row.at == 1_000),
            PageRequest.from_cursor(page.next_cursor, key_size=2, limit=2),
        )
    assert [row.id for row in page.items + rest.items] == [6, 5, 4]
    assert rest.next_cursor is None


async def test_a_used_up_count_limit_reads_nothing() -> None:
    class NoDatabase:
        async def scalars(self, statement: object) -> object:
            raise AssertionError("nothing is left to show")

    page = await NEWEST_FIRST.page(cast(AsyncSession, NoDatabase()), select(Row), PageRequest(0))
    assert page == Page([])


def test_a_single_column_keyset_is_one_comparison() -> None:
    clause = Keyset(Row.id).past((9,))
    assert str(clause.compile(compile_kwargs={"literal_binds": True})) == "rows.id < 9"
    two = str(NEWEST_FIRST.past((5, 9)).compile(compile_kwargs={"literal_binds": True}))
    assert two == "rows.at < 5 OR rows.at = 5 AND rows.id < 9"
