"""What a push says about a signal: `SignalAlert`, a plain snapshot the fan-out takes.

`load_signal_alert` builds it from the signals and market services (never their tables).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.db import from_ms
from cryptolens.market import service as market
from cryptolens.signals import reads as signal_reads
from cryptolens.signals import service as signals


@dataclass(frozen=True)
class SignalAlert:
    signal_id: int
    symbol: str
    direction: str  # long, short
    entry: float
    stop_loss: float
    take_profit_1: float
    take_profit_2: float
    take_profit_3: float
    risk_reward: float
    confluence: int
    timeframes: tuple[str, ...]  # highest first
    anchor_type: str
    anchor_timeframe: str
    strength: float
    setup_hit_rate: float | None  # 0..1, None while the setup has no decided signal
    setup_proof: signal_reads.SetupProof
    created_at: datetime

    @property
    def base_asset(self) -> str:
        return self.symbol.split("/", 1)[0]


def setup_hit_rate(setup_stats: list[dict[str, Any]] | None) -> float | None:
    """The hit rate of the narrowest window that has one (the most recent evidence)."""
    for window in sorted(setup_stats or [], key=lambda item: item.get("window_days", 0)):
        rate = window.get("win_rate")
        if rate is not None:
            return float(rate)
    return None


async def load_signal_alert(session: AsyncSession, signal_id: int) -> SignalAlert | None:
    """The signal as the push describes it, read through the signals and market services."""
    signal = await signals.signal_by_id(session, signal_id)
    if signal is None:
        return None
    symbol = await market.get_symbol(session, signal.symbol_id)
    return SignalAlert(
        signal_id=signal.id,
        symbol=symbol.symbol if symbol is not None else "?",
        direction=signal.direction,
        entry=signal.entry,
        stop_loss=signal.stop_loss,
        take_profit_1=signal.take_profit_1,
        take_profit_2=signal.take_profit_2,
        take_profit_3=signal.take_profit_3,
        risk_reward=signal.risk_reward,
        confluence=signal.confluence,
        timeframes=tuple(part for part in signal.timeframes.split(",") if part),
        anchor_type=signal.anchor_type,
        anchor_timeframe=signal.anchor_timeframe,
        strength=signal.strength,
        setup_hit_rate=setup_hit_rate(signal.setup_stats),
        setup_proof=signal_reads.setup_proof(signal.setup_stats),
        created_at=from_ms(signal.created_at),
    )
