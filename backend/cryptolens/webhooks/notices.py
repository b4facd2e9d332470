"""Telling an owner their endpoint was auto-disabled: an email, and a push when their
notifications are on, naming the URL's host, the streak and the last error (never the URL's
path or query, which may carry a token of theirs)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.auth import service as auth_service
from cryptolens.core.clock import Clock
from cryptolens.core.mail import MailMessage, MailSender
from cryptolens.db import unit_of_work
from cryptolens.notifications import service as notifications
from cryptolens.settings import NotificationSettings
from cryptolens.webhooks import repository

log = logging.getLogger("cryptolens.webhooks")


@dataclass(frozen=True)
class DisabledNotice:
    host: str
    streak: int
    last_error: str

    @property
    def title(self) -> str:
        return f"Webhook to {self.host} disabled"

    @property
    def text(self) -> str:
        return (
            f"Your CryptoLens webhook endpoint at {self.host} was disabled after "
            f"{self.streak} consecutive failed deliveries over more than a day "
            f"(last error: {self.last_error}).\n\n"
            "Events are no longer sent to it. Fix the receiver, then enable the endpoint "
            "again; logged deliveries can be redelivered.\n"
        )


@dataclass(frozen=True)
class NoticeTools:
    mail_sender: MailSender
    publisher: notifications.NtfyPublisher
    notifications: NotificationSettings
    clock: Clock


async def tell_owner(
    session_factory: async_sessionmaker[AsyncSession],
    tools: NoticeTools,
    endpoint_id: int,
    streak: int,
    last_error: str,
) -> dict[str, int]:
    now = tools.clock.now()
    async with unit_of_work(session_factory) as db:
        endpoint = await repository.get_endpoint(db, endpoint_id)
        user = None if endpoint is None else await auth_service.get_user(db, endpoint.user_id)
        if endpoint is None or user is None or not user.is_active:
            return {"skipped": 1}
        notice = DisabledNotice(urlsplit(endpoint.url).hostname or "?", streak, last_error)
        pushed = await notifications.push_account_notice(
            db, tools.publisher, tools.notifications, user, notice.title, notice.text, now
        )
        email = user.email
    await tools.mail_sender.send(MailMessage(to=email, subject=notice.title, text=notice.text))
    log.info("webhooks.disabled_notice", extra={"endpoint_id": endpoint_id, "streak": streak})
    return {"mails": 1, "pushes": int(pushed is not None and pushed.status == "sent")}
