"""forgot-password and resend-verification do the same work whatever the address (issue #13,
failure 10: a known email was answered 1.5x slower): the request only queues a job; the job
looks the address up, issues the token and sends the mail. Checked without timing: the
request is answered while the SMTP server has not accepted anything yet, both addresses leave
the same trace (one job), and the mail does arrive through the job."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.settings import MailSettings
from cryptolens.system.models import JobRun
from tests.auth.conftest import MakeClient, MakeUserClient
from tests.auth.helpers import API, fetch_csrf, strong_password
from tests.fakes.smtp import HOST, SmtpSink, _CollectingHandler

DEADLINE_SECONDS = 10.0


class _GatedHandler(_CollectingHandler):
    """Accepts a mail only once the test opens the gate."""

    def __init__(self, sink: GatedSmtpSink) -> None:
        super().__init__(sink)
        self.gate = sink.gate

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.to_thread(self.gate.wait, 60)
        return await super().handle_DATA(server, session, envelope)


class GatedSmtpSink(SmtpSink):
    def __init__(self) -> None:
        super().__init__()
        from aiosmtpd.controller import Controller

        self.gate = threading.Event()
        self._controller = Controller(_GatedHandler(self), hostname=HOST, port=self.port)


@pytest.fixture
def gated_sink() -> Iterator[GatedSmtpSink]:
    sink = GatedSmtpSink()
    sink.start()
    yield sink
    sink.gate.set()
    sink.stop()


@pytest.fixture
def mail_settings(gated_sink: GatedSmtpSink) -> MailSettings:
    return MailSettings(
        smtp_host="127.0.0.1", smtp_port=gated_sink.port, smtp_tls="none", smtp_timeout_seconds=30
    )


async def _wait_for_mail(sink: SmtpSink, address: str) -> None:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not sink.mails_to(address):
        assert time.monotonic() < deadline, f"no mail to {address} within {DEADLINE_SECONDS} s"
        await asyncio.sleep(0.02)


async def _job_runs(factory: async_sessionmaker[AsyncSession], name: str) -> list[JobRun]:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while True:
        async with factory() as db:
            runs = list(
                await db.scalars(select(JobRun).where(JobRun.name == name, JobRun.status == "ok"))
            )
        if len(runs) >= 2 or time.monotonic() > deadline:
            return runs
        await asyncio.sleep(0.05)


@pytest.mark.parametrize(
    ("route", "verified"), [("/forgot-password", True), ("/resend-verification", False)]
)
async def test_the_request_only_queues_the_mail_whatever_the_address(
    make_client: MakeClient,
    make_user_client: MakeUserClient,
    gated_sink: GatedSmtpSink,
    session_factory: async_sessionmaker[AsyncSession],
    route: str,
    verified: bool,
) -> None:
    user = await make_user_client(verified=verified)
    client = make_client(ip="192.0.2.40")
    await fetch_csrf(client)

    # The SMTP server accepts nothing yet: a request that waited for the mail would hang.
    known = asyncio.ensure_future(client.post(f"{API}{route}", json={"email": user.email}))
    try:
        answer = await asyncio.wait_for(asyncio.shield(known), DEADLINE_SECONDS)
    except TimeoutError:
        pytest.fail("the request for a known address waited on the SMTP server")
    finally:
        gated_sink.gate.set()
        await known
    assert answer.status_code == 200, answer.text
    unknown = await client.post(f"{API}{route}", json={"email": "nobody-here@example.com"})
    assert unknown.status_code == 200
    assert unknown.json()["data"] == answer.json()["data"]

    # The same trace for both: one mail job each; only the known address gets a mail.
    await _wait_for_mail(gated_sink, user.email)
    runs = await _job_runs(session_factory, "send_account_mail")
    assert len(runs) == 2, [run.args_summary for run in runs]
    assert gated_sink.mails_to("nobody-here@example.com") == []


async def test_the_reset_mail_arrives_through_the_job_and_its_link_works(
    make_client: MakeClient, make_user_client: MakeUserClient, gated_sink: GatedSmtpSink
) -> None:
    gated_sink.gate.set()
    user = await make_user_client()
    client = make_client(ip="192.0.2.41")
    await fetch_csrf(client)
    asked = await client.post(f"{API}/forgot-password", json={"email": user.email.upper()})
    assert asked.status_code == 200
    await _wait_for_mail(gated_sink, user.email)
    token = gated_sink.last_link_to(user.email, "/reset-password")
    new_password = strong_password()
    reset = await client.post(
        f"{API}/reset-password", json={"token": token, "new_password": new_password}
    )
    assert reset.status_code == 200, reset.text


async def test_the_verification_mail_arrives_through_the_job(
    make_client: MakeClient, make_user_client: MakeUserClient, gated_sink: GatedSmtpSink
) -> None:
    gated_sink.gate.set()
    user = await make_user_client(verified=False)
    client = make_client(ip="192.0.2.42")
    await fetch_csrf(client)
    asked = await client.post(f"{API}/resend-verification", json={"email": user.email})
    assert asked.status_code == 200
    await _wait_for_mail(gated_sink, user.email)
    token = gated_sink.last_link_to(user.email, "/verify-email")
    verified = await client.post(f"{API}/verify-email", json={"token": token})
    assert verified.status_code == 200, verified.text
    assert verified.json()["data"]["is_verified"] is True
