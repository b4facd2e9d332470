"""The process's enabled payment providers, built once and kept with the long-lived clients
(core.resources.shared_clients), so their HTTP connection pools are reused and closed when the
app stops."""

from __future__ import annotations

from collections.abc import Mapping

from cryptolens.billing.providers.base import PaymentProvider, ProviderName
from cryptolens.billing.providers.registry import build_providers, close_providers
from cryptolens.core.clock import Clock
from cryptolens.settings import Settings

PROVIDERS_RESOURCE = "billing.providers"


class ProviderPool:
    def __init__(self, providers: dict[ProviderName, PaymentProvider]) -> None:
        self.providers = providers

    async def close(self) -> None:
        await close_providers(self.providers)


def shared_providers(
    resources: dict[str, object], settings: Settings, clock: Clock
) -> Mapping[ProviderName, PaymentProvider]:
    pool = resources.get(PROVIDERS_RESOURCE)
    if not isinstance(pool, ProviderPool):
        pool = ProviderPool(build_providers(settings, clock=clock))
        resources[PROVIDERS_RESOURCE] = pool
    return pool.providers
