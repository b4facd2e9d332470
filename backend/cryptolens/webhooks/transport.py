"""One webhook attempt: resolve, check, POST to the checked address, record what happened
(spec webhooks.md, "Delivery" and "URL and SSRF").

- The host is resolved and judged again at every attempt and the connection goes to an address
  just judged (the request URL carries the IP; Host and TLS SNI keep the name, and the
  certificate is verified against the name), so DNS rebinding cannot reach inside.
- One time bound covers resolution, connect, TLS and the response together.
- No redirects, no proxies from the environment, no kept-alive connections: a pooled connection
  is keyed by IP, and reusing one verified for another name would skip that name's TLS check.
"""

from __future__ import annotations

import asyncio
import codecs
import ssl
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import httpx

from cryptolens.webhooks.resolver import Resolver
from cryptolens.webhooks.signing import USER_AGENT
from cryptolens.webhooks.urls import (
    DEFAULT_PORTS,
    CheckedUrl,
    UnresolvableHostError,
    UrlNotAllowedError,
    check_url,
)

AttemptError = Literal["timeout", "connection", "tls", "blocked_address"]
EXCERPT_BYTES = 2048


@dataclass(frozen=True)
class AttemptResult:
    succeeded: bool
    status_code: int | None
    error: AttemptError | None
    duration_ms: int
    # Excerpts: each header block and the body at most 2,048 bytes, invalid UTF-8 replaced.
    request_headers: dict[str, str] = field(default_factory=dict)
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: str = ""


class WebhookSender:
    """Sends attempts; one per process (or per job run), closed with `aclose`.

    `verify` is for tests and local receivers: an ssl.SSLContext trusting their certificate.
    """

    def __init__(
        self,
        *,
        production: bool,
        resolver: Resolver,
        timeout_seconds: float = 10.0,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        self.production = production
        self.resolver = resolver
        self.timeout_seconds = timeout_seconds
        self._client = httpx.AsyncClient(
            verify=verify,
            trust_env=False,
            follow_redirects=False,
            timeout=httpx.Timeout(timeout_seconds),
            limits=httpx.Limits(max_connections=None, max_keepalive_connections=0),
            # identity: the excerpt is the bytes received, and a compressed bomb is never
            # inflated; close: connections are not reused anyway (see the module docstring).
            headers={
                "Accept": "*/*",
                "Accept-Encoding": "identity",
                "Connection": "close",
                "User-Agent": USER_AGENT,
            },
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def send(self, url: str, headers: dict[str, str], body: bytes) -> AttemptResult:
        started = time.monotonic()
        attempt = _Attempt(request_headers=_header_excerpt(headers.items()))
        try:
            async with asyncio.timeout(self.timeout_seconds):
                await self._attempt(url, headers, body, attempt)
        except UnresolvableHostError:
            attempt.error = "connection"
        except UrlNotAllowedError:
            attempt.error = "blocked_address"
        except (TimeoutError, httpx.TimeoutException):
            attempt.error = "timeout"
        except (httpx.HTTPError, OSError) as exc:
            attempt.error = "tls" if _is_tls_error(exc) else "connection"
        status = attempt.status_code
        return AttemptResult(
            succeeded=attempt.error is None and status is not None and 200 <= status < 300,
            status_code=status,
            error=attempt.error,
            duration_ms=round((time.monotonic() - started) * 1000),
            request_headers=attempt.request_headers,
            response_headers=attempt.response_headers,
            response_body=attempt.response_body,
        )

    async def _attempt(
        self, url: str, headers: dict[str, str], body: bytes, attempt: _Attempt
    ) -> None:
        checked = await check_url(url, production=self.production, resolver=self.resolver)
        response = await self._connect_and_send(checked, headers, body, attempt)
        try:
            attempt.status_code = response.status_code
            attempt.response_headers = _header_excerpt(_decoded(response.headers.raw))
            attempt.response_body = await _body_excerpt(response)
        finally:
            await response.aclose()

    async def _connect_and_send(
        self, checked: CheckedUrl, headers: dict[str, str], body: bytes, attempt: _Attempt
    ) -> httpx.Response:
        """Tries the checked addresses in order while connecting fails (a dual-stack host with a
        dead IPv6 route still gets its call); nothing was sent to an address that refused."""
        for index, address in enumerate(checked.addresses):
            request = _pinned_request(self._client, checked, address, headers, body)
            attempt.request_headers = _header_excerpt(_decoded(request.headers.raw))
            try:
                return await self._client.send(request, stream=True, follow_redirects=False)
            except httpx.ConnectError as exc:
                if _is_tls_error(exc) or index == len(checked.addresses) - 1:
                    raise
        raise AssertionError("check_url returns at least one address")


@dataclass
class _Attempt:
    request_headers: dict[str, str]
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: str = ""
    status_code: int | None = None
    error: AttemptError | None = None


def _pinned_request(
    client: httpx.AsyncClient,
    checked: CheckedUrl,
    address: str,
    headers: dict[str, str],
    body: bytes,
) -> httpx.Request:
    """A POST to a checked address; Host and SNI carry the name."""
    ip_literal = f"[{address}]" if ":" in address else address
    host_literal = f"[{checked.host}]" if ":" in checked.host else checked.host
    path = httpx.URL(checked.url).raw_path.decode("ascii") or "/"
    request_url = f"{checked.scheme}://{ip_literal}:{checked.port}{path}"
    host_header = host_literal
    if checked.port != DEFAULT_PORTS[checked.scheme]:
        host_header = f"{host_literal}:{checked.port}"
    extensions: dict[str, object] = {}
    if checked.scheme == "https":
        # httpcore uses this as server_hostname: SNI and the certificate's name check.
        extensions["sni_hostname"] = checked.host
    request = client.build_request(
        "POST",
        request_url,
        headers={**headers, "Host": host_header},
        content=body,
        extensions=extensions,
    )
    return request


async def _body_excerpt(response: httpx.Response) -> str:
    """The first 2,048 bytes of the body; the rest is never read."""
    kept = bytearray()
    async for chunk in response.aiter_raw():
        kept.extend(chunk)
        if len(kept) >= EXCERPT_BYTES:
            break
    return _text_excerpt(bytes(kept[:EXCERPT_BYTES]))


def _text_excerpt(data: bytes) -> str:
    # Not final: a character cut in half by the limit is dropped rather than shown as garbage;
    # genuinely invalid bytes become U+FFFD.
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    return decoder.decode(data[:EXCERPT_BYTES], final=False)


def _decoded(raw: Iterable[tuple[bytes, bytes]]) -> list[tuple[str, str]]:
    return [
        (name.decode("utf-8", "replace"), value.decode("utf-8", "replace")) for name, value in raw
    ]


def _header_excerpt(items: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Headers in order while "name: value\\r\\n" lines fit in 2,048 bytes; the line that
    crosses the limit is cut, repeated names are joined with ", "."""
    kept: dict[str, str] = {}
    used = 0
    for name, value in items:
        line = f"{name}: {value}\r\n".encode()
        if used + len(line) > EXCERPT_BYTES:
            room = EXCERPT_BYTES - used - len(f"{name}: \r\n".encode())
            if room > 0:
                cut = _text_excerpt(value.encode()[:room])
                kept[name] = f"{kept[name]}, {cut}" if name in kept else cut
            break
        used += len(line)
        kept[name] = f"{kept[name]}, {value}" if name in kept else value
    return kept


def _is_tls_error(exc: BaseException) -> bool:
    """httpx reports TLS failures as ConnectError; the ssl error is in the cause chain."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLError | ssl.CertificateError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False
