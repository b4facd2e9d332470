"""What arq keeps in Redis, as JSON: job payloads and job results.

arq pickles by default, and unpickling runs whatever the bytes say: a Redis anyone else can
write to would make every worker execute its payloads. JSON only ever decodes to data, and a
payload is checked for arq's shape before arq looks inside: anything else is a failed job,
never a call.

A failed job's result holds the exception arq caught, which JSON cannot hold: it is kept as
its type name and message.
"""

from __future__ import annotations

import json
from typing import Any

# arq's keys: function, args, kwargs, job try, enqueue time (ms); results add more.
_FUNCTION, _ARGS, _KWARGS, _TRY, _ENQUEUED = "f", "a", "k", "t", "et"
_SCALARS = (str, int, float, bool, type(None))


class PayloadError(ValueError):
    """Bytes in the queue that are not a job this code would enqueue."""


def check_arguments(arguments: dict[str, Any]) -> dict[str, Any]:
    """Job arguments are ids and names (JobArgument): JSON scalars only."""
    for name, value in arguments.items():
        if not isinstance(value, _SCALARS):
            raise TypeError(f"job argument {name}={value!r} is not an id (str, int, float, bool)")
    return arguments


def _failure(value: object) -> dict[str, str]:
    if isinstance(value, BaseException):
        return {"error": type(value).__name__, "message": str(value)}
    raise TypeError(f"{type(value).__name__} is not JSON")


def dump_payload(data: dict[str, Any]) -> bytes:
    """arq's job_serializer (jobs and results)."""
    return json.dumps(data, default=_failure, allow_nan=False, separators=(",", ":")).encode()


def load_payload(raw: bytes) -> dict[str, Any]:
    """arq's job_deserializer: JSON in arq's shape, or PayloadError (arq then fails the job
    without running anything)."""
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PayloadError(f"not JSON: {error}") from None
    if not isinstance(data, dict):
        raise PayloadError("not a JSON object")
    function, args, kwargs = data.get(_FUNCTION), data.get(_ARGS), data.get(_KWARGS)
    if not isinstance(function, str) or args != []:
        raise PayloadError("no job name, or positional arguments (jobs take named ids)")
    if not isinstance(kwargs, dict) or not all(isinstance(v, _SCALARS) for v in kwargs.values()):
        raise PayloadError("job arguments are not ids")
    if not isinstance(data.get(_ENQUEUED), int) or not isinstance(data.get(_TRY), int | None):
        raise PayloadError("no enqueue time or try count")
    data[_ARGS] = ()
    return data
