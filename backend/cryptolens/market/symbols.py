"""Symbol names: ccxt form `BASE/QUOTE` everywhere, `BASE-QUOTE` in URLs."""

from __future__ import annotations

import re

from cryptolens.core.errors import ValidationFailedError

_SYMBOL = re.compile(r"^[A-Z0-9]{1,20}/[A-Z0-9]{1,20}$")


class InvalidSymbolError(ValidationFailedError):
    code = "invalid_symbol"


def normalize_symbol(raw: str) -> str:
    """`btc/usdt`, `BTC-USDT` or `BTC/USDT` -> `BTC/USDT`; anything else is refused."""
    candidate = raw.strip().upper().replace("-", "/")
    if not _SYMBOL.match(candidate):
        raise InvalidSymbolError(f"{raw!r} is not a symbol like BTC/USDT")
    return candidate


def symbol_from_url(url_symbol: str) -> str:
    return normalize_symbol(url_symbol)


def url_symbol(symbol: str) -> str:
    return symbol.replace("/", "-")
