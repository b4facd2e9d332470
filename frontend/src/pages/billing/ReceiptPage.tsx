import { Link, useParams } from 'react-router';
import { usePayment } from '../../api/billing';
import { Time } from '../../components/Display';
import { ErrorState, PageSkeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { checkoutTarget, failureText, formatAmount } from '../../lib/billing';
import { PaymentStatusBadge, TierBadge } from './PaymentBits';
import './billing.css';

const METHOD_NAMES: Record<string, string> = { card: 'Card', crypto: 'Crypto' };
const PROVIDER_NAMES: Record<string, string> = { card: 'Card provider', crypto: 'Crypto provider', fake: 'Test provider (no money moved)' };

function CheckoutLink({ url }: { url: string }) {
  const target = checkoutTarget(url, window.location.origin);
  if (target.kind === 'spa') return <Link to={target.path}>Continue the checkout</Link>;
  return <a href={target.url}>Continue the checkout</a>;
}

/** /billing/payments/:id: one payment as a receipt (another user's answers 404). */
export default function ReceiptPage() {
  const id = Number(useParams().id);
  useDocumentTitle(`Payment ${id}`);
  const payment = usePayment(id);
  if (payment.isPending) return <PageSkeleton />;
  if (payment.isError) return <ErrorState error={payment.error} title="Could not load this payment" />;
  const receipt = payment.data;
  const paid = receipt.status === 'completed' || receipt.status === 'refunded';
  return (
    <div className="page billing">
      <div className="page-head">
        <h1>{paid ? 'Receipt' : 'Payment'}</h1>
        <div className="toolbar no-print">
          <Link to="/billing">← Billing</Link>
          {paid ? (
            <button type="button" className="btn" onClick={() => window.print()}>
              Print
            </button>
          ) : null}
        </div>
      </div>
      <section className="panel receipt" aria-label={`Payment ${receipt.id}`} data-testid="receipt">
        <dl className="facts">
          <dt>Payment</dt>
          <dd className="num">#{receipt.id}</dd>
          <dt>Status</dt>
          <dd>
            <PaymentStatusBadge status={receipt.status} />
            {receipt.provider_status ? <span className="muted small"> {receipt.provider_status}</span> : null}
          </dd>
          <dt>Plan</dt>
          <dd>
            <TierBadge tier={receipt.plan} /> {receipt.cycle}
            {receipt.kind === 'renewal' ? ' (renewal)' : ''}
          </dd>
          <dt>Amount</dt>
          <dd className="num strong">{formatAmount(receipt.amount, receipt.currency)}</dd>
          <dt>Method</dt>
          <dd>
            {METHOD_NAMES[receipt.method] ?? receipt.method} · {PROVIDER_NAMES[receipt.provider] ?? receipt.provider}
          </dd>
          <dt>Created</dt>
          <dd>
            <Time ms={receipt.created_at} />
          </dd>
          {receipt.completed_at ? (
            <>
              <dt>Paid</dt>
              <dd>
                <Time ms={receipt.completed_at} />
              </dd>
            </>
          ) : null}
          {receipt.period_start && receipt.expires_at ? (
            <>
              <dt>Period</dt>
              <dd>
                <Time ms={receipt.period_start} /> to <Time ms={receipt.expires_at} />
              </dd>
            </>
          ) : null}
          {receipt.refunded_at ? (
            <>
              <dt>Refunded</dt>
              <dd>
                <Time ms={receipt.refunded_at} />
              </dd>
            </>
          ) : null}
          {receipt.status === 'failed' || receipt.status === 'expired' ? (
            <>
              <dt>Reason</dt>
              <dd>{failureText(receipt)}</dd>
            </>
          ) : null}
        </dl>
        {receipt.status === 'pending' && receipt.checkout_url ? (
          <p>
            Not paid yet. <CheckoutLink url={receipt.checkout_url} /> or <Link to={`/billing/return/${receipt.id}`}>check its status</Link>.
          </p>
        ) : null}
      </section>
    </div>
  );
}
