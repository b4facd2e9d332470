"""The account's own profile fields: display name and time zone."""

from __future__ import annotations

from cryptolens.auth.models import User


def apply_profile_changes(
    user: User, *, display_name: str | None, timezone: str | None, fields: set[str]
) -> None:
    """Changes only the fields the client sent; an empty display name clears it."""
    if "display_name" in fields:
        user.display_name = display_name.strip() if display_name and display_name.strip() else None
    if "timezone" in fields and timezone:
        user.timezone = timezone
