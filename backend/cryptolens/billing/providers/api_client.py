"""One provider's REST calls: a bounded time, and every failure turned into ProviderUnavailable.

Errors name the provider, the call and the status or error type only: never the URL's query,
the headers (API keys) or a body.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx

from cryptolens.billing.providers.base import ProviderName, ProviderUnavailable

log = logging.getLogger("cryptolens.billing.providers")


class ProviderApi:
    def __init__(
        self, provider: ProviderName, timeout_seconds: float, http: httpx.AsyncClient | None
    ) -> None:
        self.provider = provider
        self.timeout_seconds = timeout_seconds
        self._owned = http is None
        self._http = http or httpx.AsyncClient(
            timeout=httpx.Timeout(timeout_seconds), trust_env=False, follow_redirects=False
        )

    async def call(
        self,
        method: str,
        url: str,
        call: str,
        *,
        headers: dict[str, str],
        json: dict[str, Any] | None = None,
    ) -> httpx.Response:
        """A 2xx answer, else ProviderUnavailable. `call` names it in logs (checkout, cancel)."""
        try:
            # The whole call, not only each phase: a server dripping bytes cannot hold us.
            async with asyncio.timeout(self.timeout_seconds):
                response = await self._http.request(
                    method, url, headers=headers, json=json, timeout=self.timeout_seconds
                )
        except (TimeoutError, httpx.HTTPError) as exc:
            error = type(exc).__name__
            log.warning(
                "billing.provider_unreachable",
                extra={"provider": self.provider, "call": call, "error": error},
            )
            # `from None`: httpx errors carry the request, and with it the API key header.
            raise ProviderUnavailable(f"{self.provider} {call}: {error}") from None
        if not 200 <= response.status_code < 300:
            log.warning(
                "billing.provider_refused",
                extra={"provider": self.provider, "call": call, "status": response.status_code},
            )
            raise ProviderUnavailable(f"{self.provider} {call}: HTTP {response.status_code}")
        return response

    def unexpected(self, call: str, what: str) -> ProviderUnavailable:
        log.warning(
            "billing.provider_unexpected_answer",
            extra={"provider": self.provider, "call": call, "missing": what},
        )
        return ProviderUnavailable(f"{self.provider} {call}: unexpected answer ({what})")

    async def aclose(self) -> None:
        if self._owned:
            await self._http.aclose()


def json_object(response: httpx.Response) -> dict[str, Any] | None:
    try:
        found = response.json()
    except ValueError:
        return None
    return found if isinstance(found, dict) else None
