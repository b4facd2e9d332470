"""The tunables of the signal cycle, gathered from the app settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptolens.core.timeframes import HOUR_MS
from cryptolens.patterns.scanner import DEFAULT_SCAN_WINDOWS, ScanSettings
from cryptolens.settings import Settings

DETECTION_TIMEFRAMES = ("1m", "5m", "15m", "1h", "4h", "1d")


@dataclass(frozen=True)
class SignalSettings:
    min_confluence: int = 2
    require_htf: bool = False
    min_risk_pct: float = 0.5
    default_rr: float = 3.0
    signal_cooldown_hours: float = 4.0
    move_stop_to_entry_after_tp1: bool = True
    confluence_timeframes: tuple[str, ...] = DETECTION_TIMEFRAMES
    stats_windows_days: tuple[int, ...] = (30, 90)
    # Minutes a symbol's first live cycles replay (so new installations show patterns soon).
    warm_up_minutes: int = 240
    scan: ScanSettings = field(default_factory=ScanSettings)

    @property
    def cooldown_ms(self) -> int:
        return round(self.signal_cooldown_hours * HOUR_MS)

    @classmethod
    def from_settings(cls, settings: Settings) -> SignalSettings:
        timeframes = tuple(settings.detection_timeframes)
        windows = dict(DEFAULT_SCAN_WINDOWS)
        windows.update(settings.scan_windows)
        return cls(
            min_confluence=settings.min_confluence,
            require_htf=settings.require_htf,
            min_risk_pct=settings.min_risk_pct,
            default_rr=settings.default_rr,
            signal_cooldown_hours=settings.signal_cooldown_hours,
            move_stop_to_entry_after_tp1=settings.move_stop_to_entry_after_tp1,
            confluence_timeframes=tuple(settings.confluence_timeframes or timeframes),
            stats_windows_days=tuple(settings.stats_windows_days),
            warm_up_minutes=settings.signal_warm_up_minutes,
            scan=ScanSettings(
                timeframes=timeframes,
                min_zone_pct=settings.min_zone_pct,
                ob_impulse_multiplier=settings.ob_impulse_multiplier,
                windows=windows,
            ),
        )
