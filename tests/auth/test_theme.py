"""The SPA's theme is stored per user on the profile: system by default, light or dark when
chosen, anything else refused (issue #17, comfort)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.clients import MakeUserClient

ME = "/api/v1/auth/me"


async def test_a_new_account_follows_the_system(make_user_client: MakeUserClient) -> None:
    user = await make_user_client("free")
    profile = (await user.http.get(ME)).json()["data"]
    assert profile["theme"] == "system"


async def test_the_chosen_theme_is_kept_and_other_fields_stay(
    make_user_client: MakeUserClient, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    user = await make_user_client("pro")
    changed = await user.http.patch(ME, json={"timezone": "Europe/Berlin"})
    assert changed.status_code == 200, changed.text

    light = await user.http.patch(ME, json={"theme": "light"})
    assert light.status_code == 200, light.text
    assert light.json()["data"]["theme"] == "light"
    # Only the fields sent change.
    assert light.json()["data"]["timezone"] == "Europe/Berlin"
    assert (await user.http.get(ME)).json()["data"]["theme"] == "light"
    async with session_factory() as db:
        stored = await db.scalar(
            text("SELECT theme FROM users WHERE id = :id"), {"id": user.user_id}
        )
    assert stored == "light"

    dark = await user.http.patch(ME, json={"theme": "dark", "display_name": "Ann"})
    assert dark.json()["data"]["theme"] == "dark"
    back = await user.http.patch(ME, json={"theme": "system"})
    assert back.json()["data"]["theme"] == "system"


async def test_an_unknown_theme_is_refused(make_user_client: MakeUserClient) -> None:
    user = await make_user_client("free")
    for wrong in ("sepia", "", None, 1):
        refused = await user.http.patch(ME, json={"theme": wrong})
        if wrong is None:  # null means "not changed", like the other profile fields
            assert refused.status_code == 200
            continue
        assert refused.status_code == 422, (wrong, refused.text)
        assert refused.json()["success"] is False
    assert (await user.http.get(ME)).json()["data"]["theme"] == "system"
