"""What the identity layer reads from the app's one AppResources (cryptolens.resources)."""

from __future__ import annotations

from typing import Protocol

from starlette.applications import Starlette

from cryptolens.access.key_memo import KeyMemo
from cryptolens.access.memo import AccessMemo
from cryptolens.access.ports import AccountSource, ApiKeySource, TierSource
from cryptolens.core.resources import RESOURCES_ATTRIBUTE, CoreResources


class AccessResources(CoreResources, Protocol):
    @property
    def access_memo(self) -> AccessMemo: ...

    @property
    def accounts(self) -> AccountSource:
        """Sessions, users and watchlists (the accounts domain)."""
        ...

    @property
    def tiers(self) -> TierSource:
        """The tier a user has now (the subscriptions domain)."""
        ...

    @property
    def api_keys(self) -> ApiKeySource:
        """API keys and their usage counters (the API keys domain)."""
        ...

    @property
    def key_memo(self) -> KeyMemo: ...


def access_resources(app: Starlette) -> AccessResources:
    resources: AccessResources = getattr(app.state, RESOURCES_ATTRIBUTE)
    return resources
