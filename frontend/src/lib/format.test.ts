import { describe, expect, it } from 'vitest';
import {
  decimalsForTick,
  formatAge,
  formatDateTime,
  formatPct,
  formatPrice,
  formatR,
  formatShortTime,
  isValidTimeZone,
  priceDecimals,
  roundToTick,
  sortTimeframes,
  symbolFromUrl,
  symbolToUrl,
  timeframeMs,
} from './format';

describe('tick sizes', () => {
  it('derives decimals from the tick', () => {
    expect(decimalsForTick(0.01)).toBe(2);
    expect(decimalsForTick(0.1)).toBe(1);
    expect(decimalsForTick(0.0001)).toBe(4);
    expect(decimalsForTick(0.00001)).toBe(5);
    expect(decimalsForTick(1e-8)).toBe(8);
    expect(decimalsForTick(0.5)).toBe(1);
    expect(decimalsForTick(0.25)).toBe(2);
    expect(decimalsForTick(1)).toBe(0);
    expect(decimalsForTick(5)).toBe(0);
  });

  it('rounds to the nearest tick', () => {
    expect(roundToTick(68123.456, 0.01)).toBeCloseTo(68123.46, 9);
    expect(roundToTick(1.23, 0.5)).toBe(1);
    expect(roundToTick(1.3, 0.5)).toBe(1.5);
    expect(roundToTick(5, 0)).toBe(5);
  });

  it('prefers the exchange precision, then the tick, then the magnitude', () => {
    expect(priceDecimals(1, { price_precision: 3, tick_size: 0.01 })).toBe(3);
    expect(priceDecimals(1, { tick_size: 0.001 })).toBe(3);
    expect(priceDecimals(68000, null)).toBe(2);
    expect(priceDecimals(1.2345, null)).toBe(4);
    expect(priceDecimals(0.00001234, null)).toBe(8);
  });
});

describe('formatPrice', () => {
  it('formats on the tick grid with grouping', () => {
    expect(formatPrice(68123.456, { tick_size: 0.01 })).toBe('68,123.46');
    expect(formatPrice(0.52345, { tick_size: 0.0001 })).toBe('0.5235');
    expect(formatPrice(0.1 + 0.2, { tick_size: 0.1 })).toBe('0.3');
    expect(formatPrice(2500, { tick_size: 0.5 })).toBe('2,500.0');
    expect(formatPrice(612.3, { tick_size: 0.01, price_precision: 2 })).toBe('612.30');
  });

  it('shows a dash for missing values', () => {
    expect(formatPrice(null)).toBe('—');
    expect(formatPrice(undefined)).toBe('—');
    expect(formatPrice(Number.NaN)).toBe('—');
  });

  it('falls back to the magnitude without a tick', () => {
    expect(formatPrice(1.5)).toBe('1.5000');
    expect(formatPrice(0.000012345)).toBe('0.00001235');
  });
});

describe('percentages and R', () => {
  it('signs values', () => {
    expect(formatPct(1.8412)).toBe('+1.84 %');
    expect(formatPct(-0.5)).toBe('−0.50 %');
    expect(formatPct(0)).toBe('0.00 %');
    expect(formatPct(null)).toBe('—');
    expect(formatPct(55, 0, false)).toBe('55 %');
    expect(formatR(3)).toBe('+3.00 R');
    expect(formatR(-1)).toBe('−1.00 R');
    expect(formatR(null)).toBe('—');
  });
});

describe('times in the user timezone', () => {
  const t = Date.UTC(2024, 2, 9, 16, 5, 7); // 2024-03-09 16:05:07 UTC

  it('formats in the given zone', () => {
    expect(formatDateTime(t, 'UTC')).toBe('2024-03-09 16:05');
    expect(formatDateTime(t, 'UTC', { seconds: true })).toBe('2024-03-09 16:05:07');
    expect(formatDateTime(t, 'Europe/Berlin')).toBe('2024-03-09 17:05');
    expect(formatDateTime(t, 'America/New_York')).toBe('2024-03-09 11:05');
    expect(formatDateTime(t, 'Asia/Kolkata')).toBe('2024-03-09 21:35');
  });

  it('crosses midnight and DST correctly', () => {
    expect(formatDateTime(Date.UTC(2024, 2, 9, 23, 30), 'Asia/Tokyo')).toBe('2024-03-10 08:30');
    // New York switches to DST on 2024-03-10 at 07:00 UTC.
    expect(formatDateTime(Date.UTC(2024, 2, 10, 6, 0), 'America/New_York')).toBe('2024-03-10 01:00');
    expect(formatDateTime(Date.UTC(2024, 2, 10, 8, 0), 'America/New_York')).toBe('2024-03-10 04:00');
  });

  it('falls back to UTC for an unknown zone and accepts ISO strings', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(formatDateTime(t, 'Mars/Olympus')).toBe('2024-03-09 16:05');
    expect(formatDateTime('2024-03-09T16:05:07Z', 'UTC')).toBe('2024-03-09 16:05');
    expect(formatDateTime(null, 'UTC')).toBe('—');
  });

  it('shortens times of the same day', () => {
    expect(formatShortTime(t, 'UTC', t + 3_600_000)).toBe('16:05');
    expect(formatShortTime(t, 'UTC', t + 86_400_000)).toBe('03-09 16:05');
  });

  it('describes ages', () => {
    const now = t;
    expect(formatAge(now - 10_000, now)).toBe('just now');
    expect(formatAge(now - 3 * 60_000, now)).toBe('3 min ago');
    expect(formatAge(now - 5 * 3_600_000, now)).toBe('5 h ago');
    expect(formatAge(now - 2 * 86_400_000, now)).toBe('2 d ago');
    expect(formatAge(now + 3 * 60_000, now)).toBe('in 3 min');
  });
});

describe('symbols and timeframes', () => {
  it('converts URL symbols', () => {
    expect(symbolToUrl('BTC/USDT')).toBe('BTC-USDT');
    expect(symbolFromUrl('BTC-USDT')).toBe('BTC/USDT');
    expect(symbolFromUrl('ETH/USDT')).toBe('ETH/USDT');
    expect(symbolFromUrl('BTC%2FUSDT')).toBe('BTC/USDT');
    expect(symbolFromUrl('btc-usdt')).toBe('BTC/USDT');
    expect(symbolToUrl(symbolFromUrl('BTC/USDT'))).toBe('BTC-USDT');
  });

  it('orders timeframes by length', () => {
    expect(sortTimeframes(['1d', '1m', '4h', '15m', '1h', '5m', '1h'])).toEqual(['1m', '5m', '15m', '1h', '4h', '1d']);
    expect(timeframeMs('4h')).toBe(14_400_000);
  });
});
