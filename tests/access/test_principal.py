"""A request becomes a principal: the session cookie gives the user, the tier, the scopes and
the method; no cookie, an unknown or an expired one gives none; tier, admin and scope
requirements refuse in the envelope; a cookie-authenticated write needs the CSRF header."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

import pytest
from fastapi import Depends, FastAPI

from cryptolens.access.deps import (
    AdminUser,
    CurrentPrincipal,
    OptionalPrincipal,
    PremiumAccess,
    RequireScope,
    RequireTier,
)
from cryptolens.access.principal import Principal
from cryptolens.access.user_access import UserAccess
from cryptolens.core.clock import FrozenClock
from tests.auth.helpers import error_of, plant_session
from tests.clients import MakeClient, MakeUserClient

PROBE = "/api/v1/probe"


def _described(principal: Principal) -> dict[str, Any]:
    return {
        "user_id": principal.user.id,
        "email": principal.user.email,
        "is_admin": principal.user.is_admin,
        "is_verified": principal.user.is_verified,
        "tier": principal.tier.value,
        "method": principal.method,
        "scopes": sorted(principal.scopes),
        "watchlist": list(principal.watchlist),
    }


@pytest.fixture
def probed_app(app: FastAPI) -> FastAPI:
    async def whoami(principal: CurrentPrincipal) -> dict[str, Any]:
        return _described(principal)

    async def maybe(principal: OptionalPrincipal) -> dict[str, Any]:
        return {"principal": None if principal is None else _described(principal)}

    async def pro_report(
        access: Annotated[UserAccess, Depends(RequireTier("pro"))],
    ) -> dict[str, str]:
        return {"tier": access.tier.value}

    async def premium_export(access: PremiumAccess) -> dict[str, str]:
        return {"tier": access.tier.value}

    async def scheduler(
        principal: Annotated[Principal, Depends(RequireScope("admin:scheduler"))],
    ) -> dict[str, int]:
        return {"user_id": principal.user.id}

    async def admin_panel(user: AdminUser) -> dict[str, int]:
        return {"user_id": user.id}

    app.add_api_route(f"{PROBE}/whoami", whoami, methods=["GET", "POST"])
    app.add_api_route(f"{PROBE}/maybe", maybe, methods=["GET", "POST"])
    app.add_api_route(f"{PROBE}/pro", pro_report, methods=["GET"])
    app.add_api_route(f"{PROBE}/premium", premium_export, methods=["GET"])
    app.add_api_route(f"{PROBE}/scheduler", scheduler, methods=["POST"])
    app.add_api_route(f"{PROBE}/admin", admin_panel, methods=["GET"])
    return app


async def test_a_session_cookie_becomes_a_principal_with_tier_scopes_and_method(
    probed_app: FastAPI, make_user_client: MakeUserClient
) -> None:
    pro = await make_user_client("pro")
    assert (
        await pro.http.put("/api/v1/auth/me/watchlist", json={"symbols": ["SOL/USDT"]})
    ).is_success
    found = await pro.http.get(f"{PROBE}/whoami")
    assert found.status_code == 200, found.text
    assert found.json() == {
        "user_id": pro.user_id,
        "email": pro.email,
        "is_admin": False,
        "is_verified": True,
        "tier": "pro",
        "method": "session",
        "scopes": sorted(
            [
                "read:candles",
                "read:matrix",
                "read:patterns",
                "read:signals",
                "read:stats",
                "read:symbols",
                "write:fetch",
                "write:scan",
            ]
        ),
        "watchlist": ["SOL/USDT"],
    }

    admin = await make_user_client(admin=True)
    described = (await admin.http.get(f"{PROBE}/whoami")).json()
    assert (described["tier"], described["is_admin"]) == ("premium", True)
    assert "admin:scheduler" in described["scopes"]


async def test_anonymous_unknown_and_expired_credentials_give_no_principal(
    probed_app: FastAPI,
    make_client: MakeClient,
    make_user_client: MakeUserClient,
    clock: FrozenClock,
) -> None:
    anonymous = make_client()
    assert (await anonymous.get(f"{PROBE}/maybe")).json() == {"principal": None}
    assert error_of(await anonymous.get(f"{PROBE}/whoami")) == (
        401,
        "Unauthorized: Sign in required",
        "not_signed_in",
    )

    forged = make_client(ip="10.7.0.1")
    plant_session(forged, "not-a-session-token-anyone-was-given")
    assert (await forged.get(f"{PROBE}/maybe")).json() == {"principal": None}
    assert error_of(await forged.get(f"{PROBE}/whoami"))[::2] == (401, "not_signed_in")

    user = await make_user_client()
    assert (await user.http.get(f"{PROBE}/whoami")).status_code == 200
    clock.advance(timedelta(days=7, seconds=1))  # idle past the session's 7 days
    assert (await user.http.get(f"{PROBE}/maybe")).json() == {"principal": None}
    assert error_of(await user.http.get(f"{PROBE}/whoami"))[::2] == (401, "not_signed_in")


async def test_a_tier_requirement_refuses_in_the_envelope(
    probed_app: FastAPI, make_user_client: MakeUserClient, make_client: MakeClient
) -> None:
    free, pro, premium = (
        await make_user_client("free"),
        await make_user_client("pro"),
        await make_user_client("premium"),
    )
    refused = await free.http.get(f"{PROBE}/pro")
    assert error_of(refused) == (403, "Requires pro tier", "tier_required")
    assert refused.json()["data"] is None
    assert refused.json()["meta"]["request_id"] == refused.headers["X-Request-ID"]
    assert (await pro.http.get(f"{PROBE}/pro")).json() == {"tier": "pro"}
    assert error_of(await pro.http.get(f"{PROBE}/premium")) == (
        403,
        "Requires premium tier",
        "tier_required",
    )
    assert (await premium.http.get(f"{PROBE}/premium")).json() == {"tier": "premium"}
    assert error_of(await make_client().get(f"{PROBE}/pro"))[::2] == (401, "not_signed_in")


async def test_admin_and_scope_requirements(
    probed_app: FastAPI, make_user_client: MakeUserClient, make_client: MakeClient
) -> None:
    premium = await make_user_client("premium")
    admin = await make_user_client(admin=True)
    assert error_of(await premium.http.get(f"{PROBE}/admin")) == (
        403,
        "Forbidden: Administrators only",
        "admin_required",
    )
    assert (await admin.http.get(f"{PROBE}/admin")).json() == {"user_id": admin.user_id}
    assert error_of(await make_client().get(f"{PROBE}/admin"))[::2] == (401, "not_signed_in")

    # admin scopes go to admins only, whatever the tier.
    assert error_of(await premium.http.post(f"{PROBE}/scheduler")) == (
        403,
        "Forbidden: Requires the admin:scheduler scope",
        "scope_required",
    )
    assert (await admin.http.post(f"{PROBE}/scheduler")).json() == {"user_id": admin.user_id}


async def test_a_cookie_authenticated_write_needs_the_csrf_header(
    probed_app: FastAPI, make_user_client: MakeUserClient, make_client: MakeClient
) -> None:
    user = await make_user_client()
    assert (await user.http.get(f"{PROBE}/whoami")).status_code == 200  # remembered now
    token = user.http.headers.pop("X-CSRF-Token")
    assert error_of(await user.http.post(f"{PROBE}/whoami"))[::2] == (403, "csrf_failed")
    assert error_of(await user.http.post(f"{PROBE}/maybe"))[::2] == (403, "csrf_failed")
    assert (await user.http.get(f"{PROBE}/whoami")).status_code == 200  # reads need none
    user.http.headers["X-CSRF-Token"] = token
    assert (await user.http.post(f"{PROBE}/whoami")).json()["user_id"] == user.user_id

    # No credential, nothing to forge: an anonymous write is not asked for a token.
    anonymous = make_client()
    assert (await anonymous.post(f"{PROBE}/maybe")).json() == {"principal": None}
