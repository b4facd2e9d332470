"""`/api/v1/billing`: the plans, checkout, the caller's payments and subscription, cancel, the
providers' webhooks and the fake provider's checkout page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response, status

from cryptolens.access.deps import CurrentUser, VerifiedUser
from cryptolens.access.route_rules import SIGNED_LINK
from cryptolens.billing import intake, purchase, views
from cryptolens.billing.catalogue import plans_on_offer
from cryptolens.billing.models import Payment
from cryptolens.billing.provider_pool import shared_providers
from cryptolens.billing.providers.fake import fake_event, fake_secret
from cryptolens.billing.schemas import (
    BillingSubscriptionOut,
    CheckoutIn,
    CheckoutOut,
    FakeCheckoutOut,
    FakeOutcomeIn,
    PaymentOut,
    PlanOut,
    WebhookAckOut,
)
from cryptolens.core.deps import (
    ClockDep,
    JobQueueDep,
    ResourcesDep,
    SessionDep,
    SessionFactoryDep,
    SettingsDep,
)
from cryptolens.core.envelope import Envelope, error_responses, ok
from cryptolens.core.errors import NotFoundError
from cryptolens.core.paging import PageParams, ok_page
from cryptolens.core.params import EntityId

router = APIRouter(prefix="/api/v1/billing", tags=["billing"])


# The session routes' 401 and 403 (the route's rule adds their codes), and the route-specific
# statuses, whose backticked codes each get their example (system/openapi_errors.py).
_SESSION_ONLY = {
    401: "Not signed in",
    403: "CSRF header missing, email not verified, or an API key (the session only)",
}

_PROVIDER_DOWN = (
    "`provider_unavailable`: the payment provider cannot be reached; try again after Retry-After"
)
_PAYMENT_404 = "`not_found`: no such payment of yours"
_FAKE_404 = "`not_found`: no such payment of yours at the fake provider, or it is disabled"


async def _purchase(resources: ResourcesDep) -> purchase.Purchase:
    settings = resources.settings
    return purchase.Purchase(
        providers=shared_providers(resources.shared_clients, settings, resources.clock),
        session_factory=resources.session_factory,
        clock=resources.clock,
        settings=settings,
    )


PurchaseDep = Annotated[purchase.Purchase, Depends(_purchase)]


async def _intake(resources: ResourcesDep, queue: JobQueueDep) -> intake.Intake:
    settings = resources.settings
    return intake.Intake(
        providers=shared_providers(resources.shared_clients, settings, resources.clock),
        session_factory=resources.session_factory,
        clock=resources.clock,
        plans=settings.plans,
        queue=queue,
    )


IntakeDep = Annotated[intake.Intake, Depends(_intake)]

ProviderPath = Annotated[
    str,
    Path(
        min_length=1,
        max_length=20,
        pattern=r"^[a-z]+$",
        description="card, crypto or fake (an enabled one)",
        examples=["card"],
    ),
]

_WEBHOOK_DOC: dict[str, Any] = {
    **SIGNED_LINK,  # the provider's signature proves it: no session, no CSRF
    "requestBody": {
        "required": True,
        "description": "The provider's raw event, signed (X-Signature or x-nowpayments-sig)",
        "content": {
            "application/json": {
                "schema": {"type": "object"},
                "example": {"meta": {"event_name": "order_created"}, "data": {"id": "1"}},
            }
        },
    },
}


@router.get(
    "/plans",
    operation_id="billing-plans",
    summary="The plans: monthly and yearly prices, the saving, and what each tier allows",
    response_model=Envelope[list[PlanOut]],
)
async def plans(settings: SettingsDep) -> Envelope[list[PlanOut]]:
    return ok(plans_on_offer(settings.plans))


@router.post(
    "/checkout",
    operation_id="billing-checkout",
    summary="Start paying for a plan: a new checkout (201), or the pending one reused (200)",
    status_code=status.HTTP_201_CREATED,
    response_model=Envelope[CheckoutOut],
    responses={
        200: {"model": Envelope[CheckoutOut], "description": "The pending checkout, reused"},
        **error_responses(
            {
                **_SESSION_ONLY,
                409: "`subscription_lifetime`: a plan that never ends already includes it; "
                "`change_scheduled`: a plan change already waits for the end of the period",
                503: f"{_PROVIDER_DOWN} (this checkout is recorded failed); "
                "`payment_method_unavailable`: no enabled provider takes this method",
            }
        ),
    },
)
async def start_checkout(
    body: CheckoutIn, user: VerifiedUser, buying: PurchaseDep, response: Response
) -> Envelope[CheckoutOut]:
    started = await purchase.start_checkout(
        buying, purchase.Buyer(user.id, user.email), body.plan, body.cycle, body.method
    )
    if started.reused:
        response.status_code = status.HTTP_200_OK
    return ok(
        CheckoutOut(
            payment_id=started.payment.id,
            checkout_url=started.payment.checkout_url or "",
            reused=started.reused,
        )
    )


@router.get(
    "/payments",
    operation_id="billing-payments",
    summary="The caller's payments, newest first",
    response_model=Envelope[list[PaymentOut]],
    responses=error_responses(_SESSION_ONLY),
)
async def payments(
    user: CurrentUser, db: SessionDep, page: PageParams
) -> Envelope[list[PaymentOut]]:
    return ok_page(await views.payment_history(db, user.id, page))


@router.get(
    "/payments/{payment_id}",
    operation_id="billing-payment",
    summary="One of the caller's payments (poll it until `final`)",
    response_model=Envelope[PaymentOut],
    responses=error_responses({**_SESSION_ONLY, 404: _PAYMENT_404}),
)
async def payment(payment_id: EntityId, user: CurrentUser, db: SessionDep) -> Envelope[PaymentOut]:
    return ok(views.payment_out(await views.owned_payment(db, user.id, payment_id)))


@router.get(
    "/subscription",
    operation_id="billing-subscription",
    summary="The caller's subscription: tier now, end or renewal, a scheduled change",
    response_model=Envelope[BillingSubscriptionOut],
    responses=error_responses(_SESSION_ONLY),
)
async def subscription(
    user: CurrentUser, db: SessionDep, clock: ClockDep
) -> Envelope[BillingSubscriptionOut]:
    return ok(await views.subscription_view(db, user.id, user.is_admin, clock.now()))


@router.post(
    "/cancel",
    operation_id="billing-cancel",
    summary="Cancel the subscription: access stays until the end of the paid period",
    response_model=Envelope[BillingSubscriptionOut],
    responses=error_responses(
        {
            **_SESSION_ONLY,
            409: "`no_subscription`: nothing bought to cancel; `already_cancelled`",
            503: f"{_PROVIDER_DOWN}; nothing was cancelled",
        }
    ),
)
async def cancel(
    user: CurrentUser,
    buying: PurchaseDep,
    queue: JobQueueDep,
    factory: SessionFactoryDep,
    clock: ClockDep,
) -> Envelope[BillingSubscriptionOut]:
    cancelled = await purchase.cancel(buying, user.id)
    if cancelled.funded_by_payment_id is not None:
        await intake.queue_mail(queue, "cancellation", cancelled.funded_by_payment_id)
    # A fresh session: the cancel committed in its own units of work.
    async with factory() as db:
        view = await views.subscription_view(db, user.id, user.is_admin, clock.now())
    return ok(view)


@router.post(
    "/webhooks/{provider}",
    operation_id="billing-webhook",
    summary="A payment provider's signed event (no session, no CSRF)",
    response_model=Envelope[WebhookAckOut],
    responses=error_responses(
        {
            400: "`malformed_event`: signed, but not an event of this provider",
            401: "`invalid_signature`: no secret configured, no signature or a wrong one",
            404: "`not_found`: no such provider, or it is not enabled",
            413: "`payload_too_large`: over settings.billing.webhook_max_bytes, refused unread",
        }
    ),
    openapi_extra=_WEBHOOK_DOC,
)
async def webhook(
    provider: ProviderPath, request: Request, taking: IntakeDep, settings: SettingsDep
) -> Envelope[WebhookAckOut]:
    taking.provider(provider)  # an unknown or disabled provider: 404 before the body is read
    raw_body = await intake.read_capped_body(request, settings.billing.webhook_max_bytes)
    outcome = await intake.take_event(taking, provider, raw_body, request.headers)
    return ok(WebhookAckOut(status=outcome))


async def _fake_payment(
    payment_id: EntityId, user: CurrentUser, factory: SessionFactoryDep, taking: IntakeDep
) -> Payment:
    """The caller's own payment at the fake provider, while the fake is enabled; else 404."""
    taking.provider("fake")
    async with factory() as db:
        payment = await views.owned_payment(db, user.id, payment_id)
    if payment.provider != "fake":
        raise NotFoundError("Payment not found")
    return payment


FakePayment = Annotated[Payment, Depends(_fake_payment)]


@router.get(
    "/fake-checkout/{payment_id}",
    operation_id="billing-fake-checkout",
    summary="The fake provider's checkout page: what is being paid",
    response_model=Envelope[FakeCheckoutOut],
    responses=error_responses({**_SESSION_ONLY, 404: _FAKE_404}),
)
async def fake_checkout(payment: FakePayment) -> Envelope[FakeCheckoutOut]:
    return ok(views.fake_checkout_out(payment))


@router.post(
    "/fake-checkout/{payment_id}",
    operation_id="billing-fake-checkout-outcome",
    summary="Pay or decline on the fake checkout page (the server sends the signed event)",
    response_model=Envelope[PaymentOut],
    responses=error_responses({**_SESSION_ONLY, 404: _FAKE_404}),
)
async def fake_checkout_outcome(
    body: FakeOutcomeIn,
    payment: FakePayment,
    user: CurrentUser,
    taking: IntakeDep,
    settings: SettingsDep,
    factory: SessionFactoryDep,
) -> Envelope[PaymentOut]:
    raw_body, headers = fake_event(
        payment.checkout_ref, payment.amount, payment.currency, body.outcome, fake_secret(settings)
    )
    await intake.take_event(taking, "fake", raw_body, headers)
    async with factory() as db:
        updated = await views.owned_payment(db, user.id, payment.id)
    return ok(views.payment_out(updated))
