"""The password policy: 10+ characters, not the email nor containing its local part, not one
of the common passwords shipped with the project."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from cryptolens.core.errors import ValidationFailedError

MIN_LENGTH = 10
# argon2 hashes any length, but an unbounded one is a cheap way to burn our CPU.
MAX_LENGTH = 256
# A one- or two-letter local part ("jo@...") would forbid most passwords; below this length
# the containment rule is not applied (equality with the whole email still is).
MIN_LOCAL_PART_CHECKED = 3


class WeakPasswordError(ValidationFailedError):
    code = "weak_password"


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    text = files("cryptolens.auth").joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def password_problem(password: str, email: str) -> str | None:
    """Why `password` is refused for the account `email`, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"password must be at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"password must be at most {MAX_LENGTH} characters"
    lowered = password.lower()
    address = email.strip().lower()
    local_part = address.partition("@")[0]
    if lowered == address:
        return "password must not be your email"
    if len(local_part) >= MIN_LOCAL_PART_CHECKED and local_part in lowered:
        return "password must not contain your email name"
    if lowered in common_passwords():
        return "password is too common"
    return None


def check_password(password: str, email: str) -> None:
    problem = password_problem(password, email)
    if problem is not None:
        raise WeakPasswordError(problem)
