"""ETag and If-None-Match on the cached reads (issue #15): matrix, stats, stats/setups and
symbols answer with a strong ETag of their data (the same while the data is, though the meta's
timestamp and request id change), a bodiless 304 when If-None-Match holds it (weak compare,
lists, `*`), `Cache-Control: private, no-cache` and `Vary` on the credentials; callers whose
tiers show different data get different tags."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.etag import entity_tag, none_match
from cryptolens.db import unit_of_work, utcnow
from cryptolens.market.models import Symbol
from tests.clients import MakeUserClient

CONDITIONAL_READS = ["/api/v1/matrix", "/api/v1/stats", "/api/v1/stats/setups", "/api/v1/symbols"]


@pytest.mark.parametrize("path", CONDITIONAL_READS)
async def test_a_read_answers_304_while_its_data_is_unchanged(
    make_user_client: MakeUserClient, market_rows: dict[str, int], path: str
) -> None:
    premium = (await make_user_client("premium")).http
    first = await premium.get(path)
    assert first.status_code == 200, first.text
    tag = first.headers["ETag"]
    assert tag.startswith('"') and tag.endswith('"') and len(tag) > 10
    # Private and revalidated, not the no-store of other personal answers.
    assert first.headers["Cache-Control"] == "private, no-cache"
    assert set(first.headers["Vary"].replace(" ", "").split(",")) >= {
        "Cookie",
        "X-API-Key",
        "Authorization",
    }
    again = await premium.get(path)
    assert again.headers["ETag"] == tag
    assert again.json()["meta"]["request_id"] != first.json()["meta"]["request_id"]
    assert again.json()["data"] == first.json()["data"]

    for header in (tag, f"W/{tag}", f'"stale", {tag}', "*"):
        not_modified = await premium.get(path, headers={"If-None-Match": header})
        assert not_modified.status_code == 304, header
        assert not_modified.content == b""
        assert not_modified.headers["ETag"] == tag
        assert not_modified.headers["Cache-Control"] == "private, no-cache"

    for header in ('"stale"', 'W/"stale"', tag[:-2] + '"'):
        fresh = await premium.get(path, headers={"If-None-Match": header})
        assert fresh.status_code == 200, header
        assert fresh.headers["ETag"] == tag


async def test_the_tag_follows_the_tier_and_the_data(
    make_user_client: MakeUserClient,
    market_rows: dict[str, int],
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    free = (await make_user_client("free")).http
    premium = (await make_user_client("premium")).http
    free_symbols = await free.get("/api/v1/symbols")
    premium_symbols = await premium.get("/api/v1/symbols")
    assert free_symbols.json()["data"] != premium_symbols.json()["data"]
    assert free_symbols.headers["ETag"] != premium_symbols.headers["ETag"]
    # The free user's tag is no good for the premium answer (and the other way round).
    crossed = await premium.get(
        "/api/v1/symbols", headers={"If-None-Match": free_symbols.headers["ETag"]}
    )
    assert crossed.status_code == 200

    async with unit_of_work(session_factory) as session:
        session.add(
            Symbol(
                symbol="SOL/USDT",
                exchange="binance",
                base="SOL",
                quote="USDT",
                is_active=True,
                tick_size=0.01,
                price_precision=2,
                added_at=utcnow(),
            )
        )
    changed = await premium.get(
        "/api/v1/symbols", headers={"If-None-Match": premium_symbols.headers["ETag"]}
    )
    assert changed.status_code == 200
    assert changed.headers["ETag"] != premium_symbols.headers["ETag"]
    assert "SOL/USDT" in {item["symbol"] for item in changed.json()["data"]}


async def test_errors_carry_no_tag(
    make_user_client: MakeUserClient, market_rows: dict[str, int]
) -> None:
    free = (await make_user_client("free")).http
    refused = await free.get("/api/v1/stats/setups", headers={"If-None-Match": "*"})
    assert refused.status_code == 403
    assert "ETag" not in refused.headers


def test_if_none_match_parsing() -> None:
    tag = entity_tag("[1,2]", {"count": 2})
    assert tag == entity_tag("[1,2]", {"count": 2})
    assert tag != entity_tag("[1,2]", {"count": 3}) != entity_tag("[1,3]", {"count": 2})
    assert none_match(tag, tag) and none_match(f" W/{tag} ", tag)
    assert none_match(f'"a",W/"b",  {tag}', tag) and none_match("*", tag)
    assert not none_match(None, tag) and not none_match("", tag)
    assert not none_match('"a", "b"', tag) and not none_match(tag.strip('"'), tag)
