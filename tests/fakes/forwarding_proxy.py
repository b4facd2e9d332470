"""A loopback reverse proxy that forwards like the shipped nginx.conf: it listens on its own
address and connects to the API *from* that address (a separate container, as far as the API
can tell), appends the client's address to X-Forwarded-For (`$proxy_add_x_forwarded_for`) and
states the scheme it was reached by in X-Forwarded-Proto (`$scheme`; TLS itself is not played
here). One request per connection: it asks for `Connection: close` on both sides, so every
request's head passes through the rewrite."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field

_REPLACED = {b"x-forwarded-proto", b"connection", b"keep-alive"}


@dataclass
class ForwardingProxy:
    upstream_host: str
    upstream_port: int
    address: str = "127.0.0.2"  # listens here and connects to the upstream from here
    scheme: str = "https"  # what it tells the upstream the client used
    port: int = 0
    _server: asyncio.Server | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        return f"http://{self.address}:{self.port}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, self.address, 0)
        self.port = int(self._server.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 5)

    async def _serve(
        self, client_reader: asyncio.StreamReader, client: asyncio.StreamWriter
    ) -> None:
        try:
            head = await client_reader.readuntil(b"\r\n\r\n")
            peer = client.get_extra_info("peername")[0]
            upstream_reader, upstream = await asyncio.open_connection(
                self.upstream_host, self.upstream_port, local_addr=(self.address, 0)
            )
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            client.close()
            return
        upstream.write(self.rewrite(head, peer))
        to_upstream = asyncio.create_task(_pipe(client_reader, upstream))
        try:
            await _pipe(upstream_reader, client)
        finally:
            to_upstream.cancel()
            with contextlib.suppress(asyncio.CancelledError, OSError):
                await to_upstream
            for writer in (upstream, client):
                writer.close()

    def rewrite(self, head: bytes, peer: str) -> bytes:
        request_line, *lines = head.rstrip(b"\r\n").split(b"\r\n")
        kept: list[bytes] = []
        forwarded_for: list[bytes] = []
        for line in lines:
            name, _, value = line.partition(b":")
            lowered = name.strip().lower()
            if lowered == b"x-forwarded-for":
                forwarded_for.append(value.strip())  # what the client claims, kept in front
            elif lowered not in _REPLACED:
                kept.append(line)
        forwarded_for.append(peer.encode())
        kept += [
            b"X-Forwarded-For: " + b", ".join(forwarded_for),
            b"X-Forwarded-Proto: " + self.scheme.encode(),
            b"Connection: close",
        ]
        return b"\r\n".join([request_line, *kept]) + b"\r\n\r\n"


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(OSError, ConnectionError):
        while chunk := await reader.read(65536):
            writer.write(chunk)
            await writer.drain()
