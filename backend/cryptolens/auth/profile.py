"""The account's own profile fields: display name, time zone and theme."""

from __future__ import annotations

from cryptolens.auth.models import User


def apply_profile_changes(
    user: User,
    *,
    display_name: str | None,
    timezone: str | None,
    theme: str | None = None,
    fields: set[str],
) -> None:
    """Changes only the fields the client sent; an empty display name clears it."""
    if "display_name" in fields:
        user.display_name = display_name.strip() if display_name and display_name.strip() else None
    if "timezone" in fields and timezone:
        user.timezone = timezone
    if "theme" in fields and theme:
        user.theme = theme
