/** Which patterns the chart asks for, within what the tier shows (so it never asks for history or
 * types the tier refuses), and higher-timeframe zones labelled with their timeframe.
 * Pure functions, unit-tested. */
import { timeframeMs } from './format';
import type { ChartZone } from './zones';

/** Expiry per timeframe (patterns.md): patterns formed this long before the first candle may
 * still be alive on the chart. */
export const EXPIRY_MS: Record<string, number> = {
  '1m': 4 * 3_600_000,
  '5m': 12 * 3_600_000,
  '15m': 24 * 3_600_000,
  '1h': 3 * 86_400_000,
  '4h': 7 * 86_400_000,
  '1d': 14 * 86_400_000,
};

/** The tier's limits the chart reads (the /auth/me `limits` fits). */
export interface ChartTierLimits {
  pattern_types: readonly string[];
  pattern_history: { max_age_hours: number | null };
}

/** Timeframes longer than `timeframe`, in the given (ascending) order. */
export function higherTimeframes(timeframe: string, timeframes: readonly string[]): string[] {
  const own = timeframeMs(timeframe);
  return timeframes.filter((other) => timeframeMs(other) > own);
}

// The server's clock may run a little ahead of ours: stay inside its window.
const CLOCK_MARGIN_MS = 60_000;

/**
 * `since` for a pattern list: old enough for patterns of `patternTimeframe` still alive at the
 * first candle, but never before the tier's history window (asking earlier is a 403).
 */
export function patternsSince(firstCandle: number, patternTimeframe: string, now: number, limits: ChartTierLimits | null): number {
  const wanted = firstCandle - (EXPIRY_MS[patternTimeframe] ?? 3 * 86_400_000);
  const hours = limits?.pattern_history.max_age_hours ?? null;
  if (hours === null) return wanted;
  return Math.max(wanted, now - hours * 3_600_000 + CLOCK_MARGIN_MS);
}

/** The `type` filter: the tier's one type when it allows only one (free: FVG), else none (the
 * server then lists every type the tier shows). */
export function patternTypeFilter(limits: ChartTierLimits | null, allTypes: readonly string[]): string | null {
  if (!limits) return null;
  const allowed = allTypes.filter((type) => limits.pattern_types.includes(type));
  return allowed.length === 1 ? (allowed[0] as string) : null;
}

export interface LabelledZone extends ChartZone {
  /** Drawn in the box's corner (higher-timeframe zones: "4h FVG"); null: no label. */
  label: string | null;
}

export function labelZones(zones: readonly ChartZone[], label: ((zone: ChartZone) => string) | null): LabelledZone[] {
  return zones.map((zone) => ({ ...zone, label: label ? label(zone) : null }));
}
