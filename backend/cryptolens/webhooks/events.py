"""Events and their bodies: the key that makes one delivery per (event, endpoint), the subject
the filters judge, and the compact JSON sent (fixed when the delivery is made)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.access.tiers import Tier
from cryptolens.access.user_access import UserAccess
from cryptolens.core.errors import NotFoundError
from cryptolens.core.iso_times import iso_ms
from cryptolens.patterns import reads as patterns
from cryptolens.signals import reads as signals
from cryptolens.webhooks.schemas import TEST_EVENT

PAYLOAD_VERSION = 1
# The fan-out reads an object as a premium user sees it: every symbol, type and age.
_EVERYTHING = UserAccess(user_id=0, tier=Tier.PREMIUM, is_admin=True)


def event_key(event_type: str, object_id: int, status: str | None = None) -> str:
    """`signal.updated` is one event per status reached, the others one per object."""
    if event_type == "signal.updated":
        return f"{event_type}:{object_id}:{status}"
    return f"{event_type}:{object_id}"


def event_body(event_type: str, data: dict[str, Any], at: datetime) -> str:
    """The compact JSON body of an event (UTF-8 once encoded)."""
    envelope = {
        "type": event_type,
        "version": PAYLOAD_VERSION,
        "timestamp": iso_ms(at),
        "data": data,
    }
    return json.dumps(envelope, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def test_body(endpoint_id: int, at: datetime) -> str:
    data = {"endpoint_id": endpoint_id, "message": "A test event from CryptoLens"}
    return event_body(TEST_EVENT, data, at)


@dataclass(frozen=True)
class Subject:
    """What the filters look at: the symbol, the direction as long/short, and for signals
    the confluence and whether the setup is proven (None for a pattern: min_confluence and
    only_proven_setups do not apply)."""

    symbol: str
    direction: str
    confluence: int | None
    setup_proven: bool | None = None


@dataclass(frozen=True)
class Event:
    type: str
    key: str
    data: dict[str, Any]
    subject: Subject


async def load_event(
    db: AsyncSession,
    event_type: str,
    object_id: int,
    now: datetime,
    *,
    previous_status: str | None = None,
    status: str | None = None,
) -> Event | None:
    """The event's data, as GET /signals/{id} or /patterns/{id} serialises it (the object as
    of now, just after the change); None when the object is gone or the type is unknown."""
    try:
        if event_type in ("signal.created", "signal.updated"):
            signal = (await signals.get_signal(db, _EVERYTHING, object_id, now)).model_dump(
                mode="json"
            )
            data: dict[str, Any] = {"signal": signal}
            if event_type == "signal.updated":
                data["previous_status"] = previous_status
            subject = Subject(
                signal["symbol"],
                signal["direction"],
                int(signal["confluence"]),
                signals.setup_proof(signal["setup_stats"]).proven,
            )
            # The status the change reached (the signal may have moved on since).
            key = event_key(event_type, object_id, status or signal["status"])
            return Event(event_type, key, data, subject)
        if event_type == "pattern.created":
            pattern = (await patterns.get_pattern(db, _EVERYTHING, object_id, now)).model_dump(
                mode="json"
            )
            direction = "long" if pattern["direction"] == "bullish" else "short"
            subject = Subject(pattern["symbol"], direction, None)
            return Event(
                event_type, event_key(event_type, object_id), {"pattern": pattern}, subject
            )
    except NotFoundError:
        return None
    return None
