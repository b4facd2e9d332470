"""Name resolution for webhook URLs, behind a small protocol so tests can pin (and rebind)
names without touching DNS.

Every attempt resolves afresh and connects to an address it has just checked (urls.check_url),
so what a name resolves to between attempts cannot smuggle a request inside the network.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Mapping, Sequence
from typing import Protocol


class ResolutionError(Exception):
    """The host has no address (unknown name, DNS failure or timeout)."""


class Resolver(Protocol):
    async def resolve(self, host: str, port: int) -> list[str]:
        """The host's addresses as IP strings, both families, without duplicates."""
        ...


class SystemResolver:
    """The operating system's resolver (getaddrinfo, off the event loop), with a time bound."""

    def __init__(self, timeout_seconds: float = 5.0) -> None:
        self.timeout_seconds = timeout_seconds

    async def resolve(self, host: str, port: int) -> list[str]:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(self.timeout_seconds):
                infos = await loop.getaddrinfo(
                    host, port, family=socket.AF_UNSPEC, type=socket.SOCK_STREAM
                )
        except TimeoutError as exc:
            raise ResolutionError(f"{host} did not resolve in time") from exc
        except (OSError, UnicodeError) as exc:
            raise ResolutionError(f"{host} does not resolve") from exc
        addresses: list[str] = []
        for _family, _type, _proto, _canonname, sockaddr in infos:
            address = str(sockaddr[0])
            if address not in addresses:
                addresses.append(address)
        if not addresses:
            raise ResolutionError(f"{host} does not resolve")
        return addresses


class StaticResolver:
    """A fixed table host -> addresses (tests, local setups). Mutable, so a test can change
    an answer between two lookups the way a rebinding DNS server would."""

    def __init__(self, table: Mapping[str, Sequence[str]] | None = None) -> None:
        self.table: dict[str, list[str]] = {
            host.lower(): list(addresses) for host, addresses in (table or {}).items()
        }
        self.lookups: list[str] = []

    def set(self, host: str, addresses: Sequence[str]) -> None:
        self.table[host.lower()] = list(addresses)

    async def resolve(self, host: str, port: int) -> list[str]:
        self.lookups.append(host)
        addresses = self.table.get(host.lower())
        if not addresses:
            raise ResolutionError(f"{host} does not resolve")
        return list(dict.fromkeys(addresses))
