"""The app with accounts installed, mail going to a loopback SMTP sink, and clients: anonymous
ones (any client IP, http or https) and signed-in ones of a given tier."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens.app import create_app
from cryptolens.auth.config import AuthSettings
from cryptolens.auth.install import install_auth
from cryptolens.auth.toolkit import AuthToolkit, build_toolkit
from cryptolens.core.clock import FrozenClock
from cryptolens.core.ratelimit import reset_rate_limits
from cryptolens.settings import Settings
from tests.clients import MakeClient, MakeUserClient, UserClient
from tests.fakes.smtp import SmtpSink, smtp_server, smtp_sink

__all__ = ["MakeClient", "MakeUserClient", "UserClient", "smtp_server", "smtp_sink"]


@pytest.fixture
def auth_settings(smtp_sink: SmtpSink) -> AuthSettings:
    return AuthSettings(
        _env_file=None, smtp_host="127.0.0.1", smtp_port=smtp_sink.port, smtp_tls="none"
    )


@pytest.fixture
async def app(
    test_settings: Settings,
    db_engine: AsyncEngine,
    session_factory: object,
    clock: FrozenClock,
    auth_settings: AuthSettings,
) -> AsyncIterator[FastAPI]:
    application = create_app(test_settings, engine=db_engine, clock=clock)
    install_auth(application, auth_settings)
    # create_app may install accounts itself one day; the mail must still reach the sink.
    application.state.auth_toolkit = build_toolkit(test_settings, auth_settings)
    reset_rate_limits(application)
    async with application.router.lifespan_context(application):
        yield application
    reset_rate_limits(application)


@pytest.fixture
def toolkit(app: FastAPI) -> AuthToolkit:
    found: AuthToolkit = app.state.auth_toolkit
    return found
