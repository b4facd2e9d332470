"""The account mails: what they say and where their links lead (SPA routes)."""

from __future__ import annotations

from cryptolens.core.mail import MailMessage

VERIFY_ROUTE = "/verify-email"
RESET_ROUTE = "/reset-password"


def verification_mail(to: str, link: str, valid_hours: int) -> MailMessage:
    return MailMessage(
        to=to,
        subject="Confirm your CryptoLens email address",
        text=(
            "Welcome to CryptoLens.\n\n"
            "Confirm your email address to receive alerts and create API keys:\n\n"
            f"{link}\n\n"
            f"The link is valid for {valid_hours} hours. "
            "If you did not sign up, ignore this mail.\n"
        ),
    )


def password_reset_mail(to: str, link: str, valid_minutes: int) -> MailMessage:
    return MailMessage(
        to=to,
        subject="Reset your CryptoLens password",
        text=(
            "Someone (hopefully you) asked to reset the password of this CryptoLens account.\n\n"
            f"{link}\n\n"
            f"The link is valid for {valid_minutes} minutes and works once. Resetting signs out "
            "every device. If you did not ask for it, ignore this mail: nothing changes.\n"
        ),
    )


def password_changed_mail(to: str) -> MailMessage:
    return MailMessage(
        to=to,
        subject="Your CryptoLens password was changed",
        text=(
            "The password of your CryptoLens account was just changed and other devices were "
            "signed out.\n\nIf this was not you, reset your password at once and contact us.\n"
        ),
    )
