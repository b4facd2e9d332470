"""The collaborators account services need, built once per app: the security settings, the
password hasher, the secret box, the mail sender and the public URL for links."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Protocol, cast
from urllib.parse import urlencode

from starlette.applications import Starlette

from cryptolens.core.mail import MailSender, SavedMailSender, SmtpConfig, SmtpMailSender
from cryptolens.core.resources import RESOURCES_ATTRIBUTE, CoreResources
from cryptolens.core.security import PasswordHasher, SecretBox
from cryptolens.settings import MailSettings, SecuritySettings, Settings

log = logging.getLogger("cryptolens.auth")


@dataclass(frozen=True)
class AuthToolkit:
    security: SecuritySettings
    hasher: PasswordHasher
    secret_box: SecretBox
    mail_sender: MailSender
    public_url: str

    def spa_link(self, route: str, token: str) -> str:
        """A link to an SPA route, e.g. `/verify-email?token=...`."""
        return f"{self.public_url.rstrip('/')}{route}?{urlencode({'token': token})}"


class AuthResources(CoreResources, Protocol):
    """What the accounts domain reads from the app's one AppResources (cryptolens.resources)."""

    @property
    def auth_toolkit(self) -> AuthToolkit: ...


def auth_resources(app: Starlette) -> AuthResources:
    resources: AuthResources = getattr(app.state, RESOURCES_ATTRIBUTE)
    return resources


def create_mail_sender(settings: Settings) -> MailSender:
    mail: MailSettings = settings.mail
    if mail.smtp_host:
        password = mail.smtp_password.get_secret_value() if mail.smtp_password else None
        return SmtpMailSender(
            SmtpConfig(
                host=mail.smtp_host,
                port=mail.smtp_port,
                security=mail.smtp_tls,
                user=mail.smtp_user,
                password=password,
                sender=mail.mail_from,
                timeout_seconds=mail.smtp_timeout_seconds,
            )
        )
    if settings.is_production:
        log.warning("mail.not_configured", extra={"fallback": "saved to var_dir/mail"})
    return SavedMailSender(settings.var_dir / "mail", mail.mail_from)


# Where a worker process keeps its one mail sender (jobs of every domain send through it).
MAIL_SENDER_RESOURCE = "auth.mail_sender"


def shared_mail_sender(resources: dict[str, Any], settings: Settings) -> MailSender:
    """The process's mail sender, made on first use and kept in its job resources."""
    sender = resources.get(MAIL_SENDER_RESOURCE)
    if sender is None:
        sender = resources[MAIL_SENDER_RESOURCE] = create_mail_sender(settings)
    return cast(MailSender, sender)


def build_toolkit(settings: Settings) -> AuthToolkit:
    return AuthToolkit(
        security=settings.security,
        hasher=PasswordHasher.for_settings(settings),
        secret_box=SecretBox.for_settings(settings),
        mail_sender=create_mail_sender(settings),
        public_url=settings.public_url,
    )
