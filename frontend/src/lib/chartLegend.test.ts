import { describe, expect, it } from 'vitest';
import type { ChartCandle } from './chartCandles';
import { candleIndexAt, formatVolume, legendValues } from './chartLegend';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const candles: ChartCandle[] = [
  { time: T0, open: 100, high: 110, low: 95, close: 105, volume: 1_500 },
  { time: T0 + H, open: 105, high: 108, low: 90, close: 94.5, volume: 2_000_000 },
  { time: T0 + 2 * H, open: 94.5, high: 99, low: 94, close: 98, volume: 12, forming: true },
];

describe('legend values', () => {
  it('shows the candle under the crosshair with its change from the previous close', () => {
    const values = legendValues(candles, T0 + H);
    expect(values).toMatchObject({ time: T0 + H, open: 105, high: 108, low: 90, close: 94.5, volume: 2_000_000, forming: false });
    expect(values?.change).toBeCloseTo(-10.5);
    expect(values?.changePct).toBeCloseTo(-10);
  });

  it('shows the last (forming) candle when the crosshair is away or off the data', () => {
    expect(legendValues(candles, null)).toMatchObject({ time: T0 + 2 * H, close: 98, forming: true });
    expect(legendValues(candles, T0 + 30 * H)?.time).toBe(T0 + 2 * H);
  });

  it('measures the first candle against its own open', () => {
    expect(legendValues(candles, T0)?.changePct).toBeCloseTo(5);
    expect(legendValues([], null)).toBeNull();
  });

  it('finds candles by exact open time', () => {
    expect(candleIndexAt(candles, T0 + 2 * H)).toBe(2);
    expect(candleIndexAt(candles, T0 + 1)).toBe(-1);
  });
});

describe('volume format', () => {
  it('abbreviates large volumes and keeps small ones readable', () => {
    expect(formatVolume(2_000_000)).toBe('2.00M');
    expect(formatVolume(1_500)).toBe('1.50K');
    expect(formatVolume(3.2e9)).toBe('3.20B');
    expect(formatVolume(950.55)).toBe('950.5');
    expect(formatVolume(12)).toBe('12.00');
    expect(formatVolume(0.012345)).toBe('0.0123');
    expect(formatVolume(0)).toBe('0');
  });
});
