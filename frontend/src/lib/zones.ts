/** Converts patterns into what the chart draws: shaded boxes from a zone's start until it was
 * filled, invalidated or expired (or the right edge while still active), snapped to candle
 * times, plus markers for liquidity sweeps. Pure functions, unit-tested. */

export type ZoneDirection = 'bullish' | 'bearish';

/** The pattern fields the chart needs (PatternOut fits). */
export interface ZonePattern {
  id: number;
  type: string;
  direction: ZoneDirection;
  zone_low: number;
  zone_high: number;
  formed_at: number;
  expires_at: number;
  status: string;
  strength: number;
  filled_at: number | null;
  invalidated_at: number | null;
  expired_at: number | null;
}

export interface ChartZone {
  id: number;
  type: string;
  direction: ZoneDirection;
  low: number;
  high: number;
  /** Candle open times in seconds (the chart's UTCTimestamp). */
  from: number;
  to: number;
  /** Still running past the last candle: drawn to the right edge. */
  extendsRight: boolean;
  active: boolean;
}

export interface ZoneMarker {
  id: number;
  time: number;
  position: 'belowBar' | 'aboveBar';
  shape: 'arrowUp' | 'arrowDown';
  direction: ZoneDirection;
  text: string;
}

/** When a zone stops (ms): its final event, else min(expiry, now) for a live one. */
export function zoneEndMs(pattern: ZonePattern, now: number): number {
  const final = pattern.filled_at ?? pattern.invalidated_at ?? pattern.expired_at;
  if (final != null) return final;
  if (pattern.status === 'active') return Math.min(pattern.expires_at, Math.max(now, pattern.formed_at));
  return pattern.expires_at;
}

/** Index of the last time <= t in an ascending array (-1 when t is before the first). */
export function floorIndex(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = times[mid] as number;
    if (value <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * @param candleTimes ascending candle open times (ms) on the chart
 * @param timeframeMs the chart's candle length
 * @param now current time (ms), for zones still active
 */
export function toChartZones(
  patterns: readonly ZonePattern[],
  candleTimes: readonly number[],
  timeframeMs: number,
  now: number,
): ChartZone[] {
  const count = candleTimes.length;
  if (count === 0) return [];
  const first = candleTimes[0] as number;
  const last = candleTimes[count - 1] as number;
  const lastClose = last + timeframeMs;
  const zones: ChartZone[] = [];
  for (const pattern of patterns) {
    if (!(pattern.zone_high > pattern.zone_low)) continue;
    const start = pattern.formed_at;
    const end = Math.max(start, zoneEndMs(pattern, now));
    if (end < first || start >= lastClose) continue;
    const fromIndex = Math.max(0, floorIndex(candleTimes, start));
    const toIndex = Math.max(fromIndex, floorIndex(candleTimes, end));
    const active = pattern.status === 'active' && end >= Math.min(now, pattern.expires_at);
    zones.push({
      id: pattern.id,
      type: pattern.type,
      direction: pattern.direction,
      low: pattern.zone_low,
      high: pattern.zone_high,
      from: Math.floor((candleTimes[fromIndex] as number) / 1000),
      to: Math.floor((candleTimes[toIndex] as number) / 1000),
      extendsRight: pattern.status === 'active' && end >= lastClose - timeframeMs,
      active,
    });
  }
  // Finished zones first so live ones are drawn on top.
  return zones.sort((a, b) => Number(a.active) - Number(b.active) || a.from - b.from);
}

/** Arrows for liquidity sweeps at the sweeping candle: up below a bullish one, down above a
 * bearish one. Only candles on the chart get a marker. */
export function sweepMarkers(patterns: readonly ZonePattern[], candleTimes: readonly number[]): ZoneMarker[] {
  const onChart = new Set(candleTimes);
  const markers: ZoneMarker[] = [];
  for (const pattern of patterns) {
    if (pattern.type !== 'liquidity_sweep' || !onChart.has(pattern.formed_at)) continue;
    const bullish = pattern.direction === 'bullish';
    markers.push({
      id: pattern.id,
      time: Math.floor(pattern.formed_at / 1000),
      position: bullish ? 'belowBar' : 'aboveBar',
      shape: bullish ? 'arrowUp' : 'arrowDown',
      direction: pattern.direction,
      text: 'Sweep',
    });
  }
  return markers.sort((a, b) => a.time - b.time);
}

export interface ZoneStyle {
  fill: string;
  stroke: string;
}

/** Colours by direction and type; finished zones are fainter. */
export function zoneStyle(zone: Pick<ChartZone, 'direction' | 'type' | 'active'>): ZoneStyle {
  const rgb = zone.direction === 'bullish' ? '38, 166, 154' : '239, 83, 80';
  const base = zone.type === 'order_block' ? 0.22 : zone.type === 'liquidity_sweep' ? 0.12 : 0.16;
  const alpha = zone.active ? base : base * 0.45;
  return {
    fill: `rgba(${rgb}, ${alpha.toFixed(3)})`,
    stroke: `rgba(${rgb}, ${zone.active ? 0.7 : 0.3})`,
  };
}
