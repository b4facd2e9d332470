"""What the webhook work needs, built once per request or job: settings, the process's one
sender (its resolver decides which addresses are reachable), the secret box, clock and queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptolens.core.clock import Clock
from cryptolens.core.security import SecretBox
from cryptolens.job_context import JobQueue
from cryptolens.settings import Settings, WebhookSettings
from cryptolens.webhooks.models import WebhookEndpoint
from cryptolens.webhooks.resolver import SystemResolver
from cryptolens.webhooks.signing import webhook_headers
from cryptolens.webhooks.transport import AttemptResult, WebhookSender

SENDER_RESOURCE = "webhooks.sender"


class SenderHolder:
    """Keeps the sender with the process's long-lived clients, closed with them."""

    def __init__(self, sender: WebhookSender) -> None:
        self.sender = sender

    async def close(self) -> None:
        await self.sender.aclose()


def install_sender(resources: dict[str, object], sender: WebhookSender) -> None:
    """Puts `sender` in place of the default one (tests: a StaticResolver, a loopback
    receiver); the one it replaces is left to its owner."""
    resources[SENDER_RESOURCE] = SenderHolder(sender)


def shared_sender(resources: dict[str, object], settings: Settings) -> WebhookSender:
    holder = resources.get(SENDER_RESOURCE)
    if not isinstance(holder, SenderHolder):
        sender = WebhookSender(
            production=is_production(settings),
            resolver=SystemResolver(),
            timeout_seconds=settings.webhooks.attempt_timeout_seconds,
        )
        holder = SenderHolder(sender)
        resources[SENDER_RESOURCE] = holder
    return holder.sender


def is_production(settings: Settings) -> bool:
    return settings.env == "production"


@dataclass
class WebhookKit:
    settings: WebhookSettings
    production: bool
    sender: WebhookSender
    box: SecretBox
    clock: Clock
    queue: JobQueue
    max_age: timedelta  # events older than this make no delivery (catch-ups, backfills)

    @classmethod
    def build(
        cls, settings: Settings, resources: dict[str, object], clock: Clock, queue: JobQueue
    ) -> WebhookKit:
        return cls(
            settings=settings.webhooks,
            production=is_production(settings),
            sender=shared_sender(resources, settings),
            box=SecretBox.for_settings(settings),
            clock=clock,
            queue=queue,
            max_age=settings.notifications.max_age,
        )

    def signing_secrets(self, endpoint: WebhookEndpoint, now: datetime) -> list[str]:
        """The current secret, then the previous one while it is still valid."""
        secrets = [self.box.decrypt(endpoint.secret)]
        until = endpoint.previous_secret_until
        if endpoint.previous_secret is not None and until is not None and until > now:
            secrets.append(self.box.decrypt(endpoint.previous_secret))
        return secrets

    async def send(
        self, url: str, secrets: list[str], message_id: str, body: str, now: datetime
    ) -> AttemptResult:
        """One signed POST (new timestamp and signatures, same id and body)."""
        raw = body.encode("utf-8")
        headers = webhook_headers(secrets, message_id, int(now.timestamp()), raw)
        return await self.sender.send(url, headers, raw)
