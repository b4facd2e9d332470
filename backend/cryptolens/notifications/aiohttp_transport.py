"""An httpx transport that sends through aiohttp's connection pool.

The shared client stays an httpx.AsyncClient (one API for every outbound call); on loopback
httpcore's pool spends more CPU per request the more requests are in flight, which capped the
fan-out at a few hundred pushes a second, while aiohttp's keeps up with thousands.
"""

from __future__ import annotations

import aiohttp
import httpx

# aiohttp decodes bodies itself; these would make httpx decode or size them a second time.
_DROPPED_RESPONSE_HEADERS = {"content-encoding", "content-length", "transfer-encoding"}
_DROPPED_REQUEST_HEADERS = {"content-length", "host"}


class AiohttpTransport(httpx.AsyncBaseTransport):
    def __init__(self, max_connections: int, timeout_seconds: float) -> None:
        self._max_connections = max_connections
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self._session: aiohttp.ClientSession | None = None

    def _session_now(self) -> aiohttp.ClientSession:
        # Created on first use, inside the running loop that will use it.
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._max_connections, keepalive_timeout=30)
            self._session = aiohttp.ClientSession(
                connector=connector, timeout=self._timeout, auto_decompress=True
            )
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        headers = [
            (name, value)
            for name, value in request.headers.multi_items()
            if name.lower() not in _DROPPED_REQUEST_HEADERS
        ]
        body = await request.aread()
        try:
            async with self._session_now().request(
                request.method,
                str(request.url),
                headers=headers,
                data=body or None,
                allow_redirects=False,
            ) as answer:
                content = await answer.read()
                answer_headers = [
                    (name, value)
                    for name, value in answer.headers.items()
                    if name.lower() not in _DROPPED_RESPONSE_HEADERS
                ]
                status = answer.status
        except TimeoutError as exc:
            raise httpx.ReadTimeout("timed out", request=request) from exc
        except aiohttp.ClientConnectorError as exc:
            raise httpx.ConnectError(str(exc), request=request) from exc
        except aiohttp.ClientError as exc:
            raise httpx.ReadError(str(exc), request=request) from exc
        return httpx.Response(status, headers=answer_headers, content=content, request=request)

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
