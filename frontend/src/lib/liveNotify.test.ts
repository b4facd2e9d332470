import { describe, expect, it } from 'vitest';
import { hourIn, inQuietHours, passesPushPreferences } from './liveNotify';

const SIGNAL = { symbol: 'BTC/USDT', direction: 'long', anchor_type: 'fvg', confluence: 3 };
const DEFAULTS = {
  enabled: true,
  directions: 'both' as const,
  min_confluence: 2,
  pattern_types: null,
  symbols: null,
  muted_symbols: {},
  quiet_hours_start: null,
  quiet_hours_end: null,
};
// 12:30 UTC.
const NOON = new Date(Date.UTC(2026, 0, 15, 12, 30));

describe('passesPushPreferences', () => {
  it('passes with the defaults', () => {
    expect(passesPushPreferences(SIGNAL, DEFAULTS, NOON, 'UTC')).toBe(true);
  });

  it('applies each of the server’s filters', () => {
    const fails = (changes: Partial<typeof DEFAULTS> | Record<string, unknown>) =>
      !passesPushPreferences(SIGNAL, { ...DEFAULTS, ...changes } as typeof DEFAULTS, NOON, 'UTC');
    expect(fails({ enabled: false })).toBe(true);
    expect(fails({ symbols: ['ETH/USDT'] })).toBe(true);
    expect(fails({ symbols: ['BTC/USDT'] })).toBe(false);
    expect(fails({ pattern_types: ['order_block'] })).toBe(true);
    expect(fails({ directions: 'short' })).toBe(true);
    expect(fails({ directions: 'long' })).toBe(false);
    expect(fails({ min_confluence: 4 })).toBe(true);
    expect(fails({ muted_symbols: { 'BTC/USDT': '2026-01-15T13:00:00Z' } })).toBe(true);
    expect(fails({ muted_symbols: { 'BTC/USDT': '2026-01-15T12:00:00Z' } })).toBe(false);
    expect(fails({ quiet_hours_start: 12, quiet_hours_end: 13 })).toBe(true);
  });

  it('reads quiet hours in the user’s time zone', () => {
    const quiet = { ...DEFAULTS, quiet_hours_start: 22, quiet_hours_end: 7 };
    // 12:30 UTC is 21:30 in Tokyo (not yet quiet) and 02:30 the next day in Kiritimati (quiet).
    expect(passesPushPreferences(SIGNAL, quiet, NOON, 'Asia/Tokyo')).toBe(true);
    expect(passesPushPreferences(SIGNAL, quiet, NOON, 'Pacific/Kiritimati')).toBe(false);
  });
});

describe('quiet hours', () => {
  it('spans midnight when the start is after the end; equal ends mean none', () => {
    expect(inQuietHours(22, 7, 23)).toBe(true);
    expect(inQuietHours(22, 7, 6)).toBe(true);
    expect(inQuietHours(22, 7, 7)).toBe(false);
    expect(inQuietHours(9, 17, 17)).toBe(false);
    expect(inQuietHours(5, 5, 5)).toBe(false);
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(hourIn(NOON, 'Not/AZone')).toBe(12);
  });
});
