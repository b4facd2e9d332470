"""The billing mails, sent by the `send_billing_mail` job after the commit and read from the
loopback SMTP sink: a receipt once a payment completes, a notice when one fails, and one when
the subscription is cancelled. They carry amounts with their currency and links to the billing
pages, never the checkout reference or a provider id."""

from __future__ import annotations

from email.message import EmailMessage

from fastapi import FastAPI

from tests.auth.helpers import mail_arrives
from tests.billing.providers_fixtures import checkout, data_of, payment_rows
from tests.clients import MakeUserClient, UserClient
from tests.fakes.smtp import SmtpSink

BILLING = "/api/v1/billing"
PUBLIC_URL = "http://127.0.0.1:8000"  # settings.public_url in tests


def _text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    text: str = body.get_content()
    return text


async def _pay(user: UserClient, outcome: str, plan: str = "pro") -> int:
    payment_id: int = (await checkout(user.http, plan, "monthly", "card"))["payment_id"]
    answer = await user.http.post(
        f"{BILLING}/fake-checkout/{payment_id}", json={"outcome": outcome}
    )
    data_of(answer)
    return payment_id


async def test_a_completed_payment_mails_a_receipt(
    app: FastAPI, make_user_client: MakeUserClient, smtp_sink: SmtpSink
) -> None:
    user = await make_user_client("free")
    payment_id = await _pay(user, "paid")
    await mail_arrives(smtp_sink, user.email, 1)
    receipt = smtp_sink.last_mail_to(user.email)
    assert receipt["Subject"] == "Your CryptoLens receipt: Pro (monthly), 19.00 USD"
    text = _text(receipt)
    assert "Amount: 19.00 USD" in text
    assert f"{PUBLIC_URL}/billing/payments/{payment_id}" in text
    [payment] = await payment_rows(app, user.user_id)
    assert payment.expires_at is not None
    assert f"{payment.expires_at:%Y-%m-%d %H:%M} UTC" in text
    assert payment.checkout_ref not in text


async def test_a_failed_payment_mails_a_notice(
    app: FastAPI, make_user_client: MakeUserClient, smtp_sink: SmtpSink
) -> None:
    user = await make_user_client("free")
    await _pay(user, "failed", plan="premium")
    await mail_arrives(smtp_sink, user.email, 1)
    notice = smtp_sink.last_mail_to(user.email)
    assert notice["Subject"] == "Your CryptoLens payment for Premium (monthly) did not go through"
    text = _text(notice)
    [payment] = await payment_rows(app, user.user_id)
    assert payment.failure_reason and payment.failure_reason in text
    assert "49.00 USD" in text
    assert f"{PUBLIC_URL}/billing" in text


async def test_cancelling_mails_until_when_access_lasts(
    app: FastAPI, make_user_client: MakeUserClient, smtp_sink: SmtpSink
) -> None:
    user = await make_user_client("free")
    await _pay(user, "paid")
    await mail_arrives(smtp_sink, user.email, 1)
    cancelled = data_of(await user.http.post(f"{BILLING}/cancel"))
    await mail_arrives(smtp_sink, user.email, 2)
    notice = smtp_sink.last_mail_to(user.email)
    assert notice["Subject"] == "Your CryptoLens Pro subscription is cancelled"
    [payment] = await payment_rows(app, user.user_id)
    assert payment.expires_at is not None
    assert cancelled["expires_at"].startswith(f"{payment.expires_at:%Y-%m-%dT%H:%M}")
    assert f"You keep Pro until {payment.expires_at:%Y-%m-%d %H:%M} UTC" in _text(notice)
