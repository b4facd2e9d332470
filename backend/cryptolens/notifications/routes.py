"""`/api/v1/notifications`: preferences, test push, delivery history, topic, mute link."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from cryptolens.access.deps import CurrentAccess, VerifiedUser
from cryptolens.access.errors import NotSignedInError
from cryptolens.access.route_rules import SIGNED_LINK
from cryptolens.auth import service as auth_service
from cryptolens.core.deps import ClockDep, SessionDep, SettingsDep, SharedClientsDep
from cryptolens.core.envelope import Envelope, ErrorEnvelope, ok
from cryptolens.core.errors import RateLimitedError
from cryptolens.core.paging import CursorQuery, LimitQuery, ok_page
from cryptolens.core.ratelimit import RateLimit, limiter_of
from cryptolens.notifications import service
from cryptolens.notifications.config import TEST_PUSH_RATE
from cryptolens.notifications.muting import MuteLinks
from cryptolens.notifications.ntfy import NtfyPublisher, shared_publisher
from cryptolens.notifications.reasons import publish_failure_reason, reason_text
from cryptolens.notifications.schemas import (
    DeliveryOut,
    MuteOut,
    PreferencesIn,
    PreferencesOut,
    TestPushOut,
    TopicOut,
)
from cryptolens.settings import NotificationSettings

router = APIRouter(prefix="/api/v1/notifications", tags=["notifications"])


def _errors(*statuses: int) -> dict[int | str, dict[str, object]]:
    descriptions = {
        400: "Invalid, altered or expired link",
        401: "Not signed in",
        403: "CSRF header missing, email not verified, or the tier does not allow it",
        429: "Too many requests; see Retry-After",
    }
    return {
        status: {"model": ErrorEnvelope, "description": descriptions[status]} for status in statuses
    }


async def _config(settings: SettingsDep) -> NotificationSettings:
    return settings.notifications


ConfigDep = Annotated[NotificationSettings, Depends(_config)]


async def _publisher(clients: SharedClientsDep, config: ConfigDep) -> NtfyPublisher:
    # The process's one pool of NTFY connections, shared with the in-process jobs.
    return shared_publisher(clients, config)


PublisherDep = Annotated[NtfyPublisher, Depends(_publisher)]


async def _verified_account(user: VerifiedUser, db: SessionDep) -> auth_service.User:
    """The caller's account row: the topic lives on it, and a new topic is written to it."""
    account = await auth_service.get_user(db, user.id)
    if account is None or not account.is_active:
        raise NotSignedInError()
    return account


VerifiedAccount = Annotated[auth_service.User, Depends(_verified_account)]


async def _mute_links(settings: SettingsDep) -> MuteLinks:
    return MuteLinks(settings.secret_key_value())


MuteLinksDep = Annotated[MuteLinks, Depends(_mute_links)]


async def _test_push_allowance(request: Request, user: VerifiedAccount) -> None:
    """3 test pushes an hour per user (not per address: it is the user's topic we protect)."""
    limiter = limiter_of(request.app)
    retry_after = await limiter.hit(TEST_PUSH_RATE, "notifications-test", f"user:{user.id}")
    if retry_after is not None:
        raise RateLimitedError(retry_after, f"limit of {TEST_PUSH_RATE} test pushes reached")


@router.get(
    "/preferences",
    operation_id="notifications-get-preferences",
    summary="The caller's notification preferences, topic and tier limits",
    response_model=Envelope[PreferencesOut],
    responses=_errors(401, 403),
)
async def get_preferences(
    user: VerifiedAccount, access: CurrentAccess, db: SessionDep, clock: ClockDep, config: ConfigDep
) -> Envelope[PreferencesOut]:
    return ok(await service.preferences_view(db, user, access, config, clock.now()))


@router.put(
    "/preferences",
    operation_id="notifications-put-preferences",
    summary="Replace the caller's notification preferences (within the tier)",
    response_model=Envelope[PreferencesOut],
    responses=_errors(401, 403),
)
async def put_preferences(
    body: PreferencesIn,
    user: VerifiedAccount,
    access: CurrentAccess,
    db: SessionDep,
    clock: ClockDep,
    config: ConfigDep,
) -> Envelope[PreferencesOut]:
    return ok(await service.update_preferences(db, user, access, body, config, clock.now()))


@router.post(
    "/test",
    operation_id="notifications-test",
    summary="Send one test push to the caller's topic (3 an hour)",
    response_model=Envelope[TestPushOut],
    responses=_errors(401, 403, 429),
    dependencies=[Depends(_test_push_allowance)],
)
async def test_push(
    user: VerifiedAccount, clock: ClockDep, publisher: PublisherDep
) -> Envelope[TestPushOut]:
    result = await service.send_test_push(publisher, user, clock.now())
    reason = publish_failure_reason(result)
    return ok(
        TestPushOut(
            status=result.status,
            http_status=result.http_status,
            topic=user.ntfy_topic,
            reason=reason,
            reason_text=reason_text(reason),
        )
    )


@router.get(
    "",
    operation_id="notifications-list",
    summary="The caller's delivery history, newest first",
    response_model=Envelope[list[DeliveryOut]],
    responses=_errors(401, 403),
)
async def list_deliveries(
    user: VerifiedAccount,
    db: SessionDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Envelope[list[DeliveryOut]]:
    return ok_page(await service.delivery_history(db, user.id, cursor, limit))


@router.post(
    "/topic",
    operation_id="notifications-regenerate-topic",
    summary="Replace the caller's secret NTFY topic (the old one stops receiving)",
    response_model=Envelope[TopicOut],
    responses=_errors(401, 403),
)
async def regenerate_topic(user: VerifiedAccount, db: SessionDep) -> Envelope[TopicOut]:
    return ok(TopicOut(topic=await service.regenerate_topic(db, user)))


@router.post(
    "/mute",
    operation_id="notifications-mute",
    summary="Mute a symbol for 24 h from a push's signed link (no session needed)",
    response_model=Envelope[MuteOut],
    responses=_errors(400, 429),
    dependencies=[Depends(RateLimit("30/minute", scope="notifications-mute"))],
    openapi_extra=SIGNED_LINK,  # the token proves who sent it: no session, no CSRF
)
async def mute(
    db: SessionDep,
    clock: ClockDep,
    links: MuteLinksDep,
    token: Annotated[str, Query(max_length=512, description="The token of the push's link")],
) -> Envelope[MuteOut]:
    symbol, until = await service.mute_from_link(db, links, token, clock.now())
    return ok(MuteOut(symbol=symbol, muted_until=until))
