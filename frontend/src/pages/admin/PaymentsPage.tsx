import { Link, useParams } from 'react-router';
import { PAYMENT_PROVIDERS, PAYMENT_STATUSES, type PaymentQuery, useAdminPayment, useAdminPayments } from '../../api/admin';
import { isOneOf } from '../../api/types';
import { FilterBar, SearchFilter } from '../../components/admin/filters';
import { ListView } from '../../components/admin/ListView';
import { Time } from '../../components/Display';
import { FilterSelect, toOptions } from '../../components/FilterSelect';
import { ErrorState, PageSkeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFilters } from '../../hooks/useFilters';
import { formatMoney, intParam } from '../../lib/admin';
import { NotFound } from '../NotFound';
import { PaymentPlan, PaymentStatus, PaymentsTable, RefundControl } from './UserPayments';

const FILTERS = ['status', 'provider', 'user_id'] as const;

/** Every payment, newest first, by status, provider and user. */
export function PaymentsPage() {
  useDocumentTitle('Admin · Payments');
  const { values, cursor, setFilter, setCursor, clear } = useFilters(FILTERS);
  const query: PaymentQuery = { limit: 50 };
  if (isOneOf(PAYMENT_STATUSES, values.status)) query.status = values.status;
  if (isOneOf(PAYMENT_PROVIDERS, values.provider)) query.provider = values.provider;
  const user = intParam(values.user_id);
  if (user !== undefined) query.user_id = user;
  if (cursor) query.cursor = cursor;
  const payments = useAdminPayments(query);
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>Payments</h1>
      </div>
      <FilterBar label="Filter payments" onReset={clear}>
        <FilterSelect
          label="Status"
          value={values.status}
          options={toOptions(PAYMENT_STATUSES)}
          onChange={(value) => setFilter('status', value)}
        />
        <FilterSelect
          label="Provider"
          value={values.provider}
          options={toOptions(PAYMENT_PROVIDERS)}
          onChange={(value) => setFilter('provider', value)}
        />
        <SearchFilter label="User id" type="number" value={values.user_id} onChange={(value) => setFilter('user_id', value)} />
      </FilterBar>
      <ListView query={payments} cursor={cursor} onCursor={setCursor} label="payments" emptyTitle="No payments match">
        {(rows) => <PaymentsTable payments={rows} showUser />}
      </ListView>
    </div>
  );
}

/** One payment: its fields, the provider's ids, the events recorded, the refund mark. */
export function PaymentPage() {
  const id = Number(useParams().id);
  const payment = useAdminPayment(id);
  useDocumentTitle(`Admin · Payment ${Number.isInteger(id) ? id : ''}`);
  if (!Number.isInteger(id) || id <= 0) return <NotFound />;
  if (payment.isPending) return <PageSkeleton />;
  if (payment.isError) return <ErrorState error={payment.error} onRetry={() => void payment.refetch()} />;
  const data = payment.data;
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>
          Payment #{data.id} <PaymentStatus payment={data} />
        </h1>
        <Link to="/admin/payments">All payments</Link>
      </div>
      <div className="grid-2">
        <section className="panel" aria-labelledby="payment-title">
          <h2 id="payment-title">Payment</h2>
          <dl className="facts">
            <dt>User</dt>
            <dd>
              <Link to={`/admin/users/${data.user_id}`}>{data.email ?? `user ${data.user_id}`}</Link>
            </dd>
            <dt>Plan</dt>
            <dd>
              <PaymentPlan payment={data} />
            </dd>
            <dt>Amount</dt>
            <dd className="num">
              {formatMoney(data.amount, data.currency)}
              {data.paid_amount ? (
                <span className="muted small">
                  {' '}
                  paid {data.paid_amount} {data.paid_currency ?? ''}
                </span>
              ) : null}
            </dd>
            <dt>Provider</dt>
            <dd>
              {data.provider} <span className="muted small">(chosen: {data.method})</span>
            </dd>
            <dt>Created</dt>
            <dd>
              <Time ms={data.created_at} />
            </dd>
            <dt>Completed</dt>
            <dd>
              <Time ms={data.completed_at} />
            </dd>
            <dt>Period</dt>
            <dd>
              {data.period_start ? (
                <>
                  <Time ms={data.period_start} /> → <Time ms={data.expires_at} />
                </>
              ) : (
                '—'
              )}
            </dd>
            {data.failure_reason ? (
              <>
                <dt>Failure</dt>
                <dd>{data.failure_reason}</dd>
              </>
            ) : null}
            {data.refunded_at ? (
              <>
                <dt>Refunded</dt>
                <dd>
                  <Time ms={data.refunded_at} /> by {data.refunded_by}
                </dd>
              </>
            ) : null}
          </dl>
          <div className="toolbar">
            <RefundControl payment={data} />
          </div>
        </section>
        <section className="panel" aria-labelledby="provider-title">
          <h2 id="provider-title">At the provider</h2>
          <dl className="facts">
            <dt>Checkout</dt>
            <dd className="num">{data.provider_checkout_id ?? '—'}</dd>
            <dt>Order / invoice</dt>
            <dd className="num">{data.provider_object_id ?? '—'}</dd>
            <dt>Subscription</dt>
            <dd className="num">{data.provider_subscription_id ?? '—'}</dd>
            <dt>Last status</dt>
            <dd>{data.provider_status ?? '—'}</dd>
          </dl>
        </section>
      </div>
      <section className="panel" aria-labelledby="events-title">
        <h2 id="events-title">Provider events ({data.events.length})</h2>
        {data.events.length === 0 ? (
          <p className="muted">None recorded.</p>
        ) : (
          <div className="table-scroll">
            <table className="table dense" data-testid="payment-events">
              <thead>
                <tr>
                  <th scope="col">Received</th>
                  <th scope="col">Type</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Detail</th>
                  <th scope="col">Event id</th>
                </tr>
              </thead>
              <tbody>
                {data.events.map((event) => (
                  <tr key={event.id}>
                    <td>
                      <Time ms={event.received_at} seconds />
                    </td>
                    <td>{event.event_type}</td>
                    <td>
                      <span
                        className={`badge badge-${event.outcome === 'applied' ? 'bull' : event.outcome === 'rejected' ? 'bear' : 'muted'}`}
                      >
                        {event.outcome}
                      </span>
                    </td>
                    <td className="muted">{event.detail ?? ''}</td>
                    <td className="num ellipsis" title={event.event_id}>
                      {event.event_id}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p>
        <Link to={`/admin/audit-log?target_type=payment&target_id=${data.id}`}>Audit log of this payment</Link>
      </p>
    </div>
  );
}
