"""The enabled providers, and which one serves a payment method.

A method is served by its own provider when enabled, else by the fake when enabled (the
embedded default: both methods complete on the fake checkout page).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable

import httpx

from cryptolens.billing.providers.base import Method, PaymentProvider, ProviderName
from cryptolens.billing.providers.card import CardProvider
from cryptolens.billing.providers.crypto import CryptoProvider
from cryptolens.billing.providers.fake import FakeProvider, fake_secret
from cryptolens.core.clock import Clock
from cryptolens.settings import Settings, SettingsError


class PaymentMethodUnavailable(Exception):  # noqa: N818 - the name the billing plan gives it
    """No enabled provider serves this method (503 `payment_method_unavailable`)."""

    def __init__(self, method: str) -> None:
        super().__init__(f"no payment provider for {method}")
        self.method = method


@runtime_checkable
class _Closable(Protocol):
    async def aclose(self) -> None: ...


def build_providers(
    settings: Settings, http: httpx.AsyncClient | None = None, clock: Clock | None = None
) -> dict[ProviderName, PaymentProvider]:
    """One instance per enabled provider. `http` is shared when given (the caller closes it);
    otherwise each provider with an API opens its own client (closed by `close_providers`)."""
    providers: dict[ProviderName, PaymentProvider] = {}
    for name in settings.billing.providers:
        if name == "card":
            providers[name] = CardProvider(settings.billing, http, clock)
        elif name == "crypto":
            providers[name] = CryptoProvider(settings.billing, http)
        else:
            # Settings refuse it too; a provider that pays without paying never runs in production.
            if settings.is_production:
                raise SettingsError("the fake billing provider cannot run in production")
            providers[name] = FakeProvider(settings.billing, fake_secret(settings), clock)
    return providers


def provider_named(
    providers: Mapping[ProviderName, PaymentProvider], name: str
) -> PaymentProvider | None:
    """An enabled provider by name (None: unknown or disabled). The name is any string (a URL's,
    a stored row's): compared with each key, never taken for a ProviderName."""
    return next((p for known, p in providers.items() if known == name), None)


def provider_for_method(
    providers: Mapping[ProviderName, PaymentProvider], method: Method | str
) -> PaymentProvider:
    own: ProviderName | None = (
        "card" if method == "card" else "crypto" if method == "crypto" else None
    )
    if own is None:
        raise PaymentMethodUnavailable(method)
    found = providers.get(own) or providers.get("fake")
    if found is None:
        raise PaymentMethodUnavailable(method)
    return found


async def close_providers(providers: Mapping[ProviderName, PaymentProvider]) -> None:
    for provider in providers.values():
        if isinstance(provider, _Closable):
            await provider.aclose()
