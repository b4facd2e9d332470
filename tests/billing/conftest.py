"""Billing tests use the accounts app (mail to the SMTP sink); signed-in clients of a given
tier come from tests/conftest.py."""

from __future__ import annotations

from tests.auth.conftest import app, mail_settings, smtp_server, smtp_sink, toolkit

__all__ = ["app", "mail_settings", "smtp_server", "smtp_sink", "toolkit"]
