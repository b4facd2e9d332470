/** The chart's candle store: pages merged by open time (newer data wins), older pages
 * prepended when scrolling back, and which bars changed so the chart can update only the tail.
 * Pure functions, unit-tested. */

export interface ChartCandle {
  time: number; // open time, ms UTC
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  /** The still-forming candle of the timeframe (the API flags it). */
  forming?: boolean;
}

/** One ascending array from two; a candle in `incoming` replaces the one at the same time. */
export function mergeCandles<T extends ChartCandle>(base: readonly T[], incoming: readonly T[]): T[] {
  if (incoming.length === 0) return [...base];
  const byTime = new Map<number, T>();
  for (const candle of base) byTime.set(candle.time, candle);
  for (const candle of incoming) byTime.set(candle.time, candle);
  const merged = [...byTime.values()].sort((a, b) => a.time - b.time);
  // Only the newest candle may be forming: a flagged one that a newer candle follows has closed.
  return merged.map((candle, index) => (candle.forming && index < merged.length - 1 ? ({ ...candle, forming: false } as T) : candle));
}

/** The `end` (inclusive open time) that asks for the candles just before the first one loaded. */
export function olderPageEnd(candles: readonly ChartCandle[], timeframeMs: number): number | null {
  const first = candles[0];
  return first === undefined ? null : first.time - timeframeMs;
}

/** True when an older page shows there is nothing further back: short, or nothing older. */
export function reachedFirstCandle(page: readonly ChartCandle[], limit: number, firstLoaded: number): boolean {
  if (page.length < limit) return true;
  return !page.some((candle) => candle.time < firstLoaded);
}

function sameCandle(a: ChartCandle, b: ChartCandle): boolean {
  return (
    a.time === b.time &&
    a.open === b.open &&
    a.high === b.high &&
    a.low === b.low &&
    a.close === b.close &&
    a.volume === b.volume &&
    Boolean(a.forming) === Boolean(b.forming)
  );
}

/** How many bars to check before the tail (a poll returns the newest few). */
const TAIL_WINDOW = 12;

/**
 * The index from which `next` differs from `prev` when only the tail changed (the last bar
 * updated, at most two appended): the chart then updates those bars instead of resetting all.
 * Null when anything else changed (older bars prepended, a gap filled): set all data.
 */
export function tailChangeStart(prev: readonly ChartCandle[], next: readonly ChartCandle[]): number | null {
  if (prev.length === 0 || next.length < prev.length || next.length - prev.length > 2) return null;
  if (prev[0]?.time !== next[0]?.time) return null;
  const lastPrev = prev.length - 1;
  const from = Math.max(0, lastPrev - TAIL_WINDOW);
  for (let index = from; index < lastPrev; index += 1) {
    if (!sameCandle(prev[index] as ChartCandle, next[index] as ChartCandle)) return null;
  }
  const last = prev[lastPrev] as ChartCandle;
  const same = next[lastPrev] as ChartCandle;
  if (same.time !== last.time) return null;
  if (sameCandle(last, same)) return next.length === prev.length ? next.length : prev.length;
  return lastPrev;
}
