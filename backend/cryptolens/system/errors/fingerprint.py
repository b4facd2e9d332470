"""What makes two failures the same (admin.md, "Errors"): the group's fingerprint.

SHA-256 hex of `type|where|frames`: the exception's qualified class name, where it happened
(`METHOD /route/{template}` or `job:{name}`) and `module:function` of the 5 innermost frames of
our own code, outermost first, joined by `>`. No line numbers and no message, so an edit
elsewhere in a file or a different id in the message keeps the group.
"""

from __future__ import annotations

import hashlib
import traceback
from dataclasses import dataclass

FRAMES_KEPT = 5
OUR_PACKAGE = "cryptolens"


@dataclass(frozen=True)
class Signature:
    error_type: str
    location: str
    frames: str

    @property
    def fingerprint(self) -> str:
        text = f"{self.error_type}|{self.location}|{self.frames}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def qualified_type(error: BaseException) -> str:
    """`package.module.ClassName`; built-ins by their name alone (`ValueError`)."""
    kind = type(error)
    if kind.__module__ == "builtins":
        return kind.__qualname__
    return f"{kind.__module__}.{kind.__qualname__}"


def our_frames(error: BaseException, kept: int = FRAMES_KEPT) -> str:
    """`module:function` of the innermost `kept` frames of our package, outermost first."""
    ours = []
    for frame, _line in traceback.walk_tb(error.__traceback__):
        module = str(frame.f_globals.get("__name__", ""))
        if module == OUR_PACKAGE or module.startswith(OUR_PACKAGE + "."):
            ours.append(f"{module}:{frame.f_code.co_qualname}")
    return ">".join(ours[-kept:])


def request_location(method: str, route: str) -> str:
    return f"{method.upper()} {route}"


def job_location(name: str) -> str:
    return f"job:{name}"


def signature_of(error: BaseException, location: str, error_type: str | None = None) -> Signature:
    return Signature(
        error_type=error_type or qualified_type(error),
        location=location,
        frames=our_frames(error),
    )
