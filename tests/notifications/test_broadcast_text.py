"""Broadcast text rules (admin.md, Broadcasts): the placeholders allowed, literal braces,
rendering per recipient, the 4,096-byte cut; and when quiet hours end (the hold)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cryptolens.access.tiers import Tier
from cryptolens.access.user_access import UserAccess
from cryptolens.notifications.broadcasting.audience import exclusion, quiet_hours_end
from cryptolens.notifications.broadcasting.text import (
    UnknownPlaceholderError,
    check_placeholders,
    cut_to_bytes,
    render,
)
from cryptolens.notifications.eligibility import Preferences, Recipient

VALUES = {"name": "Ada", "tier": "pro", "app_url": "https://cryptolens.test"}


@pytest.mark.parametrize(
    "text",
    [
        "Hello {name}, your {tier} plan: {app_url}",
        "Braces: {{literal}} and }} alone {{",
        "No placeholders at all",
        "",
    ],
)
def test_allowed_texts_pass(text: str) -> None:
    check_placeholders("message", text)


@pytest.mark.parametrize(
    "text",
    ["Hi {nmae}", "Hi {}", "Hi { name }", "a lone { brace", "a lone } brace", "{0}", "{name!r}"],
)
def test_other_braces_are_unknown_placeholders(text: str) -> None:
    with pytest.raises(UnknownPlaceholderError) as caught:
        check_placeholders("title", text)
    assert caught.value.code == "unknown_placeholder"
    assert caught.value.status_code == 422
    assert str(caught.value.detail).startswith("title: ")


def test_rendering_fills_placeholders_and_unescapes_braces() -> None:
    text = "Hi {name} ({tier}) -> {app_url} {{not_a_field}}"
    assert render(text, VALUES) == "Hi Ada (pro) -> https://cryptolens.test {not_a_field}"
    # A value holding braces is not rendered again.
    assert render("{name}", {**VALUES, "name": "{tier}"}) == "{tier}"


def test_the_cut_keeps_4096_bytes_of_utf8_with_an_ellipsis() -> None:
    fits = "a" * 4096
    assert cut_to_bytes(fits) == fits
    over = "é" * 3000  # 6,000 bytes
    cut = cut_to_bytes(over)
    assert cut.endswith("…")
    assert len(cut.encode()) <= 4096
    assert len(cut.encode()) >= 4096 - 4  # cut at the last whole character that fits
    assert cut[:-1] == "é" * (len(cut) - 1)
    # Four-byte characters are never split.
    emoji = cut_to_bytes("🚀" * 2000)
    assert emoji.encode().decode() == emoji and len(emoji.encode()) <= 4096
    assert emoji == "🚀" * 1023 + "…"


def _recipient(**preferences: object) -> Recipient:
    return Recipient(
        user_id=1,
        topic="cl_abc",
        timezone="Asia/Tokyo",
        is_active=True,
        is_verified=True,
        access=UserAccess(user_id=1, tier=Tier.FREE, is_admin=False, watchlist=()),
        preferences=Preferences(**preferences),  # type: ignore[arg-type]
    )


def test_quiet_hours_hold_until_they_end_in_the_users_timezone() -> None:
    # 23:30 in Tokyo (UTC+9) is 14:30 UTC.
    now = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
    # 22 -> 7 spans midnight: held until 07:00 Tokyo the next day, 22:00 UTC.
    assert quiet_hours_end(_recipient(quiet_start=22, quiet_end=7), now) == datetime(
        2026, 3, 2, 22, 0, tzinfo=UTC
    )
    # 23 -> 23:59 ... 23 to 0 ends at midnight Tokyo, 15:00 UTC.
    assert quiet_hours_end(_recipient(quiet_start=23, quiet_end=0), now) == datetime(
        2026, 3, 2, 15, 0, tzinfo=UTC
    )
    assert quiet_hours_end(_recipient(quiet_start=8, quiet_end=20), now) is None
    assert quiet_hours_end(_recipient(), now) is None
    assert quiet_hours_end(_recipient(quiet_start=5, quiet_end=5), now) is None


def test_the_audience_leaves_out_inactive_unverified_and_notifications_off() -> None:
    base = _recipient()
    assert exclusion(base) is None
    assert exclusion(_replace(base, is_active=False)) == "inactive"
    assert exclusion(_replace(base, is_verified=False)) == "unverified"
    assert exclusion(_recipient(enabled=False)) == "notifications_off"
    assert exclusion(_replace(base, topic="")) == "no_topic"


def _replace(recipient: Recipient, **changes: object) -> Recipient:
    from dataclasses import replace

    return replace(recipient, **changes)  # type: ignore[arg-type]
