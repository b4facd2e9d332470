"""Per-key usage counted in the cache on every key-authenticated request (no database write
per request) and moved to the database by the `flush_api_key_usage` job.

Layout: one hash per UTC day, `apikey-usage:<day>`, fields `<key id>:r` (requests, refused
included) and `<key id>:x` (refused); one hash `apikey-last`, field `<key id>` = `<iso
time>|<ip>`. The flush takes each hash atomically (read and delete together): an increment
made meanwhile lands in a new hash and waits for the next flush.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from cryptolens.core.cache import Cache, HashWrite

DAY_PREFIX = "apikey-usage:"
LAST_USE_KEY = "apikey-last"
REQUESTS, REFUSED = "r", "x"


def _day_key(day: date) -> str:
    return f"{DAY_PREFIX}{day.isoformat()}"


class UsageCounters:
    def __init__(self, cache: Cache, days_kept: int) -> None:
        self._cache = cache
        self._days_kept = days_kept
        self._ttl = days_kept * 86_400

    async def count_request(self, key_id: int, ip: str, now: datetime) -> None:
        # Both hashes in one write: one Redis round trip per request, not two.
        await self._cache.hash_write(
            [
                HashWrite(_day_key(now.date()), increments={f"{key_id}:{REQUESTS}": 1}),
                HashWrite(LAST_USE_KEY, values={str(key_id): f"{now.isoformat()}|{ip}"}),
            ],
            self._ttl,
        )

    async def count_refusal(self, key_id: int, now: datetime) -> None:
        await self._cache.hash_increment(
            _day_key(now.date()), {f"{key_id}:{REFUSED}": 1}, self._ttl
        )

    async def take(self, today: date) -> TakenUsage:
        """Every counter of the days kept, removed from the cache."""
        taken = TakenUsage()
        for back in range(self._days_kept):
            day = today - timedelta(days=back)
            for name, value in (await self._cache.hash_take(_day_key(day))).items():
                key_id, _, kind = name.partition(":")
                counts = taken.days[(int(key_id), day)]
                if kind == REQUESTS:
                    counts[0] += int(value)
                elif kind == REFUSED:
                    counts[1] += int(value)
        for key_id, value in (await self._cache.hash_take(LAST_USE_KEY)).items():
            at, _, ip = value.partition("|")
            taken.last_use[int(key_id)] = (datetime.fromisoformat(at), ip)
        return taken

    async def give_back(self, taken: TakenUsage) -> None:
        """The counters of a flush that failed, back into the cache for the next one."""
        for (key_id, day), (requests, refused) in taken.days.items():
            amounts = {f"{key_id}:{REQUESTS}": requests, f"{key_id}:{REFUSED}": refused}
            await self._cache.hash_increment(_day_key(day), amounts, self._ttl)


@dataclass
class TakenUsage:
    # (key id, day) -> [requests, refused]
    days: defaultdict[tuple[int, date], list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0])
    )
    last_use: dict[int, tuple[datetime, str]] = field(default_factory=dict)

    def requests_of(self, key_id: int) -> int:
        return sum(counts[0] for (kid, _day), counts in self.days.items() if kid == key_id)

    @property
    def key_ids(self) -> set[int]:
        return {key_id for key_id, _day in self.days} | set(self.last_use)
