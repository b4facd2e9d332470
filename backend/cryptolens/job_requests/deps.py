"""Dependencies of the write API's routes: a session, or an API key with the scope, within the
route's own limit per user (access/deps.py : RequireScope).

    principal: ScanCaller / FetchCaller    # scope write:scan (1 a minute) / write:fetch (5)
    principal: JobReader                   # either scope: reads the caller's own requests
    exchange: ExchangeDep                  # the exchange id of the data source in use

The job queue is core's (core/deps.py : JobQueueDep).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response

from cryptolens.access.credentials import resolve_principal
from cryptolens.access.deps import RequireScope
from cryptolens.access.principal import Principal
from cryptolens.access.scopes import Scope
from cryptolens.core.deps import ResourcesDep, SettingsDep
from cryptolens.job_requests.service import Requester
from cryptolens.market import service as market

SCAN_LIMIT = "1/minute"
FETCH_LIMIT = "5/minute"
READ_SCOPES: tuple[Scope, ...] = ("write:scan", "write:fetch")


async def _exchange(resources: ResourcesDep, settings: SettingsDep) -> str:
    return market.source_exchange(resources.data_source, settings.market)


ExchangeDep = Annotated[str, Depends(_exchange)]


ScanCaller = Annotated[Principal, Depends(RequireScope("write:scan", limit=SCAN_LIMIT))]
FetchCaller = Annotated[Principal, Depends(RequireScope("write:fetch", limit=FETCH_LIMIT))]


class RequireAnyScope(RequireScope):
    """RequireScope for the first of `scopes` the caller holds (the first one when none):
    its limits and refusals as they are. The authorization table names the first scope."""

    def __init__(self, *scopes: Scope) -> None:
        super().__init__(scopes[0])
        self.scopes = scopes
        self._each = {scope: RequireScope(scope) for scope in scopes}

    async def __call__(self, request: Request, response: Response) -> Principal:
        # The resolver answers once per request: the requirement asks it again for free.
        principal = await resolve_principal(request, response)
        held = [s for s in self.scopes if principal is not None and principal.has_scope(s)]
        return await self._each[held[0] if held else self.scope](request, response)


# Whoever may queue a job may follow it: either write scope reads the caller's requests.
JobReader = Annotated[Principal, Depends(RequireAnyScope(*READ_SCOPES))]


def requester_of(principal: Principal) -> Requester:
    return Requester(
        user_id=principal.user.id,
        api_key_id=principal.credential_id if principal.method == "api_key" else None,
        access=principal.access,
    )
