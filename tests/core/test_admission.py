"""At most N requests of a process are worked on at once; probes and streams skip the line."""

from __future__ import annotations

import asyncio

import httpx
from starlette.types import Receive, Scope, Send

from cryptolens.core.admission import AdmissionMiddleware


class HeldApp:
    """Answers each request once released, counting how many are inside at once."""

    def __init__(self) -> None:
        self.inside = 0
        self.most_inside = 0
        self.release = asyncio.Event()
        self._entered = asyncio.Condition()

    async def wait_inside(self, count: int) -> None:
        async with self._entered:
            await asyncio.wait_for(self._entered.wait_for(lambda: self.inside >= count), 2)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.inside += 1
        self.most_inside = max(self.most_inside, self.inside)
        async with self._entered:
            self._entered.notify_all()
        try:
            if scope["path"] != "/live":
                await self.release.wait()
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"ok"})
        finally:
            self.inside -= 1


async def test_requests_past_the_limit_wait_in_line_and_exempt_paths_do_not() -> None:
    inner = HeldApp()
    app = AdmissionMiddleware(inner, limit=2, exempt_paths=("/live",))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as http:
        held = [asyncio.create_task(http.get("/data")) for _ in range(5)]
        await inner.wait_inside(2)
        await asyncio.sleep(0.05)
        assert inner.inside == 2  # three wait in line, not inside the app
        live = await asyncio.wait_for(http.get("/live"), timeout=1)
        assert live.status_code == 200
        inner.release.set()
        answers = await asyncio.gather(*held)
    assert [answer.status_code for answer in answers] == [200] * 5
    assert inner.most_inside <= 3  # two held requests and the probe


async def test_a_limit_of_zero_admits_everything() -> None:
    inner = HeldApp()
    app = AdmissionMiddleware(inner, limit=0, exempt_paths=())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as http:
        held = [asyncio.create_task(http.get("/data")) for _ in range(5)]
        await inner.wait_inside(5)
        inner.release.set()
        await asyncio.gather(*held)
    assert inner.most_inside == 5
