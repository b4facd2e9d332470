import { describe, expect, it } from 'vitest';
import { floorIndex, sweepMarkers, toChartZones, type ZonePattern, zoneEndMs, zoneStyle } from './zones';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
// 10 hourly candles: T0 .. T0 + 9h.
const candles = Array.from({ length: 10 }, (_, index) => T0 + index * H);

function zone(over: Partial<ZonePattern>): ZonePattern {
  return {
    id: 1,
    type: 'fvg',
    direction: 'bullish',
    zone_low: 100,
    zone_high: 110,
    formed_at: T0 + 2 * H,
    expires_at: T0 + 2 * H + 72 * H,
    status: 'active',
    strength: 0.5,
    filled_at: null,
    invalidated_at: null,
    expired_at: null,
    ...over,
  };
}

describe('zone end', () => {
  it('stops at the final event', () => {
    expect(zoneEndMs(zone({ status: 'filled', filled_at: T0 + 5 * H }), T0 + 100 * H)).toBe(T0 + 5 * H);
    expect(zoneEndMs(zone({ status: 'invalidated', invalidated_at: T0 + 4 * H }), T0)).toBe(T0 + 4 * H);
    expect(zoneEndMs(zone({ status: 'expired', expired_at: T0 + 74 * H }), T0)).toBe(T0 + 74 * H);
  });

  it('runs to now while active, but never past its expiry', () => {
    expect(zoneEndMs(zone({}), T0 + 9 * H)).toBe(T0 + 9 * H);
    expect(zoneEndMs(zone({ expires_at: T0 + 6 * H }), T0 + 9 * H)).toBe(T0 + 6 * H);
  });
});

describe('floorIndex', () => {
  it('finds the candle containing a time', () => {
    expect(floorIndex(candles, T0 - 1)).toBe(-1);
    expect(floorIndex(candles, T0)).toBe(0);
    expect(floorIndex(candles, T0 + 2.5 * H)).toBe(2);
    expect(floorIndex(candles, T0 + 100 * H)).toBe(9);
    expect(floorIndex([], T0)).toBe(-1);
  });
});

describe('toChartZones', () => {
  const now = T0 + 10 * H;

  it('draws an active zone from its candle to the right edge', () => {
    const [box] = toChartZones([zone({})], candles, H, now);
    expect(box).toMatchObject({
      from: (T0 + 2 * H) / 1000,
      to: (T0 + 9 * H) / 1000,
      low: 100,
      high: 110,
      active: true,
      extendsRight: true,
    });
  });

  it('ends a filled zone on the candle that filled it', () => {
    const [box] = toChartZones([zone({ status: 'filled', filled_at: T0 + 5 * H + 60_000 })], candles, H, now);
    expect(box).toMatchObject({ from: (T0 + 2 * H) / 1000, to: (T0 + 5 * H) / 1000, active: false, extendsRight: false });
  });

  it('clips a zone that started before the first candle', () => {
    const [box] = toChartZones([zone({ formed_at: T0 - 30 * H })], candles, H, now);
    expect(box?.from).toBe(T0 / 1000);
  });

  it('snaps lower-timeframe event times to the candle that contains them', () => {
    const [box] = toChartZones([zone({ status: 'invalidated', invalidated_at: T0 + 7 * H + 59 * 60_000 })], candles, H, now);
    expect(box?.to).toBe((T0 + 7 * H) / 1000);
  });

  it('drops zones outside the candles and degenerate zones', () => {
    const before = zone({ id: 2, formed_at: T0 - 50 * H, status: 'filled', filled_at: T0 - 40 * H });
    const after = zone({ id: 3, formed_at: T0 + 11 * H });
    const flat = zone({ id: 4, zone_low: 100, zone_high: 100 });
    expect(toChartZones([before, after, flat], candles, H, now)).toEqual([]);
    expect(toChartZones([zone({})], [], H, now)).toEqual([]);
  });

  it('draws finished zones below active ones', () => {
    const zones = toChartZones(
      [zone({ id: 10 }), zone({ id: 11, formed_at: T0 + 4 * H, status: 'expired', expired_at: T0 + 6 * H })],
      candles,
      H,
      now,
    );
    expect(zones.map((item) => item.id)).toEqual([11, 10]);
  });

  it('treats an active zone past its expiry as ended there', () => {
    const [box] = toChartZones([zone({ expires_at: T0 + 6 * H })], candles, H, now);
    expect(box?.to).toBe((T0 + 6 * H) / 1000);
    expect(box?.extendsRight).toBe(false);
  });
});

describe('sweep markers', () => {
  it('puts an arrow at the sweeping candle, up below bullish and down above bearish', () => {
    const markers = sweepMarkers(
      [
        zone({ id: 5, type: 'liquidity_sweep', direction: 'bearish', formed_at: T0 + 6 * H }),
        zone({ id: 6, type: 'liquidity_sweep', direction: 'bullish', formed_at: T0 + 3 * H }),
        zone({ id: 7, type: 'fvg', formed_at: T0 + 4 * H }),
        zone({ id: 8, type: 'liquidity_sweep', formed_at: T0 - 5 * H }),
      ],
      candles,
    );
    expect(markers).toEqual([
      { id: 6, time: (T0 + 3 * H) / 1000, position: 'belowBar', shape: 'arrowUp', direction: 'bullish', text: 'Sweep' },
      { id: 5, time: (T0 + 6 * H) / 1000, position: 'aboveBar', shape: 'arrowDown', direction: 'bearish', text: 'Sweep' },
    ]);
  });
});

describe('zone colours', () => {
  it('colours by direction and fades finished zones', () => {
    const live = zoneStyle({ direction: 'bullish', type: 'fvg', active: true });
    const done = zoneStyle({ direction: 'bullish', type: 'fvg', active: false });
    expect(live.fill).toContain('38, 166, 154');
    expect(zoneStyle({ direction: 'bearish', type: 'fvg', active: true }).fill).toContain('239, 83, 80');
    expect(live.fill).not.toBe(done.fill);
  });
});
