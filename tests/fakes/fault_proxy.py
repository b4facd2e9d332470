"""A TCP proxy the test controls, between the app and MariaDB or Redis, to cause real faults.

Modes:
- `pass`: bytes flow both ways, as if the proxy were not there;
- `refuse`: the listening socket is closed, so a new connection is refused (ECONNREFUSED), and
  every open connection is reset, as when the server process dies;
- `blackhole`: connections are accepted and open ones stay open, but no byte moves either way,
  as when a network path or a stalled server swallows packets;
- `reset()`: every open connection is reset now (RST) while the mode stays as it is.

The proxy runs its own event loop in a thread, so a test (or the app under test in the same
process) blocking its loop never stalls the proxy, and the proxy's faults are real sockets'.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
from collections.abc import Iterator
from typing import Literal
from urllib.parse import urlsplit

Mode = Literal["pass", "refuse", "blackhole"]
CHUNK = 65536


class FaultProxy:
    def __init__(self, target_host: str, target_port: int, *, listen_port: int = 0) -> None:
        self.target = (target_host, target_port)
        self.port = listen_port or _free_port()
        self.mode: Mode = "pass"
        self.accepted = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._flowing = asyncio.Event()

    # --- control, from any thread ---------------------------------------------------------

    def start(self) -> FaultProxy:
        self._thread.start()
        self._call(self._set_mode("pass"))
        return self

    def stop(self) -> None:
        self._call(self._shutdown())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)

    def set_mode(self, mode: Mode) -> None:
        self._call(self._set_mode(mode))

    def reset(self) -> None:
        """Resets every open connection (RST), keeping the mode."""
        self._call(self._reset_all())

    @property
    def open_connections(self) -> int:
        return len(self._writers)

    @classmethod
    def before(cls, url: str, default_port: int) -> FaultProxy:
        """A proxy in front of the server `url` names (redis://127.0.0.1:6379/3)."""
        target = urlsplit(url)
        return cls(target.hostname or "127.0.0.1", target.port or default_port)

    def url_for(self, url: str) -> str:
        """`url` (mysql+asyncmy://root@127.0.0.1:3306/db, redis://127.0.0.1:6379/3) with its
        host and port replaced by the proxy's."""
        host, port = self.target
        for form in (f"{host}:{port}", f"localhost:{port}"):
            if form in url:
                return url.replace(form, f"127.0.0.1:{self.port}", 1)
        raise ValueError(f"{url!r} does not name {host}:{port}")

    @contextlib.contextmanager
    def fault(self, mode: Mode) -> Iterator[FaultProxy]:
        """`mode` inside the block, `pass` again after it."""
        self.set_mode(mode)
        try:
            yield self
        finally:
            self.set_mode("pass")

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # --- inside the proxy's loop ------------------------------------------------------------

    def _call(self, coroutine: object) -> None:
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)  # type: ignore[arg-type]
        future.result(timeout=10)

    async def _set_mode(self, mode: Mode) -> None:
        self.mode = mode
        if mode == "refuse":
            await self._close_server()
            await self._reset_all()
            self._flowing.clear()
            return
        if self._server is None:
            self._server = await asyncio.start_server(
                self._handle, "127.0.0.1", self.port, reuse_address=True
            )
        if mode == "pass":
            self._flowing.set()
        else:
            self._flowing.clear()

    async def _close_server(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _reset_all(self) -> None:
        for writer in list(self._writers):
            _abort(writer)
        self._writers.clear()

    async def _shutdown(self) -> None:
        await self._close_server()
        await self._reset_all()

    async def _handle(
        self, client_reader: asyncio.StreamReader, client: asyncio.StreamWriter
    ) -> None:
        self.accepted += 1
        self._writers.add(client)
        await self._flowing.wait()  # a black-holed connection waits here, unanswered
        if self.mode != "pass":
            return
        try:
            server_reader, server = await asyncio.open_connection(*self.target)
        except OSError:
            self._writers.discard(client)
            _abort(client)
            return
        self._writers.add(server)
        await asyncio.gather(
            self._pump(client_reader, server),
            self._pump(server_reader, client),
            return_exceptions=True,
        )
        for writer in (client, server):
            self._writers.discard(writer)
            _abort(writer)

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            data = await reader.read(CHUNK)
            if not data:
                break
            # In a black hole, the bytes read are held, never delivered.
            await self._flowing.wait()
            if self.mode != "pass" or writer not in self._writers:
                return
            writer.write(data)
            await writer.drain()
        with contextlib.suppress(OSError):
            writer.write_eof()


def _abort(writer: asyncio.StreamWriter) -> None:
    """Closes with RST (SO_LINGER 0), as a crashed peer's kernel would."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
