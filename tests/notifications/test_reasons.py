"""Readable reasons (issue #17): every skip and failure code has a sentence beside it in the
API, a failed test push names its reason, and failures are logged at WARNING with it."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.core.clock import FrozenClock
from cryptolens.notifications import eligibility, recovery, workflows
from cryptolens.notifications.broadcasting import audience, pushes
from cryptolens.notifications.ntfy import PublishResult
from cryptolens.notifications.reasons import REASON_TEXTS, publish_failure_reason, reason_text
from tests.clients import MakeUserClient
from tests.fakes.ntfy import FakeNtfy
from tests.notifications.conftest import HeldQueue
from tests.notifications.factories import add_signal

API = "/api/v1/notifications"


def test_every_reason_code_has_a_sentence() -> None:
    codes = {
        eligibility.INACTIVE,
        eligibility.UNVERIFIED,
        eligibility.DISABLED,
        eligibility.SYMBOL_NOT_IN_TIER,
        eligibility.PATTERN_NOT_IN_TIER,
        eligibility.SYMBOL_FILTERED,
        eligibility.PATTERN_FILTERED,
        eligibility.DIRECTION_FILTERED,
        eligibility.CONFLUENCE_TOO_LOW,
        eligibility.MUTED,
        eligibility.QUIET_HOURS,
        eligibility.DAILY_LIMIT,
        eligibility.TIER_CAP,
        workflows.SIGNAL_GONE,
        workflows.PUSHES_SWITCHED_OFF,
        recovery.EXPIRED,
        recovery.RETRIES_EXHAUSTED,
        pushes.BROADCAST_GONE,
        audience.NO_TOPIC,
    }
    assert codes - set(REASON_TEXTS) == set()
    assert reason_text("symbol_not_in_tier") == "Your plan does not include this symbol."
    assert reason_text("http_403") == (
        "The ntfy server refused the push: it denies access to your topic (HTTP 403)."
    )
    assert reason_text("http_418") == (
        "The ntfy server refused the push: it answered with an error (HTTP 418)."
    )
    assert reason_text(None) is None
    assert reason_text("something_new") == "Something new."  # shown, never hidden


@pytest.mark.parametrize(
    ("result", "code"),
    [
        (PublishResult(status="sent", http_status=200), None),
        (PublishResult(status="failed", http_status=403), "http_403"),
        (PublishResult(status="retry", http_status=503), "ntfy_busy"),
        (PublishResult(status="retry", http_status=429, rate_limited=True), "ntfy_rate_limited"),
        (PublishResult(status="throttled"), "ntfy_rate_limited"),
        (PublishResult(status="retry", response="timeout: ReadTimeout"), "ntfy_timeout"),
        (PublishResult(status="retry", response="network: ConnectError()"), "ntfy_unreachable"),
    ],
)
def test_a_publish_result_names_its_reason(result: PublishResult, code: str | None) -> None:
    assert publish_failure_reason(result) == code
    if code is not None:
        assert reason_text(code) in REASON_TEXTS.values() or code.startswith("http_")


async def test_a_failed_test_push_names_its_reason_and_is_logged(
    make_user_client: MakeUserClient, ntfy: FakeNtfy, caplog: pytest.LogCaptureFixture
) -> None:
    user = await make_user_client("free")
    topic = (await user.http.get(f"{API}/preferences")).json()["data"]["topic"]
    ntfy.fail_topic(topic, 403)
    with caplog.at_level(logging.WARNING, logger="cryptolens.notifications"):
        refused = (await user.http.post(f"{API}/test")).json()["data"]
    assert refused["status"] == "failed"
    assert refused["reason"] == "http_403"
    assert "denies access to your topic" in refused["reason_text"]
    [record] = [r for r in caplog.records if r.message == "notifications.test_push_failed"]
    assert record.levelno == logging.WARNING
    assert record.__dict__["reason"] == "http_403"
    assert record.__dict__["user_id"] == user.user_id

    caplog.clear()
    ntfy.fail_topic(topic, 503)
    with caplog.at_level(logging.WARNING, logger="cryptolens.notifications"):
        busy = (await user.http.post(f"{API}/test")).json()["data"]
    assert (busy["status"], busy["reason"]) == ("retry", "ntfy_busy")
    assert busy["reason_text"] == "The ntfy server is busy or failing."
    assert any(r.__dict__.get("reason") == "ntfy_busy" for r in caplog.records)


async def test_the_history_shows_skip_and_failure_reasons_as_sentences(
    make_user_client: MakeUserClient,
    jobs: HeldQueue,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FrozenClock,
    ntfy: FakeNtfy,
    caplog: pytest.LogCaptureFixture,
) -> None:
    free = await make_user_client("free")
    # A free user follows BTC/USDT only: an ETH/USDT signal is skipped for them.
    await jobs.run(
        "notify_signal",
        signal_id=await add_signal(session_factory, clock.now(), symbol="ETH/USDT"),
    )
    [skipped] = (await free.http.get(API)).json()["data"]
    assert (skipped["status"], skipped["reason"]) == ("skipped", "symbol_not_in_tier")
    assert skipped["reason_text"] == "Your plan does not include this symbol."

    premium = await make_user_client("premium")
    topic = (await premium.http.get(f"{API}/preferences")).json()["data"]["topic"]
    ntfy.fail_topic(topic, 404)
    with caplog.at_level(logging.WARNING, logger="cryptolens.notifications"):
        await jobs.run(
            "notify_signal",
            signal_id=await add_signal(session_factory, clock.now()),
        )
    [failed] = (await premium.http.get(API)).json()["data"]
    assert (failed["status"], failed["reason"]) == ("failed", "http_404")
    assert "does not know the topic" in failed["reason_text"]
    logged = [r for r in caplog.records if r.message == "notifications.delivery_failed"]
    assert [r.__dict__["reason"] for r in logged] == ["http_404"]
    assert logged[0].levelno == logging.WARNING
