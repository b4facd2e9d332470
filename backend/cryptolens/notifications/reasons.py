"""Readable reasons: the sentence the API shows beside each skip or failure code of a push
(the code stays, for programs). One table, so the SPA, the history and the log agree."""

from __future__ import annotations

import re

from cryptolens.notifications.ntfy import PublishResult

REASON_TEXTS: dict[str, str] = {
    # Skipped at fan-out or at send time (eligibility.py, workflows.py).
    "inactive": "Your account is deactivated.",
    "unverified": "Your email address is not verified yet.",
    "notifications_off": "Your push notifications are switched off.",
    "symbol_not_in_tier": "Your plan does not include this symbol.",
    "pattern_type_not_in_tier": "Your plan does not include this pattern type.",
    "symbol_filtered": "This symbol is not among the symbols you chose for pushes.",
    "pattern_type_filtered": "This pattern type is not among the types you chose for pushes.",
    "direction_filtered": "You chose pushes for the other direction (long or short) only.",
    "confluence_below_minimum": "The signal's confluence is below the minimum you set.",
    "symbol_muted": "You muted this symbol.",
    "setup_unproven": "You chose pushes for proven setups only, and this setup is not proven"
    " (needs 30 resolved signals in 90 days averaging above 0 R).",
    "quiet_hours": "It arrived during your quiet hours.",
    "daily_limit": "Your own daily push limit was reached.",
    "tier_daily_cap": "Your plan's daily push limit was reached.",
    "signal_gone": "The signal was closed or removed before the push went out.",
    "pushes_switched_off": "An administrator switched signal pushes off for now.",
    "broadcast_gone": "The announcement was withdrawn before the push went out.",
    "no_topic": "Your account has no ntfy topic.",
    # Failed (delivery.py, recovery.py).
    "retries_exhausted": "The ntfy server did not accept the push after every retry.",
    "expired": "The push was too old to send once it could go out.",
    # Test push outcomes that are not a refusal (service.send_test_push).
    "ntfy_timeout": "The ntfy server did not answer in time.",
    "ntfy_unreachable": "The ntfy server could not be reached.",
    "ntfy_busy": "The ntfy server is busy or failing.",
    "ntfy_rate_limited": "The ntfy server asked us to slow down.",
}

_HTTP = re.compile(r"http_(\d{3})")
_HTTP_TEXTS = {
    400: "it found the push malformed",
    401: "it wants credentials",
    403: "it denies access to your topic",
    404: "it does not know the topic",
    413: "the push is too large for it",
}


def reason_text(code: str | None) -> str | None:
    """The sentence for a reason code; None for no code. An unknown code is shown as it is
    rather than hidden."""
    if code is None:
        return None
    found = _HTTP.fullmatch(code)
    if found is not None:
        status = int(found.group(1))
        why = _HTTP_TEXTS.get(status, "it answered with an error")
        return f"The ntfy server refused the push: {why} (HTTP {status})."
    return REASON_TEXTS.get(code, code.replace("_", " ").capitalize() + ".")


def publish_failure_reason(result: PublishResult) -> str | None:
    """The reason code of a push that did not go out; None when it was sent."""
    if result.status == "sent":
        return None
    if result.status == "throttled" or result.rate_limited:
        return "ntfy_rate_limited"
    if result.status == "failed":
        return f"http_{result.http_status}"
    if result.http_status is not None:
        return "ntfy_busy"
    if (result.response or "").startswith("timeout"):
        return "ntfy_timeout"
    return "ntfy_unreachable"
