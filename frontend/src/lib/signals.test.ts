import { describe, expect, it } from 'vitest';
import { levelRows } from './signals';

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
