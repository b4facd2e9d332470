"""An SMTP sink on a real loopback socket (aiosmtpd in its own thread): mail our code sends
over SMTP arrives here and tests read it, links included."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller

HOST = "127.0.0.1"


class _CollectingHandler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        with self.sink.lock:
            self.sink.messages.append(parsed)
            self.sink.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


class SmtpSink:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []
        self.lock = threading.Lock()
        self.port = _free_port()
        self._controller = Controller(_CollectingHandler(self), hostname=HOST, port=self.port)

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()

    def clear(self) -> None:
        with self.lock:
            self.messages.clear()
            self.recipients.clear()

    def mails_to(self, address: str) -> list[EmailMessage]:
        with self.lock:
            return [message for message in self.messages if message["To"] == address]

    def last_mail_to(self, address: str) -> EmailMessage:
        found = self.mails_to(address)
        assert found, f"no mail to {address}; got {[m['To'] for m in self.messages]}"
        return found[-1]

    def last_link_to(self, address: str, route: str) -> str:
        """The token of the newest `route?token=` link mailed to `address`."""
        body = self.last_mail_to(address).get_body(preferencelist=("plain",))
        assert body is not None
        text = body.get_content()
        match = re.search(rf"{re.escape(route)}\?token=([A-Za-z0-9_\-]+)", text)
        assert match, f"no {route} link in: {text}"
        return match.group(1)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SmtpSink]:
    sink = SmtpSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def smtp_sink(smtp_server: SmtpSink) -> Iterator[SmtpSink]:
    """The session's SMTP sink, emptied for this test."""
    smtp_server.clear()
    yield smtp_server
    smtp_server.clear()
