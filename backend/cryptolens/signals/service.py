"""The signal rules on stored data: the signal step (confluence -> a new signal) and advancing
open signals on 1m candles. Takes an AsyncSession and plain values; never commits."""

from __future__ import annotations

from collections.abc import Sequence
from weakref import WeakKeyDictionary

from sqlalchemy.ext.asyncio import AsyncSession

from cryptolens.core.timeframes import DAY_MS, MINUTE_MS, pattern_expiry_ms, timeframe_ms
from cryptolens.market import service as market
from cryptolens.patterns import service as patterns
from cryptolens.settings import SignalSettings
from cryptolens.signals import repository
from cryptolens.signals.confluence import Confluence, find_confluence
from cryptolens.signals.cycle_store import CycleStore
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


async def recent_signals(store: CycleStore, close: int, settings: SignalSettings) -> list[Signal]:
    """What a cycle at `close` needs of the symbol's signals: the open ones and those the
    cooldown may still block."""
    return await store.open_or_recent(close - settings.cooldown_ms - 1, close)


async def signal_step(
    store: CycleStore,
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
    if await store.anchor_used(found.anchor.id):
        return None
    levels = await _levels(store, close, found, settings)
    frozen_stats = await _frozen_stats(store, close, found, settings)
    return await store.add_signal(
        _new_signal(store.symbol_id, close, found, levels, frozen_stats, settings),
        [p.id for p in found.contributing],
    )


async def _levels(
    store: CycleStore,
    close: int,
    found: Confluence,
    settings: SignalSettings,
) -> tuple[Levels, float | None]:
    anchor = found.anchor
    recent = await store.candles_until(
        anchor.timeframe, close - timeframe_ms(anchor.timeframe), ATR_CANDLES
    )
    atr = patterns.atr_of_last(recent)
    levels = signal_levels(
        direction=found.direction,
        anchor_type=anchor.type,
        zone_low=anchor.zone_low,
        zone_high=anchor.zone_high,
        atr=atr,
        tick_size=await store.tick_size(),
        min_risk_pct=settings.min_risk_pct,
        default_rr=settings.default_rr,
    )
    return levels, atr


async def _frozen_stats(
    store: CycleStore,
    close: int,
    found: Confluence,
    settings: SignalSettings,
) -> list[dict[str, object]]:
    """The setup's statistics as known at `close`, before this signal exists."""
    records = await store.setup_records(
        close - max(settings.stats_windows_days) * DAY_MS,
        close,
        found.anchor.type,
        found.anchor.timeframe,
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
        # Set, not left unset: each cycle reads them back (unset attributes are slow to read
        # on a row no session has loaded, as a replay's are).
        **{name: None for name in PROGRESS_COLUMNS if name != "status"},
    )


# A signal's plan never changes once created: a replay's cycles, which keep the same objects
# for days of minutes, read it once per signal instead of once per minute.
_PLANS: WeakKeyDictionary[Signal, SignalPlan] = WeakKeyDictionary()


def plan_of(signal: Signal) -> SignalPlan:
    """How an open signal is followed: entirely by what was stored when it was created."""
    plan = _PLANS.get(signal)
    if plan is None:
        plan = _PLANS[signal] = _plan(signal)
    return plan


def _plan(signal: Signal) -> SignalPlan:
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
    store: CycleStore,
    minutes: market.CandleSeries,
    recent: Sequence[Signal],
    *,
    seen_before: int | None = None,
) -> list[Signal]:
    """Moves the open signals of `recent` (from recent_signals) along `minutes` (the newest
    1m candles up to the one closing at T); returns those whose status changed."""
    close = int(minutes.open_time[-1]) + MINUTE_MS
    open_signals = [s for s in recent if s.status in OPEN_STATUSES and s.created_at <= close]
    if not open_signals:
        return []
    pending_anchors = [s.anchor_pattern_id for s in open_signals if s.status == PENDING]
    anchor_final = await store.patterns.final_events(pending_anchors)
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
            seen_before=seen_before,
        )
        if after != before:
            changes.append((signal, after))
    for signal, after in changes:
        for name in PROGRESS_COLUMNS:
            setattr(signal, name, getattr(after, name))
    changed = [signal for signal, _ in changes]
    await store.signals_changed(changed)
    return changed


async def signal_by_id(session: AsyncSession, signal_id: int) -> Signal | None:
    """One signal, for other domains (the notification fan-out reads it through here)."""
    return await repository.get(session, signal_id)
