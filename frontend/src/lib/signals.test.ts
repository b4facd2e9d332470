import { describe, expect, it } from 'vitest';
import { levelRows, statusHistory } from './signals';

const base = {
  created_at: 1_000,
  triggered_at: null,
  tp1_at: null,
  tp2_at: null,
  tp3_at: null,
  stopped_at: null,
  closed_at: null,
  expired_at: null,
  cancelled_at: null,
};

describe('statusHistory', () => {
  it('lists the statuses in time order', () => {
    expect(statusHistory({ ...base, triggered_at: 2_000, tp1_at: 3_000, stopped_at: 4_000 })).toEqual([
      { status: 'pending', at: 1_000 },
      { status: 'triggered', at: 2_000 },
      { status: 'tp1', at: 3_000 },
      { status: 'stopped', at: 4_000 },
    ]);
  });

  it('keeps rule order for events on one candle', () => {
    const history = statusHistory({ ...base, triggered_at: 2_000, tp1_at: 2_000, tp2_at: 2_000 });
    expect(history.map((entry) => entry.status)).toEqual(['pending', 'triggered', 'tp1', 'tp2']);
  });
});

describe('levelRows', () => {
  it('computes % from entry and R for a long', () => {
    const rows = levelRows({ direction: 'long', entry: 100, stop_loss: 98, take_profit_1: 102, take_profit_2: 104, take_profit_3: 106 });
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    expect(byKey.stop_loss?.pct).toBeCloseTo(-2);
    expect(byKey.stop_loss?.r).toBeCloseTo(-1);
    expect(byKey.take_profit_3?.r).toBeCloseTo(3);
  });

  it('signs R in the trade direction for a short', () => {
    const rows = levelRows({ direction: 'short', entry: 100, stop_loss: 101, take_profit_1: 99, take_profit_2: 98, take_profit_3: 97 });
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    expect(byKey.take_profit_1?.r).toBeCloseTo(1);
    expect(byKey.stop_loss?.r).toBeCloseTo(-1);
    expect(byKey.take_profit_2?.pct).toBeCloseTo(-2);
  });
});
