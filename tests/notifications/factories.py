"""Rows the notification tests need, written straight through the ORM models: users of a
tier (no password hashing: these users never sign in), a symbol, a pattern and a signal."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from cryptolens.auth.models import User
from cryptolens.billing.models import Subscription
from cryptolens.db import to_ms, unit_of_work
from cryptolens.market.models import Symbol
from cryptolens.notifications.models import NotificationPreference, UserNotification
from cryptolens.patterns.models import Pattern
from cryptolens.signals.models import Signal

PUBLIC_URL = "https://cryptolens.test"


@dataclass(frozen=True)
class UserSpec:
    tier: str = "premium"
    timezone: str = "UTC"
    is_active: bool = True
    is_verified: bool = True
    preferences: dict[str, Any] | None = None
    watchlist: tuple[str, ...] = ()


def topic_for(index: int) -> str:
    return f"cl_{index:06d}{secrets.token_hex(9)}"


async def add_users(
    factory: async_sessionmaker[AsyncSession], specs: list[UserSpec], now: datetime
) -> list[User]:
    """Bulk-inserts users (with subscriptions and preferences); returns them in spec order."""
    from cryptolens.auth.models import WatchlistItem

    prefix = secrets.token_hex(3)
    async with unit_of_work(factory) as db:
        await db.execute(
            insert(User),
            [
                {
                    "email": f"u{index}-{prefix}@example.com",
                    "password_hash": "x",
                    "timezone": spec.timezone,
                    "ntfy_topic": topic_for(index),
                    "is_admin": False,
                    "is_verified": spec.is_verified,
                    "is_active": spec.is_active,
                    "failed_login_count": 0,
                    "created_at": now,
                }
                for index, spec in enumerate(specs)
            ],
        )
        users = list(
            await db.scalars(
                select(User).where(User.email.like(f"%-{prefix}@example.com")).order_by(User.id)
            )
        )
        assert len(users) == len(specs)
        subscriptions = [
            {
                "user_id": user.id,
                "plan": f"{spec.tier}_monthly",
                "status": "active",
                "started_at": now,
                "expires_at": None,
                "grace_days": 3,
                "updated_at": now,
            }
            for user, spec in zip(users, specs, strict=True)
            if spec.tier != "free"
        ]
        if subscriptions:
            await db.execute(insert(Subscription), subscriptions)
        preferences = [
            {"user_id": user.id, "updated_at": now, **_preference_defaults(), **spec.preferences}
            for user, spec in zip(users, specs, strict=True)
            if spec.preferences is not None
        ]
        if preferences:
            await db.execute(insert(NotificationPreference), preferences)
        watchlist = [
            {"user_id": user.id, "symbol": symbol, "position": position, "created_at": now}
            for user, spec in zip(users, specs, strict=True)
            for position, symbol in enumerate(spec.watchlist)
        ]
        if watchlist:
            await db.execute(insert(WatchlistItem), watchlist)
    return users


def _preference_defaults() -> dict[str, Any]:
    return {
        "enabled": True,
        "directions": "both",
        "min_confluence": 2,
        "pattern_types": None,
        "symbols": None,
        "priority": 3,
        "quiet_start": None,
        "quiet_end": None,
        "daily_limit": None,
        "only_proven_setups": False,
    }


async def add_signal(
    factory: async_sessionmaker[AsyncSession],
    created_at: datetime,
    *,
    symbol: str = "BTC/USDT",
    direction: str = "long",
    confluence: int = 3,
    anchor_type: str = "fvg",
    anchor_timeframe: str = "4h",
    setup_stats: list[dict[str, Any]] | None = None,
) -> int:
    """`setup_stats`: the statistics frozen with it (default: a 62.5% hit rate over 30 days,
    no 90-day record)."""
    async with unit_of_work(factory) as db:
        market = await db.scalar(select(Symbol).where(Symbol.symbol == symbol))
        if market is None:
            base, quote = symbol.split("/")
            market = Symbol(symbol=symbol, exchange="binance", base=base, quote=quote)
            db.add(market)
            await db.flush()
        created_ms = to_ms(created_at)
        pattern = Pattern(
            symbol_id=market.id,
            timeframe=anchor_timeframe,
            type=anchor_type,
            direction="bullish" if direction == "long" else "bearish",
            zone_low=63000.0,
            zone_high=63500.0,
            formed_at=created_ms - secrets.randbelow(10**9) - 1,
            confirmed_at=created_ms,
            expires_at=created_ms + 86_400_000,
            strength=0.8,
            status="active",
            fill_pct=0.0,
        )
        db.add(pattern)
        await db.flush()
        sign = 1 if direction == "long" else -1
        signal = Signal(
            symbol_id=market.id,
            direction=direction,
            entry=64000.0,
            stop_loss=64000.0 - sign * 500,
            take_profit_1=64000.0 + sign * 500,
            take_profit_2=64000.0 + sign * 1000,
            take_profit_3=64000.0 + sign * 1500,
            risk_reward=2.0,
            risk=500.0,
            atr=120.0,
            buffer=10.0,
            confluence=confluence,
            timeframes="4h,15m,1m"[: 3 * confluence],
            anchor_pattern_id=pattern.id,
            anchor_type=anchor_type,
            anchor_timeframe=anchor_timeframe,
            anchor_expires_at=created_ms + 86_400_000,
            strength=2.4,
            status="pending",
            created_at=created_ms,
            setup_stats=setup_stats
            if setup_stats is not None
            else [{"window_days": 30, "win_rate": 0.625}, {"window_days": 90}],
        )
        db.add(signal)
        await db.flush()
        return signal.id


async def deliveries(
    factory: async_sessionmaker[AsyncSession], signal_id: int
) -> dict[int, UserNotification]:
    async with factory() as db:
        rows = await db.scalars(
            select(UserNotification).where(UserNotification.signal_id == signal_id)
        )
        return {row.user_id: row for row in rows}
