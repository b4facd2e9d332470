import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import type { AdminPayment, AdminPaymentRow, AdminUserDetail } from '../../api/admin';
import { api, unwrapData } from '../../api/client';
import { Time } from '../../components/Display';
import { FormError } from '../../components/States';
import { formatMoney } from '../../lib/admin';
import { canRefund, REFUND_REASON_MAX, refundReasonProblem } from '../../lib/adminPayments';
import { useAdminAction } from './useAdminAction';

const STATUS_TONES: Record<AdminPayment['status'], string> = {
  pending: 'info',
  completed: 'bull',
  failed: 'bear',
  expired: 'muted',
  refunded: 'warn',
};

export function PaymentStatus({ payment }: { payment: AdminPayment }) {
  return (
    <>
      <span className={`badge badge-${STATUS_TONES[payment.status]}`}>{payment.status}</span>
      {payment.provider_status && payment.provider_status !== payment.status ? (
        <span className="muted small"> {payment.provider_status}</span>
      ) : null}
    </>
  );
}

export function PaymentPlan({ payment }: { payment: AdminPayment }) {
  return (
    <>
      <span className={`tier tier-${payment.plan}`}>{payment.plan}</span> <span className="muted small">{payment.cycle}</span>
      {payment.kind === 'renewal' ? <span className="muted small"> (renewal)</span> : null}
    </>
  );
}

/** "Mark refunded" behind a confirmation: the first click asks for the reason (kept in the
 * audit log), only "Confirm refund" sends it. The money itself goes back at the provider. */
export function RefundControl({ payment }: { payment: AdminPayment }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState('');
  const [touched, setTouched] = useState(false);
  const inputId = useId();
  const refund = useAdminAction(
    (body: { reason: string }) =>
      unwrapData(api.POST('/api/v1/admin/payments/{payment_id}/refund', { params: { path: { payment_id: payment.id } }, body })),
    () => {
      setOpen(false);
      setReason('');
      setNotice(`Payment ${payment.id} marked refunded`);
    },
  );
  if (!canRefund(payment)) {
    return notice ? (
      <span role="status" className="ok">
        {notice}
      </span>
    ) : null;
  }
  const problem = refundReasonProblem(reason);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!problem) refund.mutate({ reason: reason.trim() });
  };
  if (!open) {
    return (
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => {
          setNotice('');
          refund.reset();
          setTouched(false);
          setOpen(true);
        }}
      >
        Mark refunded…
      </button>
    );
  }
  return (
    <form className="form form-inline" onSubmit={submit} aria-label={`Refund payment ${payment.id}`}>
      <div className="field">
        <label htmlFor={inputId}>Reason</label>
        <input
          id={inputId}
          value={reason}
          maxLength={REFUND_REASON_MAX}
          placeholder="e.g. refunded in the provider's dashboard"
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={touched && problem ? true : undefined}
        />
      </div>
      <button type="submit" className="btn btn-danger" disabled={refund.isPending}>
        Confirm refund of {formatMoney(payment.amount, payment.currency)}
      </button>
      <button type="button" className="btn btn-ghost" disabled={refund.isPending} onClick={() => setOpen(false)}>
        Keep
      </button>
      {touched && problem ? (
        <span className="warn-text small" role="alert">
          {problem}
        </span>
      ) : null}
      <FormError error={refund.error} />
    </form>
  );
}

/** Payments in a table: the user page's latest ten, or any list of them. */
export function PaymentsTable({
  payments,
  showUser = false,
}: {
  payments: readonly (AdminPayment | AdminPaymentRow)[];
  showUser?: boolean;
}) {
  return (
    <table className="table dense" data-testid="payments-table">
      <thead>
        <tr>
          <th scope="col">Id</th>
          {showUser ? <th scope="col">User</th> : null}
          <th scope="col">Created</th>
          <th scope="col">Plan</th>
          <th scope="col">Amount</th>
          <th scope="col">Provider</th>
          <th scope="col">Status</th>
          <th scope="col">Period</th>
          <th scope="col">Refund</th>
        </tr>
      </thead>
      <tbody>
        {payments.map((payment) => (
          <tr key={payment.id}>
            <td className="num">
              <Link to={`/admin/payments/${payment.id}`}>#{payment.id}</Link>
            </td>
            {showUser ? (
              <td>
                <Link to={`/admin/users/${payment.user_id}`}>{('email' in payment && payment.email) || `user ${payment.user_id}`}</Link>
              </td>
            ) : null}
            <td>
              <Time ms={payment.created_at} />
            </td>
            <td>
              <PaymentPlan payment={payment} />
            </td>
            <td className="num">{formatMoney(payment.amount, payment.currency)}</td>
            <td>
              {payment.provider}
              {payment.provider !== payment.method ? <span className="muted small"> ({payment.method})</span> : null}
            </td>
            <td>
              <PaymentStatus payment={payment} />
              {payment.failure_reason ? <div className="muted small">{payment.failure_reason}</div> : null}
            </td>
            <td>
              {payment.period_start ? (
                <>
                  <Time ms={payment.period_start} /> → <Time ms={payment.expires_at} />
                </>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td>
              {payment.refunded_at ? (
                <span className="small">
                  <Time ms={payment.refunded_at} /> by {payment.refunded_by}
                </span>
              ) : (
                <RefundControl payment={payment} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The user page's payments section: the 10 latest, a link to all of them. */
export function UserPayments({ user }: { user: AdminUserDetail }) {
  return (
    <section className="panel" aria-labelledby="payments-title" data-testid="user-payments">
      <h2 id="payments-title">Latest payments</h2>
      {user.payments.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <>
          <div className="table-scroll">
            <PaymentsTable payments={user.payments} />
          </div>
          <p>
            <Link to={`/admin/payments?user_id=${user.id}`}>All payments of this user</Link>
          </p>
        </>
      )}
    </section>
  );
}
