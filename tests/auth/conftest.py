"""The app with mail going to a loopback SMTP sink, and clients: anonymous ones (any client
IP, http or https) and signed-in ones of a given tier."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens.app import create_app
from cryptolens.auth.toolkit import AuthToolkit
from cryptolens.core.clock import FrozenClock
from cryptolens.core.ratelimit import reset_rate_limits
from cryptolens.resources import app_resources
from cryptolens.settings import MailSettings, Settings
from tests.clients import MakeClient, MakeUserClient, UserClient
from tests.fakes.smtp import SmtpSink, smtp_server, smtp_sink

__all__ = ["MakeClient", "MakeUserClient", "UserClient", "smtp_server", "smtp_sink"]


@pytest.fixture
def mail_settings(smtp_sink: SmtpSink) -> MailSettings:
    return MailSettings(smtp_host="127.0.0.1", smtp_port=smtp_sink.port, smtp_tls="none")


def create_mailing_app(
    settings: Settings, engine: AsyncEngine, clock: FrozenClock, mail: MailSettings
) -> FastAPI:
    """The app as create_app builds it, its mail going to the sink."""
    return create_app(settings.model_copy(update={"mail": mail}), engine=engine, clock=clock)


@pytest.fixture
async def app(
    test_settings: Settings,
    db_engine: AsyncEngine,
    session_factory: object,
    clock: FrozenClock,
    mail_settings: MailSettings,
) -> AsyncIterator[FastAPI]:
    application = create_mailing_app(test_settings, db_engine, clock, mail_settings)
    reset_rate_limits(application)
    async with application.router.lifespan_context(application):
        yield application
    reset_rate_limits(application)


@pytest.fixture
def toolkit(app: FastAPI) -> AuthToolkit:
    return app_resources(app).auth_toolkit
