"""Which failures are worth another try (network, exchange, deadlocks, timeouts)."""

from __future__ import annotations

import asyncio

import ccxt
from sqlalchemy.exc import DBAPIError, OperationalError


class TransientJobError(RuntimeError):
    """Raised by a job for a failure that may pass on its own."""


# MySQL deadlock / lock wait timeout / server gone: retrying the unit of work is correct.
_TRANSIENT_MYSQL_CODES = {1205, 1213, 2006, 2013}


def is_transient(error: BaseException) -> bool:
    if isinstance(error, TransientJobError | TimeoutError | asyncio.TimeoutError | ConnectionError):
        return True
    if isinstance(error, ccxt.NetworkError):  # includes RateLimitExceeded, ExchangeNotAvailable
        return True
    if isinstance(error, OperationalError):
        return True
    if isinstance(error, DBAPIError) and error.orig is not None:
        code = getattr(error.orig, "args", (None,))[0]
        return code in _TRANSIENT_MYSQL_CODES
    return False
