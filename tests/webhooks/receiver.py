"""A webhook receiver on a real loopback socket (random port), and an independent Standard
Webhooks 1.0 check written from the spec (hmac and base64 only: never our signing module).

    receiver = Receiver(); await receiver.start(); receiver.url  # http://127.0.0.1:port/hook
    receiver.script(500, 500)    # the next two deliveries are answered 500, then 200
    receiver.always(503)         # every delivery from now on is answered 503
    receiver.received            # each request: headers (lower-case names) and body bytes
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections import deque
from dataclasses import dataclass, field

from aiohttp import web

TOLERANCE_SECONDS = 300


@dataclass(frozen=True)
class Request:
    headers: dict[str, str]
    body: bytes

    @property
    def message_id(self) -> str:
        return self.headers["webhook-id"]

    def signatures(self) -> list[str]:
        return self.headers["webhook-signature"].split(" ")


@dataclass
class Receiver:
    received: list[Request] = field(default_factory=list)
    url: str = ""
    _scripted: deque[int] = field(default_factory=deque)
    _always: int | None = None
    _runner: web.AppRunner | None = None

    def script(self, *statuses: int) -> None:
        self._scripted.extend(statuses)

    def always(self, status: int | None) -> None:
        self._always = status

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/hook", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.port = port
        self.url = f"http://{host}:{port}/hook"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        headers = {name.lower(): value for name, value in request.headers.items()}
        self.received.append(Request(headers, body))
        status = self._scripted.popleft() if self._scripted else (self._always or 200)
        return web.json_response({"ok": status < 300}, status=status)


def expected_signature(secret: str, message_id: str, timestamp: str, body: bytes) -> str:
    """Standard Webhooks: base64(HMAC-SHA256(base64-decoded key, "{id}.{timestamp}.{body}"))."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = message_id.encode() + b"." + timestamp.encode() + b"." + body
    return base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def verifies(secret: str, request: Request, now: float) -> bool:
    """What a receiver following the spec does: a timestamp within 5 minutes of its clock and
    one `v1,` signature equal (in constant time) to the expected one."""
    timestamp = request.headers["webhook-timestamp"]
    if abs(int(timestamp) - now) > TOLERANCE_SECONDS:
        return False
    wanted = expected_signature(secret, request.message_id, timestamp, request.body)
    return any(
        hmac.compare_digest(wanted, candidate.removeprefix("v1,"))
        for candidate in request.signatures()
        if candidate.startswith("v1,")
    )
