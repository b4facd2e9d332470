import { useState } from 'react';
import { usePayments } from '../../api/billing';
import { metaCursor } from '../../api/client';
import { Time } from '../../components/Display';
import { Pager } from '../../components/Pager';
import { EmptyState, ErrorState, Skeleton } from '../../components/States';
import { formatAmount } from '../../lib/billing';
import { PaymentStatusBadge, ReceiptLink, TierBadge } from './PaymentBits';

/** The user's payments, newest first, each with its receipt. */
export function PaymentHistory() {
  const [cursor, setCursor] = useState('');
  const payments = usePayments(cursor);
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">Payment history</h2>
      {payments.isPending ? (
        <Skeleton rows={3} label="Loading payments" />
      ) : payments.isError ? (
        <ErrorState error={payments.error} onRetry={() => void payments.refetch()} />
      ) : payments.data.data.length === 0 && !cursor ? (
        <EmptyState title="No payments yet" />
      ) : (
        <>
          <div className={`table-scroll ${payments.isPlaceholderData ? 'loading' : ''}`}>
            <table className="table dense" data-testid="payments-table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Plan</th>
                  <th scope="col">Cycle</th>
                  <th scope="col" className="right">
                    Amount
                  </th>
                  <th scope="col">Method</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="sr-only">Receipt</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {payments.data.data.map((payment) => (
                  <tr key={payment.id}>
                    <td>
                      <Time ms={payment.completed_at ?? payment.created_at} />
                    </td>
                    <td>
                      <TierBadge tier={payment.plan} />
                      {payment.kind === 'renewal' ? <span className="muted small"> renewal</span> : null}
                    </td>
                    <td>{payment.cycle}</td>
                    <td className="right num">{formatAmount(payment.amount, payment.currency)}</td>
                    <td>{payment.method}</td>
                    <td>
                      <PaymentStatusBadge status={payment.status} />
                    </td>
                    <td>
                      <ReceiptLink payment={payment} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            cursor={cursor}
            nextCursor={metaCursor(payments.data.meta)}
            count={payments.data.data.length}
            onFirst={() => setCursor('')}
            onNext={(next) => setCursor(next)}
          />
        </>
      )}
    </section>
  );
}
