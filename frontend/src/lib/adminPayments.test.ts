import { describe, expect, it } from 'vitest';
import { canRefund, REFUND_REASON_MAX, refundReasonProblem, revenueRows } from './adminPayments';

describe('refund marks', () => {
  it('allows completed payments only', () => {
    expect(canRefund({ status: 'completed' })).toBe(true);
    for (const status of ['pending', 'failed', 'expired', 'refunded']) expect(canRefund({ status })).toBe(false);
  });

  it('wants a reason of 1 to 500 characters after trimming', () => {
    expect(refundReasonProblem('chargeback')).toBe('');
    expect(refundReasonProblem('   ')).toMatch(/reason/);
    expect(refundReasonProblem('')).toMatch(/reason/);
    expect(refundReasonProblem(` ${'x'.repeat(REFUND_REASON_MAX)} `)).toBe('');
    expect(refundReasonProblem('x'.repeat(REFUND_REASON_MAX + 1))).toMatch(/500/);
  });
});

describe('revenue rows', () => {
  const months = [
    { month: '2026-01', completed: { amount: '38.00', count: 2 }, refunded: { amount: '0.00', count: 0 } },
    { month: '2026-02', completed: { amount: '0.10', count: 1 }, refunded: { amount: '19.20', count: 1 } },
  ];

  it('lists the newest month first with the net of refunds', () => {
    const { rows } = revenueRows(months);
    expect(rows.map((row) => row.month)).toEqual(['2026-02', '2026-01']);
    expect(rows[0]).toEqual({ month: '2026-02', completed: 0.1, completedCount: 1, refunded: 19.2, refundedCount: 1, net: -19.1 });
    expect(rows[1]?.net).toBe(38);
  });

  it('totals in cents', () => {
    const { total } = revenueRows([
      ...months,
      { month: '2026-03', completed: { amount: '0.20', count: 1 }, refunded: { amount: '0.00', count: 0 } },
    ]);
    expect(total).toEqual({ month: 'Total', completed: 38.3, completedCount: 4, refunded: 19.2, refundedCount: 1, net: 19.1 });
  });

  it('is empty without months', () => {
    expect(revenueRows([])).toEqual({
      rows: [],
      total: { month: 'Total', completed: 0, completedCount: 0, refunded: 0, refundedCount: 0, net: 0 },
    });
  });
});
