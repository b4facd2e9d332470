import { Link, useNavigate, useParams } from 'react-router';
import { type FakeOutcome, useFakeCheckout, useFakeOutcome } from '../../api/billing';
import { ErrorState, FormError, PageSkeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { formatAmount } from '../../lib/billing';
import { PaymentStatusBadge, TierBadge } from './PaymentBits';
import './billing.css';

/** /billing/fake-checkout/:id: the fake provider's checkout (embedded default and tests). The
 * server plays the provider: it signs the webhook and runs it through the real intake. */
export default function FakeCheckoutPage() {
  useDocumentTitle('Test payment');
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const checkout = useFakeCheckout(id);
  const outcome = useFakeOutcome(id);
  if (checkout.isPending) return <PageSkeleton />;
  if (checkout.isError) return <ErrorState error={checkout.error} title="No such test checkout" />;
  const payment = checkout.data;
  const send = (choice: FakeOutcome) =>
    outcome.mutate(choice, { onSuccess: () => void navigate(`/billing/return/${id}`, { replace: true }) });
  return (
    <div className="page billing">
      <section className="panel fake-checkout" aria-labelledby="fake-title">
        <p className="test-banner" role="note">
          Test payment - no money moves
        </p>
        <h1 id="fake-title">Test checkout</h1>
        <dl className="facts">
          <dt>Plan</dt>
          <dd>
            <TierBadge tier={payment.plan} /> {payment.cycle}
          </dd>
          <dt>Amount</dt>
          <dd className="num">{formatAmount(payment.amount, payment.currency)}</dd>
          <dt>Status</dt>
          <dd>
            <PaymentStatusBadge status={payment.status} />
          </dd>
        </dl>
        {payment.status === 'pending' ? (
          <>
            <p className="muted small">
              This page stands in for a payment provider. Pay completes the checkout, Fail declines it; either sends the same signed webhook
              a real provider would.
            </p>
            <div className="form-actions">
              <button type="button" className="btn btn-primary" onClick={() => send('paid')} disabled={outcome.isPending}>
                Pay
              </button>
              <button type="button" className="btn btn-danger" onClick={() => send('failed')} disabled={outcome.isPending}>
                Fail
              </button>
            </div>
          </>
        ) : (
          <p>
            This checkout is already {payment.status}. <Link to={`/billing/return/${id}`}>See the result</Link>
          </p>
        )}
        <FormError error={outcome.error} />
      </section>
    </div>
  );
}
