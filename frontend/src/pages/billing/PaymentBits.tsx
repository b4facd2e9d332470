import { Link } from 'react-router';
import type { Payment } from '../../api/billing';
import { formatAmount, paymentTone } from '../../lib/billing';

export function PaymentStatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${paymentTone(status)}`}>{status}</span>;
}

export function TierBadge({ tier }: { tier: string }) {
  return <span className={`tier tier-${tier}`}>{tier}</span>;
}

/** "pro, yearly: $190.00". */
export function PaymentSummary({ payment }: { payment: Pick<Payment, 'plan' | 'cycle' | 'amount' | 'currency'> }) {
  return (
    <span>
      <TierBadge tier={payment.plan} /> {payment.cycle}: <span className="num">{formatAmount(payment.amount, payment.currency)}</span>
    </span>
  );
}

export function ReceiptLink({ payment }: { payment: Pick<Payment, 'id' | 'status'> }) {
  const label = payment.status === 'completed' || payment.status === 'refunded' ? 'Receipt' : 'Details';
  return (
    <Link to={`/billing/payments/${payment.id}`} aria-label={`${label} of payment ${payment.id}`}>
      {label}
    </Link>
  );
}
