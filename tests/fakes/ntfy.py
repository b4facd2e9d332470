"""A fake NTFY server on a real loopback socket (random port).

Accepts publishes like ntfy does: `POST /` with a JSON body `{topic, title, message, priority,
tags, click, actions}`, validates the topic (1-64 of letters, digits, `-` and `_`) and the
access token when one is required, records each accepted message and answers with the message
JSON ntfy returns (id, time, expires, event, topic...). On demand it answers 429, 5xx, 4xx or
slowly, for the next N requests or for one topic.

    fake = FakeNtfy(); await fake.start(); ...; await fake.stop()
    fake.script(500, 500)          # the next two publishes get 500, then normal answers
    fake.fail_topic(topic, 400)    # every publish to this topic gets 400
    fake.slow(2.0, times=1)        # the next publish is answered after 2 s
    FakeNtfy(delay_s=0.05)         # every publish is answered after 50 ms
    fake.arrivals                  # (time.time(), topic) of each publish as it arrived
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOPIC = re.compile(r"^[-_A-Za-z0-9]{1,64}$")
ERRORS = {
    400: (40001, "invalid request"),
    401: (40101, "unauthorized"),
    403: (40301, "forbidden"),
    429: (42901, "limit reached: too many requests"),
    500: (50001, "internal server error"),
    502: (50201, "bad gateway"),
    503: (50301, "service unavailable"),
}


@dataclass
class Received:
    """One publish request and what the fake answered."""

    status: int
    body: dict[str, Any] | None
    authorization: str | None


@dataclass
class FakeNtfy:
    required_token: str | None = None
    delay_s: float = 0.0  # added to every publish: a server far away, or a slow one
    # Each publish's arrival (wall clock, topic), recorded before any delay: a sender killed
    # while waiting for the answer still counts as having reached the server.
    arrivals: list[tuple[float, str]] = field(default_factory=list)
    requests: list[Received] = field(default_factory=list)
    published: list[dict[str, Any]] = field(default_factory=list)
    base_url: str = ""
    _scripted: deque[tuple[int, float]] = field(default_factory=deque)
    _topic_faults: dict[str, int] = field(default_factory=dict)
    _runner: web.AppRunner | None = None

    # -- set-up -------------------------------------------------------------------------------

    def script(self, *statuses: int) -> None:
        """The next publishes are answered with these statuses in order (200: normally)."""
        self._scripted.extend((status, 0.0) for status in statuses)

    def slow(self, delay_s: float, times: int = 1) -> None:
        self._scripted.extend((200, delay_s) for _ in range(times))

    def fail_topic(self, topic: str, status: int) -> None:
        self._topic_faults[topic] = status

    def to_topic(self, topic: str) -> list[dict[str, Any]]:
        return [message for message in self.published if message["topic"] == topic]

    # -- serving ------------------------------------------------------------------------------

    async def start(self, port: int = 0) -> str:
        app = web.Application()
        app.router.add_post("/", self._publish)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port, backlog=1024)
        await site.start()
        host, bound_port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{bound_port}"
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _publish(self, request: web.Request) -> web.Response:
        authorization = request.headers.get("Authorization")
        try:
            body = json.loads(await request.read())
        except ValueError:
            return self._error(400, None, authorization, "invalid request: body is not JSON")
        if not isinstance(body, dict):
            return self._error(400, None, authorization, "invalid request: body is not an object")
        if self.required_token and authorization != f"Bearer {self.required_token}":
            return self._error(401, body, authorization)
        topic = body.get("topic")
        if not isinstance(topic, str) or not TOPIC.match(topic):
            return self._error(400, body, authorization, "invalid request: invalid topic")
        self.arrivals.append((time.time(), topic))
        status, delay_s = self._scripted.popleft() if self._scripted else (200, 0.0)
        if delay_s or self.delay_s:
            await asyncio.sleep(delay_s + self.delay_s)
        status = self._topic_faults.get(topic, status)
        if status != 200:
            return self._error(status, body, authorization)
        now = int(time.time())
        message = {
            "id": secrets.token_urlsafe(9),
            "time": now,
            "expires": now + 43200,
            "event": "message",
            "topic": topic,
            "title": body.get("title"),
            "message": body.get("message"),
            "priority": body.get("priority", 3),
            "tags": body.get("tags", []),
            "click": body.get("click"),
            "actions": body.get("actions", []),
        }
        self.requests.append(Received(200, body, authorization))
        self.published.append(message)
        return web.json_response(message)

    def _error(
        self,
        status: int,
        body: dict[str, Any] | None,
        authorization: str | None,
        text: str | None = None,
    ) -> web.Response:
        self.requests.append(Received(status, body, authorization))
        code, default_text = ERRORS.get(status, (status * 100, "error"))
        return web.json_response(
            {"code": code, "http": status, "error": text or default_text}, status=status
        )


def serve_forever(port_queue: Any, token: str | None = None) -> None:
    """Entry point of a separate process (the benchmark): serves until killed and reports its
    port through `port_queue`."""

    async def main() -> None:
        fake = FakeNtfy(required_token=token)
        base_url = await fake.start()
        port_queue.put(base_url)
        await asyncio.Event().wait()

    asyncio.run(main())
