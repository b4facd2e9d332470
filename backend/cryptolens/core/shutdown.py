"""Stopping a serving process within a bound (docs/operations.md, "Stopping the processes").

On SIGTERM or SIGINT uvicorn stops accepting connections and waits for the open ones to finish,
which an SSE stream never does, and the lifespan then waits for the jobs it runs inline. The
process's long-running work watches a `StopSignal` instead: the first signal requests the stop
(streams end, inline jobs are no longer taken and get until the deadline), a second SIGINT
forces it (whatever still runs is cancelled at once). A watchdog thread ends the process if it
is still alive shortly after the deadline, so nothing stuck can keep it for ever.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any, cast

from starlette.applications import Starlette

log = logging.getLogger("cryptolens.shutdown")

SignalHandler = Callable[[int, FrameType | None], Any]

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# After the grace: the lifespan's own closing (pools, clients) must fit in this.
OVERDUE_MARGIN_SECONDS = 3.0
# After a second SIGINT: what is cancelled gets this long to unwind before a hard exit.
FORCED_EXIT_SECONDS = 1.0
EXIT_STATUS_FORCED = 130  # 128 + SIGINT, as a shell reports an interrupted command
EXIT_STATUS_OVERDUE = 1


class StopSignal:
    """The process was asked to stop (`requested`), or to stop now (`forced`)."""

    def __init__(self, grace_seconds: float) -> None:
        self.grace_seconds = grace_seconds
        self._requested = asyncio.Event()
        self._forced = asyncio.Event()
        self._deadline: float | None = None  # time.monotonic()

    @property
    def requested(self) -> bool:
        return self._requested.is_set()

    @property
    def forced(self) -> bool:
        return self._forced.is_set()

    def request(self) -> None:
        if self._deadline is None:
            self._deadline = time.monotonic() + self.grace_seconds
            log.info("shutdown.requested", extra={"grace_seconds": self.grace_seconds})
        self._requested.set()

    def force(self) -> None:
        self.request()
        if not self.forced:
            log.warning("shutdown.forced")
        self._forced.set()

    async def wait_requested(self) -> None:
        await self._requested.wait()

    async def wait_forced(self) -> None:
        await self._forced.wait()

    def seconds_left(self) -> float:
        """Until the deadline; the whole grace while no stop was requested."""
        if self.forced:
            return 0.0
        if self._deadline is None:
            return self.grace_seconds
        return max(0.0, self._deadline - time.monotonic())


def install_stop_signal(app: Starlette, grace_seconds: float) -> StopSignal:
    stop = StopSignal(grace_seconds)
    app.state.stop_signal = stop
    return stop


def stop_signal_of(app: Starlette) -> StopSignal:
    stop: StopSignal = app.state.stop_signal
    return stop


def _is_server_handler(handler: Any) -> bool:
    """A handler a server installed (uvicorn's), not Python's defaults: only then is the
    process being served, and only then may a signal arm the watchdog."""
    return callable(handler) and handler is not signal.default_int_handler


@contextmanager
def stop_on_signals(stop: StopSignal) -> Iterator[None]:
    """While the app serves: SIGTERM or SIGINT request the stop, a second SIGINT forces it.
    The server's own handler still runs (it stops accepting and drains connections)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    loop = asyncio.get_running_loop()
    hooked: dict[int, SignalHandler] = {}
    for signum in STOP_SIGNALS:
        current = signal.getsignal(signum)
        if _is_server_handler(current):
            hooked[signum] = cast(SignalHandler, current)
    received: list[int] = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        hooked[signum](signum, frame)
        forced = bool(received) and signum == signal.SIGINT
        first = not received
        received.append(signum)
        loop.call_soon_threadsafe(stop.force if forced else stop.request)
        if first or forced:
            _arm_watchdog(stop.grace_seconds, forced=forced)

    for hooked_signal in hooked:
        signal.signal(hooked_signal, on_signal)
    try:
        yield
    finally:
        for hooked_signal, server_handler in hooked.items():
            if signal.getsignal(hooked_signal) is on_signal:
                signal.signal(hooked_signal, server_handler)


def _arm_watchdog(grace_seconds: float, *, forced: bool) -> None:
    """A daemon timer that ends the process if the orderly stop overruns its bound."""
    if forced:
        delay, status, reason = FORCED_EXIT_SECONDS, EXIT_STATUS_FORCED, "forced"
    else:
        delay = grace_seconds + OVERDUE_MARGIN_SECONDS
        status, reason = EXIT_STATUS_OVERDUE, "overdue"
    timer = threading.Timer(delay, _exit_now, args=(status, reason, delay))
    timer.daemon = True
    timer.start()


def _exit_now(status: int, reason: str, after_seconds: float) -> None:
    log.error("shutdown.exit_now", extra={"reason": reason, "after_seconds": after_seconds})
    logging.shutdown()
    os._exit(status)
