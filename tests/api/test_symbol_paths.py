"""Symbol path parameters (issue #15): `BTC-USDT` and `BTC%2FUSDT` (BTC/USDT encoded, what the
push's "Open chart" link and `encodeURIComponent` send) name the same symbol, in any case;
anything else is a 422 `validation_error`. Checked through the app (httpx's ASGI transport
hands the server a decoded path and the raw one, as uvicorn does) and through a real
`cryptolens serve` process, and the SPA opens /chart/BTC%2FUSDT like /chart/BTC-USDT."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from cryptolens.app import create_app
from cryptolens.core.clock import FrozenClock
from cryptolens.settings import HttpSettings
from tests.api.test_strict_input import assert_envelope_error
from tests.clients import MakeUserClient
from tests.conftest import make_settings
from tests.processes import start_api
from tests.signals.sse import signed_in_user

CANDLES = "/api/v1/symbols/{}/candles"
SAME_SYMBOL = ["BTC-USDT", "BTC%2FUSDT", "btc-usdt", "btc%2fusdt", "Btc%2FUsdt", "BTC/USDT"]
BAD_SYMBOLS = [
    "BTC_USDT",
    "BTC",
    "BTC-",
    "%2FUSDT",
    "BTC%2FUSDT%2FX",
    "BTC-USDT-X",
    "%E2%82%BF-USDT",
]


async def test_both_forms_name_the_same_symbol(
    make_user_client: MakeUserClient, market_rows: dict[str, int]
) -> None:
    premium = (await make_user_client("premium")).http
    reference = await premium.get(CANDLES.format("BTC-USDT"), params={"timeframe": "1h"})
    assert reference.status_code == 200, reference.text
    assert reference.json()["data"]
    for form in SAME_SYMBOL:
        response = await premium.get(CANDLES.format(form), params={"timeframe": "1h"})
        assert response.status_code == 200, (form, response.text)
        assert response.request.url.raw_path.startswith(f"/api/v1/symbols/{form}/".encode())
        assert response.json()["data"] == reference.json()["data"], form


async def test_the_tier_and_existence_rules_apply_to_both_forms(
    make_user_client: MakeUserClient, market_rows: dict[str, int]
) -> None:
    free = (await make_user_client("free")).http
    for form in ("ETH-USDT", "ETH%2FUSDT"):
        assert (await free.get(CANDLES.format(form))).status_code == 403, form
    for form in ("DOGE-USDT", "doge%2Fusdt"):
        assert_envelope_error(await free.get(CANDLES.format(form)), 404, "symbol_not_found")


@pytest.mark.parametrize("form", BAD_SYMBOLS)
async def test_other_forms_are_a_validation_error(
    make_user_client: MakeUserClient, market_rows: dict[str, int], form: str
) -> None:
    premium = (await make_user_client("premium")).http
    body = assert_envelope_error(await premium.get(CANDLES.format(form)), 422, "validation_error")
    assert "symbol" in str(body["error"]), body


async def test_the_admin_symbol_route_takes_both_forms(
    make_user_client: MakeUserClient, market_rows: dict[str, int]
) -> None:
    admin = (await make_user_client(admin=True)).http
    for form in ("BTC%2FUSDT", "btc-usdt"):
        response = await admin.patch(f"/api/v1/admin/symbols/{form}", json={"is_active": True})
        assert response.status_code == 200, (form, response.text)
        assert response.json()["data"]["symbol"]["symbol"] == "BTC/USDT"
    bad = await admin.patch("/api/v1/admin/symbols/BTC_USDT", json={"is_active": True})
    assert_envelope_error(bad, 422, "validation_error")


async def test_openapi_documents_both_forms(client: httpx.AsyncClient, app: FastAPI) -> None:
    document = (await client.get("/api/openapi.json")).json()
    for path, method in (
        ("/api/v1/symbols/{symbol}/candles", "get"),
        ("/api/v1/admin/symbols/{symbol}", "patch"),
    ):
        parameters = document["paths"][path][method]["parameters"]
        symbol = next(item for item in parameters if item["name"] == "symbol")
        assert "BTC%2FUSDT" in symbol["description"]
        values = {example["value"] for example in symbol["examples"].values()}
        assert values == {"BTC-USDT", "BTC/USDT"}


@pytest.fixture
async def spa_client(
    var_dir: Path, db_engine: AsyncEngine, clock: FrozenClock, tmp_path: Path
) -> AsyncIterator[httpx.AsyncClient]:
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>CryptoLens</title>")
    settings = make_settings(var_dir, http=HttpSettings(frontend_dist=dist))
    application = create_app(settings, engine=db_engine, clock=clock)
    transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def test_the_spa_page_opens_for_both_chart_links(spa_client: httpx.AsyncClient) -> None:
    for path in ("/chart/BTC-USDT", "/chart/BTC%2FUSDT"):
        response = await spa_client.get(path)
        assert response.status_code == 200, path
        assert "CryptoLens" in response.text


async def test_a_real_server_takes_both_forms(
    db_engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    market_rows: dict[str, int],
    tmp_path: Path,
) -> None:
    """What a browser or curl sends: %2F stays encoded on the wire, uvicorn decodes it."""
    process = start_api(
        tmp_path,
        database_url=db_engine.url.render_as_string(hide_password=False),
        redis_url=None,
        env={"CRYPTOLENS_ENV": "test"},
    )
    try:
        await process.wait_live()
        user = await signed_in_user(session_factory, process.base_url, "premium")
        http = user.http
        try:
            answers = {}
            for form in ("BTC-USDT", "BTC%2FUSDT", "eth%2fusdt"):
                response = await http.get(CANDLES.format(form), params={"timeframe": "1h"})
                assert response.status_code == 200, (form, response.text)
                assert b"%2" in response.request.url.raw_path or "-" in form
                answers[form] = response.json()["data"]
            assert answers["BTC-USDT"] == answers["BTC%2FUSDT"] and answers["eth%2fusdt"]
            bad = await http.get(CANDLES.format("BTC%2FUSDT%2FX"))
            assert_envelope_error(bad, 422, "validation_error")
        finally:
            await http.aclose()
    finally:
        process.stop()
        sys.stderr.write(f"--- API process log (tail) ---\n{process.log_tail()}\n")
