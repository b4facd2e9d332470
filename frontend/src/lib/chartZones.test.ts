import { describe, expect, it } from 'vitest';
import { higherTimeframes, labelZones, patternsSince, patternTypeFilter } from './chartZones';
import type { ChartZone } from './zones';

const H = 3_600_000;
const NOW = Date.UTC(2024, 5, 1, 12);
const FREE = { pattern_types: ['fvg'], pattern_history: { max_age_hours: 24 } };
const PRO = { pattern_types: ['fvg', 'liquidity_sweep', 'order_block'], pattern_history: { max_age_hours: null } };
const ALL = ['fvg', 'order_block', 'liquidity_sweep'];

describe('what the chart asks for', () => {
  it('reaches back by the expiry before the first candle when the tier has no age limit', () => {
    const first = NOW - 500 * H;
    expect(patternsSince(first, '1h', NOW, PRO)).toBe(first - 3 * 86_400_000);
    expect(patternsSince(first, '4h', NOW, null)).toBe(first - 7 * 86_400_000);
  });

  it("never asks a free user for more than the tier's 24 h (that would be a 403)", () => {
    const since = patternsSince(NOW - 500 * H, '1h', NOW, FREE);
    expect(since).toBeGreaterThanOrEqual(NOW - 24 * H);
    expect(since).toBeLessThan(NOW - 23 * H);
    // A later wanted start is kept.
    expect(patternsSince(NOW - H, '1m', NOW, FREE)).toBe(NOW - H - 4 * H);
  });

  it('filters by the one type a tier allows, else leaves the type to the server', () => {
    expect(patternTypeFilter(FREE, ALL)).toBe('fvg');
    expect(patternTypeFilter(PRO, ALL)).toBeNull();
    expect(patternTypeFilter(null, ALL)).toBeNull();
  });

  it('lists the higher timeframes of a chart', () => {
    const timeframes = ['1m', '5m', '15m', '1h', '4h', '1d'];
    expect(higherTimeframes('15m', timeframes)).toEqual(['1h', '4h', '1d']);
    expect(higherTimeframes('1d', timeframes)).toEqual([]);
  });
});

describe('zone labels', () => {
  const zone: ChartZone = { id: 1, type: 'fvg', direction: 'bullish', low: 1, high: 2, from: 0, to: 10, extendsRight: false, active: true };

  it('labels each zone with its timeframe, or leaves it unlabelled', () => {
    expect(labelZones([zone], (item) => `4h ${item.type}`)[0]?.label).toBe('4h fvg');
    expect(labelZones([zone], null)[0]?.label).toBeNull();
  });
});
