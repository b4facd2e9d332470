"""`install_auth(app)`: mounts accounts and billing on an app built by create_app().

It adds the auth toolkit, the rate limiter (429 in the envelope), CSRF tokens with the
JSON-only body rule, and the auth and billing routers. Calling it twice changes nothing.
Call it before the app serves its first request (middleware cannot be added later).
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.routing import BaseRoute, Mount

from cryptolens.auth.config import AuthSettings
from cryptolens.auth.routes import router as auth_router
from cryptolens.auth.toolkit import build_toolkit
from cryptolens.billing.routes import router as billing_router
from cryptolens.core.csrf import install_csrf
from cryptolens.core.ratelimit import install_rate_limiting
from cryptolens.settings import Settings

# Providers sign their raw body and send it as they like; the signature protects them.
JSON_ONLY_EXEMPT = ("/api/v1/billing/webhooks/",)


def install_auth(app: FastAPI, auth_settings: AuthSettings | None = None) -> None:
    if getattr(app.state, "auth_installed", False):
        return
    settings: Settings = app.state.settings
    app.state.auth_toolkit = build_toolkit(settings, auth_settings)
    install_rate_limiting(app, settings)
    install_csrf(app, settings.secret_key_value(), exempt_prefixes=JSON_ONLY_EXEMPT)
    app.include_router(auth_router)
    app.include_router(billing_router)
    _keep_catch_all_mounts_last(app)
    app.state.auth_installed = True


def _keep_catch_all_mounts_last(app: FastAPI) -> None:
    # The SPA is mounted at "/" and would shadow routes added after it.
    routes = app.router.routes
    catch_all: list[BaseRoute] = [
        route for route in routes if isinstance(route, Mount) and route.path == ""
    ]
    if catch_all:
        app.router.routes[:] = [route for route in routes if route not in catch_all] + catch_all
