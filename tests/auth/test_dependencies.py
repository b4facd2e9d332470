"""The dependencies other domains use: VerifiedUser, AdminUser, OptionalUser, CurrentUser."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from cryptolens.access.deps import AdminUser, CurrentUser, OptionalUser, VerifiedUser
from tests.auth.conftest import MakeClient, MakeUserClient
from tests.auth.helpers import error_of


@pytest.fixture
def app_with_probe_routes(app: FastAPI) -> FastAPI:
    async def alerts(user: VerifiedUser) -> dict[str, int]:
        return {"user_id": user.id}

    async def admin_panel(user: AdminUser) -> dict[str, int]:
        return {"user_id": user.id}

    async def greeting(user: OptionalUser) -> dict[str, str | None]:
        return {"email": None if user is None else user.email}

    async def journal(user: CurrentUser) -> dict[str, int]:
        return {"user_id": user.id}

    app.add_api_route("/api/v1/probe/alerts", alerts, methods=["GET"])
    app.add_api_route("/api/v1/probe/admin", admin_panel, methods=["GET"])
    app.add_api_route("/api/v1/probe/greeting", greeting, methods=["GET"])
    app.add_api_route("/api/v1/probe/journal", journal, methods=["POST"])
    return app


async def test_verified_admin_optional_and_current_user(
    app_with_probe_routes: FastAPI, make_client: MakeClient, make_user_client: MakeUserClient
) -> None:
    unverified = await make_user_client(verified=False)
    verified = await make_user_client()
    admin = await make_user_client(admin=True)
    anonymous = make_client()

    refused = await unverified.http.get("/api/v1/probe/alerts")
    assert error_of(refused) == (
        403,
        "Forbidden: Verify your email address first",
        "verification_required",  # api.md's code
    )
    assert (await verified.http.get("/api/v1/probe/alerts")).json() == {"user_id": verified.user_id}

    assert error_of(await verified.http.get("/api/v1/probe/admin"))[::2] == (403, "admin_required")
    assert (await admin.http.get("/api/v1/probe/admin")).json() == {"user_id": admin.user_id}
    assert error_of(await anonymous.get("/api/v1/probe/admin"))[::2] == (401, "not_signed_in")

    assert (await anonymous.get("/api/v1/probe/greeting")).json() == {"email": None}
    greeted = await verified.http.get("/api/v1/probe/greeting")
    assert greeted.json() == {"email": verified.email}

    # Another domain's unsafe route is CSRF-checked through CurrentUser alone.
    written = await verified.http.post("/api/v1/probe/journal", json={})
    assert written.json() == {"user_id": verified.user_id}
    del verified.http.headers["X-CSRF-Token"]
    assert error_of(await verified.http.post("/api/v1/probe/journal", json={}))[0] == 403


async def test_operation_ids_are_stable(make_client: MakeClient) -> None:
    document = (await make_client().get("/api/openapi.json")).json()
    ids = {
        operation["operationId"]
        for path, operations in document["paths"].items()
        if path.startswith(("/api/v1/auth", "/api/v1/billing"))
        for operation in operations.values()
    }
    assert {
        "auth-csrf",
        "auth-register",
        "auth-login",
        "auth-login-totp",
        "auth-logout",
        "auth-logout-all",
        "auth-me",
        "auth-update-me",
        "auth-change-password",
        "auth-verify-email",
        "auth-resend-verification",
        "auth-forgot-password",
        "auth-reset-password",
        "auth-list-sessions",
        "auth-end-session",
        "auth-get-watchlist",
        "auth-put-watchlist",
        "auth-2fa-setup",
        "auth-2fa-enable",
        "auth-2fa-disable",
        "auth-2fa-backup-codes",
        "billing-plans",
        "billing-checkout",
        "billing-payments",
        "billing-payment",
        "billing-subscription",
        "billing-cancel",
        "billing-webhook",
        "billing-fake-checkout",
        "billing-fake-checkout-outcome",
    } == ids
    login = document["paths"]["/api/v1/auth/login"]["post"]["responses"]
    assert {"200", "401", "403", "415", "422", "429"} <= set(login)
