/** What the chart's legend shows for one candle: OHLC, volume and the change from the previous
 * close (from its own open for the first candle). Pure functions, unit-tested. */
import type { ChartCandle } from './chartCandles';

export interface LegendValues {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  change: number;
  changePct: number | null;
  forming: boolean;
}

/** Index of the candle opening exactly at `time` (ms), or -1. */
export function candleIndexAt(candles: readonly ChartCandle[], time: number): number {
  let lo = 0;
  let hi = candles.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = (candles[mid] as ChartCandle).time;
    if (value === time) return mid;
    if (value < time) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The legend for the candle under the crosshair, else (`time` null or off the data) the last. */
export function legendValues(candles: readonly ChartCandle[], time: number | null): LegendValues | null {
  if (candles.length === 0) return null;
  let index = time === null ? -1 : candleIndexAt(candles, time);
  if (index < 0) index = candles.length - 1;
  const candle = candles[index] as ChartCandle;
  const base = index > 0 ? (candles[index - 1] as ChartCandle).close : candle.open;
  const change = candle.close - base;
  return {
    time: candle.time,
    open: candle.open,
    high: candle.high,
    low: candle.low,
    close: candle.close,
    volume: candle.volume,
    change,
    changePct: base === 0 ? null : (change / base) * 100,
    forming: Boolean(candle.forming),
  };
}

const VOLUME_UNITS: readonly [number, string][] = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** 1234567 -> "1.23M", 950.5 -> "950.5", 0.0123 -> "0.0123". */
export function formatVolume(volume: number): string {
  const size = Math.abs(volume);
  for (const [unit, suffix] of VOLUME_UNITS) {
    if (size >= unit) return `${(volume / unit).toFixed(2)}${suffix}`;
  }
  if (size >= 100) return volume.toFixed(1);
  if (size >= 1) return volume.toFixed(2);
  return volume === 0 ? '0' : volume.toPrecision(3);
}
