"""The tunables of the signal cycle, gathered from the app settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cryptolens.core.timeframes import HOUR_MS
from cryptolens.patterns.scanner import DEFAULT_SCAN_WINDOWS, ScanSettings

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
    scan: ScanSettings = field(default_factory=ScanSettings)

    @property
    def cooldown_ms(self) -> int:
        return round(self.signal_cooldown_hours * HOUR_MS)

    @classmethod
    def from_settings(cls, settings: Any) -> SignalSettings:
        """From the app's Settings; a field it does not have (yet) keeps its default."""
        defaults = cls()

        def pick(name: str, default: Any) -> Any:
            return getattr(settings, name, default)

        timeframes = tuple(pick("detection_timeframes", DETECTION_TIMEFRAMES))
        windows = dict(DEFAULT_SCAN_WINDOWS)
        windows.update(pick("scan_windows", {}))
        return cls(
            min_confluence=int(pick("min_confluence", defaults.min_confluence)),
            require_htf=bool(pick("require_htf", defaults.require_htf)),
            min_risk_pct=float(pick("min_risk_pct", defaults.min_risk_pct)),
            default_rr=float(pick("default_rr", defaults.default_rr)),
            signal_cooldown_hours=float(
                pick("signal_cooldown_hours", defaults.signal_cooldown_hours)
            ),
            move_stop_to_entry_after_tp1=bool(
                pick("move_stop_to_entry_after_tp1", defaults.move_stop_to_entry_after_tp1)
            ),
            confluence_timeframes=tuple(pick("confluence_timeframes", timeframes)),
            stats_windows_days=tuple(pick("stats_windows_days", defaults.stats_windows_days)),
            scan=ScanSettings(
                timeframes=timeframes,
                min_zone_pct=float(pick("min_zone_pct", 0.15)),
                ob_impulse_multiplier=float(pick("ob_impulse_multiplier", 1.5)),
                windows=windows,
            ),
        )
