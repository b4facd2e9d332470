"""Billing tests use the accounts app and its signed-in clients of a given tier."""

from __future__ import annotations

from tests.auth.conftest import (
    app,
    auth_settings,
    make_client,
    make_user_client,
    smtp_server,
    smtp_sink,
    toolkit,
)

__all__ = [
    "app",
    "auth_settings",
    "make_client",
    "make_user_client",
    "smtp_server",
    "smtp_sink",
    "toolkit",
]
