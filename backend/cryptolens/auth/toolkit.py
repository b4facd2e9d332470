"""The collaborators account services need, built once per app: settings of the domain, the
password hasher, the secret box, the mail sender and the public URL for links."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlencode

from cryptolens.auth.config import AuthSettings
from cryptolens.core.mail import MailSender, SavedMailSender, SmtpConfig, SmtpMailSender
from cryptolens.core.security import PasswordHasher, SecretBox
from cryptolens.settings import Settings

log = logging.getLogger("cryptolens.auth")


@dataclass(frozen=True)
class AuthToolkit:
    config: AuthSettings
    hasher: PasswordHasher
    secret_box: SecretBox
    mail_sender: MailSender
    public_url: str

    def spa_link(self, route: str, token: str) -> str:
        """A link to an SPA route, e.g. `/verify-email?token=...`."""
        return f"{self.public_url.rstrip('/')}{route}?{urlencode({'token': token})}"


def create_mail_sender(settings: Settings, config: AuthSettings) -> MailSender:
    if config.smtp_host:
        password = config.smtp_password.get_secret_value() if config.smtp_password else None
        return SmtpMailSender(
            SmtpConfig(
                host=config.smtp_host,
                port=config.smtp_port,
                security=config.smtp_tls,
                user=config.smtp_user,
                password=password,
                sender=config.mail_from,
                timeout_seconds=config.smtp_timeout_seconds,
            )
        )
    if settings.is_production:
        log.warning("mail.not_configured", extra={"fallback": "saved to var_dir/mail"})
    return SavedMailSender(settings.var_dir / "mail", config.mail_from)


def build_toolkit(settings: Settings, config: AuthSettings | None = None) -> AuthToolkit:
    config = config or settings
    return AuthToolkit(
        config=config,
        hasher=PasswordHasher.for_settings(settings),
        secret_box=SecretBox.for_settings(settings),
        mail_sender=create_mail_sender(settings, config),
        public_url=settings.public_url,
    )
