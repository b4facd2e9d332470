"""Outgoing mail: an async SMTP sender, and a local one (embedded default, no SMTP host) that
saves each mail under {var_dir}/mail/ so a local user can open the link in it.

Mail bodies carry one-time links, so they are never written to the log: the log records the
recipient's domain, the subject and, for saved mails, the file to open.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Literal, Protocol

import aiosmtplib

log = logging.getLogger("cryptolens.mail")

SmtpSecurity = Literal["none", "starttls", "tls"]


@dataclass(frozen=True)
class MailMessage:
    to: str
    subject: str
    text: str


class MailSender(Protocol):
    async def send(self, message: MailMessage) -> None: ...


class Outbox(Protocol):
    """Where services post mail. It is sent only once the unit of work has committed, so a
    rolled-back request never mails a link to a token that does not exist."""

    def post(self, message: MailMessage) -> None: ...


class HeldOutbox:
    """Keeps posted mail for the caller to send after its own commit (CLI, jobs, tests)."""

    def __init__(self) -> None:
        self.messages: list[MailMessage] = []

    def post(self, message: MailMessage) -> None:
        self.messages.append(message)


def _recipient_domain(address: str) -> str:
    return address.rpartition("@")[2] or "?"


def build_email(message: MailMessage, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.to
    email["Subject"] = message.subject
    email["Message-ID"] = make_msgid(domain="cryptolens")
    email.set_content(message.text)
    return email


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: SmtpSecurity
    user: str | None
    password: str | None
    sender: str
    timeout_seconds: float = 10.0


class SmtpMailSender:
    def __init__(self, config: SmtpConfig) -> None:
        self.config = config

    async def send(self, message: MailMessage) -> None:
        config = self.config
        await aiosmtplib.send(
            build_email(message, config.sender),
            hostname=config.host,
            port=config.port,
            username=config.user,
            password=config.password,
            use_tls=config.security == "tls",
            start_tls=config.security == "starttls",
            timeout=config.timeout_seconds,
        )
        log.info(
            "mail.sent",
            extra={"to_domain": _recipient_domain(message.to), "subject": message.subject},
        )


class SavedMailSender:
    """Writes each mail as an .eml file (mode 0600) in `directory`."""

    def __init__(self, directory: Path, sender: str) -> None:
        self.directory = directory
        self.sender = sender

    async def send(self, message: MailMessage) -> None:
        email = build_email(message, self.sender)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        path = self.directory / f"{stamp}-{secrets.token_hex(4)}.eml"
        await asyncio.to_thread(self._write, path, email.as_bytes())
        log.info(
            "mail.saved",
            extra={
                "to_domain": _recipient_domain(message.to),
                "subject": message.subject,
                "path": str(path),
            },
        )

    def _write(self, path: Path, content: bytes) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_bytes(content)


async def send_quietly(sender: MailSender, message: MailMessage) -> None:
    """Sends after the response (background task): a failure is logged, never raised."""
    try:
        await sender.send(message)
    except Exception as exc:  # SMTP errors, timeouts, disk errors: all just logged
        log.error(
            "mail.failed",
            extra={
                "to_domain": _recipient_domain(message.to),
                "subject": message.subject,
                # SMTP errors quote the server's reply, never the body we sent.
                "error": f"{type(exc).__name__}: {str(exc)[:200]}",
            },
        )
