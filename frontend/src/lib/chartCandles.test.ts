import { describe, expect, it } from 'vitest';
import { type ChartCandle, mergeCandles, olderPageEnd, reachedFirstCandle, tailChangeStart } from './chartCandles';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

function candle(index: number, over: Partial<ChartCandle> = {}): ChartCandle {
  return { time: T0 + index * H, open: 100 + index, high: 102 + index, low: 99 + index, close: 101 + index, volume: 10, ...over };
}

function range(from: number, to: number): ChartCandle[] {
  return Array.from({ length: to - from }, (_, offset) => candle(from + offset));
}

describe('merging candle pages', () => {
  it('prepends an older page without duplicates, ascending', () => {
    const merged = mergeCandles(range(0, 6), range(4, 10));
    expect(merged.map((item) => item.time)).toEqual(range(0, 10).map((item) => item.time));
  });

  it('lets the incoming page replace a candle at the same time (the forming one updated)', () => {
    const forming = candle(9, { close: 120, forming: true });
    const merged = mergeCandles(range(0, 10), [forming]);
    expect(merged).toHaveLength(10);
    expect(merged.at(-1)).toEqual(forming);
  });

  it('unflags a forming candle once a newer one follows it', () => {
    const merged = mergeCandles([candle(0), candle(1, { forming: true })], [candle(2, { forming: true })]);
    expect(merged.map((item) => Boolean(item.forming))).toEqual([false, false, true]);
  });
});

describe('paging back', () => {
  it('asks for the candles ending one bar before the first loaded', () => {
    expect(olderPageEnd(range(5, 8), H)).toBe(T0 + 4 * H);
    expect(olderPageEnd([], H)).toBeNull();
  });

  it('stops at the first candle: a short page, or a page with nothing older', () => {
    expect(reachedFirstCandle(range(0, 3), 5, T0 + 3 * H)).toBe(true);
    expect(reachedFirstCandle(range(0, 5), 5, T0 + 5 * H)).toBe(false);
    expect(reachedFirstCandle(range(5, 10), 5, T0 + 5 * H)).toBe(true);
    expect(reachedFirstCandle([], 5, T0)).toBe(true);
  });
});

describe('tail updates', () => {
  it('updates from the last bar when only the forming candle moved', () => {
    const prev = range(0, 20);
    const next = [...prev.slice(0, 19), candle(19, { close: 130 })];
    expect(tailChangeStart(prev, next)).toBe(19);
  });

  it('updates from the first new bar when one was appended and the last is unchanged', () => {
    expect(tailChangeStart(range(0, 20), range(0, 21))).toBe(20);
  });

  it('has nothing to update when nothing changed', () => {
    const prev = range(0, 20);
    expect(tailChangeStart(prev, [...prev])).toBe(20);
  });

  it('sets all data when older candles were prepended, a middle bar changed or the store was empty', () => {
    expect(tailChangeStart(range(5, 20), range(0, 20))).toBeNull();
    const changed = range(0, 20);
    changed[15] = candle(15, { close: 1 });
    expect(tailChangeStart(range(0, 20), changed)).toBeNull();
    expect(tailChangeStart([], range(0, 3))).toBeNull();
    expect(tailChangeStart(range(0, 10), range(0, 14))).toBeNull();
  });
});
