import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type Payment, refreshAfterPayment, usePayment } from '../../api/billing';
import { useMe } from '../../api/queries';
import { Time } from '../../components/Display';
import { ErrorState, PageSkeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useNow } from '../../hooks/useNow';
import { failureText, paymentOutcome } from '../../lib/billing';
import { PaymentSummary, TierBadge } from './PaymentBits';
import { recallReturnPath } from './returnPath';
import './billing.css';

const SLOW_AFTER_MS = 30_000;

function Waiting({ payment }: { payment: Payment }) {
  const [since] = useState(() => Date.now());
  const now = useNow(5_000);
  return (
    <section className="panel" role="status" aria-live="polite" data-testid="payment-waiting">
      <h1>Waiting for the payment</h1>
      <p>
        <PaymentSummary payment={payment} /> {payment.provider_status ? <span className="muted">({payment.provider_status})</span> : null}
      </p>
      <p className="muted">This page updates by itself as soon as the payment provider confirms.</p>
      {now - since > SLOW_AFTER_MS ? (
        <p className="muted small">
          Taking a while (crypto payments wait for confirmations). You can leave this page: the receipt comes by email and the payment is in
          your <Link to="/billing">billing history</Link>.
        </p>
      ) : null}
    </section>
  );
}

function Succeeded({ payment }: { payment: Payment }) {
  const me = useMe();
  const back = recallReturnPath();
  const later = payment.period_start !== null && Date.parse(payment.period_start) > Date.now() + 60_000;
  return (
    <section className="panel billing-result billing-success" data-testid="payment-success">
      <h1>Payment complete</h1>
      <p>
        <PaymentSummary payment={payment} /> was paid.
      </p>
      {later && payment.period_start ? (
        <p>
          Your plan changes to <TierBadge tier={payment.plan} /> on <Time ms={payment.period_start} />, when the current paid period ends.
        </p>
      ) : (
        <p data-testid="new-tier">
          You are on {me.data ? <TierBadge tier={me.data.tier} /> : '…'}
          {payment.expires_at ? (
            <>
              {' '}
              until <Time ms={payment.expires_at} />
            </>
          ) : null}
          .
        </p>
      )}
      <div className="form-actions">
        {back ? (
          <Link className="btn btn-primary" to={back}>
            Continue where you were
          </Link>
        ) : (
          <Link className="btn btn-primary" to="/">
            Go to the dashboard
          </Link>
        )}
        <Link className="btn" to={`/billing/payments/${payment.id}`}>
          Receipt
        </Link>
        <Link className="btn btn-ghost" to="/billing">
          Billing
        </Link>
      </div>
    </section>
  );
}

function Failed({ payment }: { payment: Payment }) {
  const refunded = payment.status === 'refunded';
  return (
    <section className="panel billing-result billing-failure" role="alert" data-testid="payment-failure">
      <h1>{refunded ? 'Payment refunded' : 'Payment failed'}</h1>
      <p>
        <PaymentSummary payment={payment} /> {refunded ? 'was refunded.' : 'was not credited.'}
      </p>
      {refunded ? null : <p data-testid="failure-reason">{failureText(payment)}</p>}
      <div className="form-actions">
        <Link className="btn btn-primary" to={`/billing?plan=${payment.plan}&cycle=${payment.cycle}`}>
          Try again
        </Link>
        <Link className="btn btn-ghost" to="/billing">
          Billing
        </Link>
      </div>
    </section>
  );
}

/** /billing/return/:id: where a provider sends the payer back. Polls the payment every 2 s until
 * it is final; then reads /me (and everything read at the old tier) again, so the new tier shows
 * without signing in again. */
export default function ReturnPage() {
  useDocumentTitle('Payment');
  const id = Number(useParams().id);
  const payment = usePayment(id, true);
  const queryClient = useQueryClient();
  const outcome = payment.data ? paymentOutcome(payment.data) : 'waiting';
  const [refreshed, setRefreshed] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (outcome === 'waiting' || started.current) return;
    started.current = true;
    void refreshAfterPayment(queryClient).finally(() => setRefreshed(true));
  }, [outcome, queryClient]);

  if (payment.isPending) return <PageSkeleton />;
  if (payment.isError) return <ErrorState error={payment.error} title="Could not load this payment" />;
  return (
    <div className="page billing">
      {outcome === 'waiting' ? (
        <Waiting payment={payment.data} />
      ) : outcome === 'succeeded' ? (
        refreshed ? (
          <Succeeded payment={payment.data} />
        ) : (
          <PageSkeleton />
        )
      ) : (
        <Failed payment={payment.data} />
      )}
    </div>
  );
}
