"""A fake Binance spot REST API on a real loopback socket, for driving the real ccxt client.

Serves what ccxt's binance calls for spot markets: GET /api/v3/exchangeInfo (load_markets),
/api/v3/time (fetch_time) and /api/v3/klines (fetch_ohlcv), with Binance's startTime/endTime/
limit semantics and error bodies. The clock is controlled by the test. Faults are scripted:
429/418 with Retry-After, 5xx, slow answers (client timeouts), malformed bodies, Binance
error codes, per endpoint and per symbol, for a number of requests or for good.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field

from aiohttp import web

from tests.fakes.exchange_data import INTERVAL_MS, FakeMarket, klines

FOREVER = -1


@dataclass
class Fault:
    """What to answer instead of the real response, for `times` matching requests."""

    endpoint: str | None = None  # "klines", "exchangeInfo", "time" or None for every one
    symbol: str | None = None  # exchange market id (BTCUSDT), klines only
    status: int = 500
    body: str | None = None
    retry_after: str | None = None
    delay_s: float = 0.0  # answer this late (after the client's timeout: RequestTimeout)
    times: int = 1  # FOREVER for a permanent fault
    after: int = 0  # let this many matching requests through first
    content_type: str = "application/json"

    def matches(self, endpoint: str, symbol: str | None) -> bool:
        return (self.endpoint in (None, endpoint)) and (self.symbol in (None, symbol))


@dataclass
class RecordedRequest:
    endpoint: str
    params: dict[str, str]
    status: int


@dataclass
class FakeExchange:
    now_ms: int
    markets: dict[str, FakeMarket] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    requests: list[RecordedRequest] = field(default_factory=list)
    # After this many klines answers, further klines requests hang until the test releases
    # them (`release_klines`), and `klines_paused` is set: a run can be interrupted mid-way.
    pause_klines_after: int | None = None
    klines_paused: asyncio.Event = field(default_factory=asyncio.Event)
    _klines_released: asyncio.Event = field(default_factory=asyncio.Event)
    base_url: str = ""
    _runner: web.AppRunner | None = None
    _release_slow: asyncio.Event | None = None

    # -- set-up -------------------------------------------------------------------------------

    def add_market(self, market: FakeMarket) -> FakeMarket:
        self.markets[market.market_id] = market
        return market

    def fail(self, **fault: object) -> Fault:
        added = Fault(**fault)  # type: ignore[arg-type]
        self.faults.append(added)
        return added

    def advance(self, milliseconds: int) -> None:
        self.now_ms += milliseconds

    def release_klines(self) -> None:
        self.pause_klines_after = None
        self._klines_released.set()

    def klines_requests(self, market_id: str | None = None) -> list[RecordedRequest]:
        return [
            request
            for request in self.requests
            if request.endpoint == "klines"
            and (market_id is None or request.params.get("symbol") == market_id)
        ]

    # -- serving ------------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application()
        app.router.add_get("/api/v3/exchangeInfo", self._exchange_info)
        app.router.add_get("/api/v3/time", self._time)
        app.router.add_get("/api/v3/klines", self._klines)
        self._release_slow = asyncio.Event()
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"
        return self.base_url

    async def stop(self) -> None:
        if self._release_slow is not None:
            self._release_slow.set()
        self._klines_released.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @contextmanager
    def serving_in_thread(self) -> Iterator[str]:
        """Serves from its own thread and loop, for tests of synchronous code (the CLI)."""
        loop = asyncio.new_event_loop()
        started = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.run_until_complete(self.start())
            started.set()
            loop.run_forever()

        thread = threading.Thread(target=run, name="fake-exchange", daemon=True)
        thread.start()
        started.wait(10)
        try:
            yield self.base_url
        finally:
            asyncio.run_coroutine_threadsafe(self.stop(), loop).result(10)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(10)
            loop.close()

    async def _exchange_info(self, request: web.Request) -> web.StreamResponse:
        faulty = await self._fault_answer("exchangeInfo", None, request)
        if faulty is not None:
            return faulty
        body = {
            "timezone": "UTC",
            "serverTime": self.now_ms,
            "rateLimits": [
                {
                    "rateLimitType": "REQUEST_WEIGHT",
                    "interval": "MINUTE",
                    "intervalNum": 1,
                    "limit": 6000,
                }
            ],
            "exchangeFilters": [],
            "symbols": [_symbol_info(market) for market in self.markets.values()],
        }
        return self._json(request, "exchangeInfo", body)

    async def _time(self, request: web.Request) -> web.StreamResponse:
        faulty = await self._fault_answer("time", None, request)
        if faulty is not None:
            return faulty
        return self._json(request, "time", {"serverTime": self.now_ms})

    async def _klines(self, request: web.Request) -> web.StreamResponse:
        query = request.rel_url.query
        market_id = query.get("symbol")
        if (
            self.pause_klines_after is not None
            and len(self.klines_requests()) >= self.pause_klines_after
        ):
            self.klines_paused.set()
            await self._klines_released.wait()
        faulty = await self._fault_answer("klines", market_id, request)
        if faulty is not None:
            return faulty
        market = self.markets.get(market_id or "")
        if market is None:
            return self._error(request, "klines", 400, -1121, "Invalid symbol.")
        interval = query.get("interval", "")
        if interval not in INTERVAL_MS:
            return self._error(request, "klines", 400, -1120, "Invalid interval.")
        limit = int(query.get("limit", "500"))
        if not 1 <= limit <= 1000:
            return self._error(
                request, "klines", 400, -1130, "Data sent for parameter 'limit' is not valid."
            )
        start = int(query["startTime"]) if "startTime" in query else None
        end = int(query["endTime"]) if "endTime" in query else None
        step = INTERVAL_MS[interval]
        rows = klines(market, step, now_ms=self.now_ms, start=start, end=end, limit=limit)
        body = [
            [
                t,
                _decimal(o),
                _decimal(h),
                _decimal(lo),
                _decimal(c),
                _decimal(v),
                t + step - 1,
                _decimal(v * c),
                12,
                _decimal(v / 2),
                _decimal(v * c / 2),
                "0",
            ]
            for t, o, h, lo, c, v in rows
        ]
        return self._json(request, "klines", body)

    async def _fault_answer(
        self, endpoint: str, symbol: str | None, request: web.Request
    ) -> web.StreamResponse | None:
        for fault in self.faults:
            if fault.times == 0 or not fault.matches(endpoint, symbol):
                continue
            if fault.after > 0:
                fault.after -= 1
                return None
            if fault.times > 0:
                fault.times -= 1
            # Recorded on arrival: a client that times out never sees the answer.
            self._record(request, endpoint, fault.status)
            if fault.delay_s:
                assert self._release_slow is not None
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._release_slow.wait(), fault.delay_s)
            headers = {"Content-Type": fault.content_type}
            if fault.retry_after is not None:
                headers["Retry-After"] = fault.retry_after
            body = fault.body if fault.body is not None else ""
            return web.Response(status=fault.status, body=body.encode(), headers=headers)
        return None

    def _json(self, request: web.Request, endpoint: str, body: object) -> web.Response:
        self._record(request, endpoint, 200)
        return web.Response(text=json.dumps(body), content_type="application/json")

    def _error(
        self, request: web.Request, endpoint: str, status: int, code: int, message: str
    ) -> web.Response:
        self._record(request, endpoint, status)
        return web.Response(
            status=status,
            text=json.dumps({"code": code, "msg": message}),
            content_type="application/json",
        )

    def _record(self, request: web.Request, endpoint: str, status: int) -> None:
        self.requests.append(RecordedRequest(endpoint, dict(request.rel_url.query), status))


def _decimal(value: float) -> str:
    return f"{value:.8f}"


def _symbol_info(market: FakeMarket) -> dict[str, object]:
    return {
        "symbol": market.market_id,
        "status": market.status,
        "baseAsset": market.base,
        "baseAssetPrecision": 8,
        "quoteAsset": market.quote,
        "quotePrecision": 8,
        "quoteAssetPrecision": 8,
        "baseCommissionPrecision": 8,
        "quoteCommissionPrecision": 8,
        "orderTypes": ["LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"],
        "icebergAllowed": True,
        "ocoAllowed": True,
        "isSpotTradingAllowed": True,
        "isMarginTradingAllowed": False,
        "filters": [
            {
                "filterType": "PRICE_FILTER",
                "minPrice": market.tick_size,
                "maxPrice": "1000000.00000000",
                "tickSize": market.tick_size,
            },
            {
                "filterType": "LOT_SIZE",
                "minQty": "0.00001000",
                "maxQty": "9000.00000000",
                "stepSize": "0.00001000",
            },
        ],
        "permissions": ["SPOT"],
        "permissionSets": [["SPOT"]],
    }


def dead_port_url() -> str:
    """A loopback URL nothing listens on: connections are refused at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
