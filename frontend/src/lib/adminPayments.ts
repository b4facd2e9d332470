/** Pure helpers of the admin payment pages: what may be refunded, the refund reason's check,
 * and the revenue table's rows. */

export const REFUND_REASON_MAX = 500;

/** Only a completed payment can be marked refunded (the API answers 409 otherwise). */
export function canRefund(payment: { status: string }): boolean {
  return payment.status === 'completed';
}

/** Why a refund reason cannot be sent ('' when it can): the API trims it, then wants 1-500. */
export function refundReasonProblem(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) return 'Give a reason (kept in the audit log)';
  if (trimmed.length > REFUND_REASON_MAX) return `At most ${REFUND_REASON_MAX} characters`;
  return '';
}

interface MoneyCount {
  amount: string;
  count: number;
}

export interface MonthRevenueIn {
  month: string;
  completed: MoneyCount;
  refunded: MoneyCount;
}

export interface RevenueRow {
  month: string;
  completed: number;
  completedCount: number;
  refunded: number;
  refundedCount: number;
  /** Completed less refunded, in cents then back, so 0.1 + 0.2 stays 0.30. */
  net: number;
}

function cents(amount: string): number {
  const value = Number(amount);
  return Number.isFinite(value) ? Math.round(value * 100) : 0;
}

/** The stats' months newest first, with a net column, and their total as the last row. */
export function revenueRows(months: readonly MonthRevenueIn[]): { rows: RevenueRow[]; total: RevenueRow } {
  const total = { month: 'Total', completed: 0, completedCount: 0, refunded: 0, refundedCount: 0, net: 0 };
  const rows = [...months].reverse().map((month) => {
    const completed = cents(month.completed.amount);
    const refunded = cents(month.refunded.amount);
    total.completed += completed;
    total.refunded += refunded;
    total.completedCount += month.completed.count;
    total.refundedCount += month.refunded.count;
    return {
      month: month.month,
      completed: completed / 100,
      completedCount: month.completed.count,
      refunded: refunded / 100,
      refundedCount: month.refunded.count,
      net: (completed - refunded) / 100,
    };
  });
  return {
    rows,
    total: { ...total, completed: total.completed / 100, refunded: total.refunded / 100, net: (total.completed - total.refunded) / 100 },
  };
}
