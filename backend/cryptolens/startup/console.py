"""The framed block a development start prints on the console once the app is ready: where to
open it and how to sign in (the demo accounts, with their passwords only when just made)."""

from __future__ import annotations

from collections.abc import Sequence

RESET_HINT = "Forgot them? `cryptolens demo-accounts --reset` prints new passwords."


def framed(lines: Sequence[str]) -> str:
    """The lines in a box, so they stand out from the log around them."""
    width = max(len(line) for line in lines)
    rule = "+" + "-" * (width + 2) + "+"
    return "\n".join([rule, *(f"| {line:<{width}} |" for line in lines), rule])


def start_block(
    public_url: str,
    demo_emails: Sequence[str] = (),
    passwords: Sequence[tuple[str, str]] = (),
) -> str:
    """`passwords`: (email, password) pairs shown this once; `demo_emails`: the demo accounts
    that exist already (their passwords are not known any more)."""
    url = public_url.rstrip("/") + "/"
    lines = [f"CryptoLens is ready: open {url} and sign in."]
    if passwords:
        lines += ["", "Demo accounts (passwords shown once):"]
        lines += [f"  {email:<28} {password}" for email, password in passwords]
        lines += ["", RESET_HINT]
    elif demo_emails:
        lines += ["", "Demo accounts (passwords shown at the first start):"]
        lines += [f"  {email}" for email in demo_emails]
        lines += ["", RESET_HINT]
    return framed(lines)
