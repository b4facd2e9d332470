"""The signal rules on stored data: the signal step (confluence -> a new signal) and advancing
open signals on 1m candles. Takes an AsyncSession and plain values; never commits."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.timeframes import DAY_MS, MINUTE_MS, pattern_expiry_ms, timeframe_ms
from cryptolens.market import service as market
from cryptolens.patterns import service as patterns
from cryptolens.settings import SignalSettings
from cryptolens.signals import repository
from cryptolens.signals.confluence import Confluence, find_confluence
from cryptolens.signals.levels import Levels, signal_levels
from cryptolens.signals.lifecycle import (
    OPEN_STATUSES,
    PENDING,
    MinuteCandles,
    SignalPlan,
    SignalProgress,
    advance_signal,
)
from cryptolens.signals.models import Signal
from cryptolens.signals.repository import PROGRESS_COLUMNS
from cryptolens.signals.settings import CycleSettings
from cryptolens.signals.statistics import stats_for_windows

ATR_CANDLES = 15  # ATR-14 of the last candle needs the close before its 14 true ranges


async def recent_signals(
    session: AsyncSession, symbol_id: int, close: int, settings: SignalSettings
) -> list[Signal]:
    """What a cycle at `close` needs of the symbol's signals: the open ones and those the
    cooldown may still block."""
    return await repository.open_or_recent(
        session, symbol_id, created_after=close - settings.cooldown_ms - 1, created_until=close
    )


async def signal_step(
    session: AsyncSession,
    symbol_id: int,
    close: int,
    active: Sequence[patterns.StoredPattern],
    recent: Sequence[Signal],
    cycle: CycleSettings,
) -> Signal | None:
    """Creates the signal the patterns active at `close` (T) call for, if the anchor is
    unused and the cooldown allows it; returns it. `recent`: from recent_signals."""
    settings = cycle.signals
    found = find_confluence(
        active,
        timeframes=cycle.confluence_timeframes,
        min_confluence=settings.min_confluence,
        require_htf=settings.require_htf,
    )
    if found is None:
        return None
    # At exactly the cooldown the state is still blocked ("more than").
    if any(
        s.direction == found.direction and close - settings.cooldown_ms <= s.created_at <= close
        for s in recent
    ):
        return None
    if await repository.anchors_used(session, found.anchor.id):
        return None
    levels = await _levels(session, symbol_id, close, found, settings)
    frozen_stats = await _frozen_stats(session, symbol_id, close, found, settings)
    signal = await repository.add(
        session,
        _new_signal(symbol_id, close, found, levels, frozen_stats, settings),
        [p.id for p in found.contributing],
    )
    return signal


async def _levels(
    session: AsyncSession,
    symbol_id: int,
    close: int,
    found: Confluence,
    settings: SignalSettings,
) -> tuple[Levels, float | None]:
    anchor = found.anchor
    recent = await market.candles_until(
        session, symbol_id, anchor.timeframe, close - timeframe_ms(anchor.timeframe), ATR_CANDLES
    )
    atr = patterns.atr_of_last(recent)
    symbol = await market.get_symbol(session, symbol_id)
    levels = signal_levels(
        direction=found.direction,
        anchor_type=anchor.type,
        zone_low=anchor.zone_low,
        zone_high=anchor.zone_high,
        atr=atr,
        tick_size=None if symbol is None else symbol.tick_size,
        min_risk_pct=settings.min_risk_pct,
        default_rr=settings.default_rr,
    )
    return levels, atr


async def _frozen_stats(
    session: AsyncSession,
    symbol_id: int,
    close: int,
    found: Confluence,
    settings: SignalSettings,
) -> list[dict[str, object]]:
    """The setup's statistics as known at `close`, before this signal exists."""
    records = await repository.setup_records(
        session,
        created_after=close - max(settings.stats_windows_days) * DAY_MS,
        created_until=close,
        symbol_id=symbol_id,
        anchor_type=found.anchor.type,
        anchor_timeframe=found.anchor.timeframe,
    )
    return [s.as_dict() for s in stats_for_windows(records, close, settings.stats_windows_days)]


def _new_signal(
    symbol_id: int,
    close: int,
    found: Confluence,
    computed: tuple[Levels, float | None],
    frozen_stats: list[dict[str, object]],
    settings: SignalSettings,
) -> Signal:
    levels, atr = computed
    anchor = found.anchor
    return Signal(
        symbol_id=symbol_id,
        direction=found.direction,
        entry=levels.entry,
        stop_loss=levels.stop_loss,
        take_profit_1=levels.take_profit_1,
        take_profit_2=levels.take_profit_2,
        take_profit_3=levels.take_profit_3,
        risk_reward=levels.risk_reward,
        move_stop_to_entry_after_tp1=settings.move_stop_to_entry_after_tp1,
        risk=levels.risk,
        atr=atr,
        buffer=levels.buffer,
        confluence=found.confluence,
        timeframes=",".join(found.timeframes),
        anchor_pattern_id=anchor.id,
        anchor_type=anchor.type,
        anchor_timeframe=anchor.timeframe,
        anchor_expires_at=anchor.expires_at,
        strength=found.strength,
        status=PENDING,
        created_at=close,
        setup_stats=frozen_stats,
    )


def plan_of(signal: Signal) -> SignalPlan:
    """How an open signal is followed: entirely by what was stored when it was created."""
    return SignalPlan(
        direction=signal.direction,
        entry=signal.entry,
        stop_loss=signal.stop_loss,
        take_profit_1=signal.take_profit_1,
        take_profit_2=signal.take_profit_2,
        take_profit_3=signal.take_profit_3,
        risk_reward=signal.risk_reward,
        created_at=signal.created_at,
        anchor_expires_at=signal.anchor_expires_at,
        anchor_expiry_ms=pattern_expiry_ms(signal.anchor_timeframe),
        move_stop_to_entry_after_tp1=signal.move_stop_to_entry_after_tp1,
    )


def progress_of(signal: Signal) -> SignalProgress:
    return SignalProgress(**{name: getattr(signal, name) for name in PROGRESS_COLUMNS})


async def advance_signals(
    session: AsyncSession,
    minutes: market.CandleSeries,
    recent: Sequence[Signal],
) -> list[Signal]:
    """Moves the open signals of `recent` (from recent_signals) along `minutes` (the newest
    1m candles up to the one closing at T); returns those whose status changed."""
    close = int(minutes.open_time[-1]) + MINUTE_MS
    open_signals = [s for s in recent if s.status in OPEN_STATUSES and s.created_at <= close]
    if not open_signals:
        return []
    pending_anchors = [s.anchor_pattern_id for s in open_signals if s.status == PENDING]
    anchor_final = await patterns.final_events(session, pending_anchors)
    candles = MinuteCandles(minutes.open_time, minutes.high, minutes.low, minutes.close)
    changes = []
    for signal in open_signals:
        before = progress_of(signal)
        after = advance_signal(
            plan_of(signal),
            before,
            candles,
            close,
            anchor_final.get(signal.anchor_pattern_id),
        )
        if after != before:
            changes.append((signal, after))
    # Through the loaded objects: the identity map keeps serving them to later cycles of
    # this session, so they must carry the new state.
    for signal, after in changes:
        for name in PROGRESS_COLUMNS:
            setattr(signal, name, getattr(after, name))
    await session.flush()
    return [signal for signal, _ in changes]


async def signal_by_id(session: AsyncSession, signal_id: int) -> Signal | None:
    """One signal, for other domains (the notification fan-out reads it through here)."""
    return await repository.get(session, signal_id)
