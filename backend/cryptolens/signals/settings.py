"""What one signal cycle reads: the scan's settings and the signal rules', both groups of the
app settings (cryptolens.settings holds their defaults)."""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptolens.settings import ScanSettings, Settings, SignalSettings


@dataclass(frozen=True)
class CycleSettings:
    signals: SignalSettings = field(default_factory=SignalSettings)
    scan: ScanSettings = field(default_factory=ScanSettings)

    @classmethod
    def of(cls, settings: Settings) -> CycleSettings:
        return cls(signals=settings.signals, scan=settings.scan)

    @property
    def confluence_timeframes(self) -> tuple[str, ...]:
        return self.signals.counted_timeframes(self.scan)
