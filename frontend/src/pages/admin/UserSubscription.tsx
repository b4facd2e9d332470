import { type FormEvent, useId, useState } from 'react';
import { type AdminUserDetail, type GrantIn, PLANS } from '../../api/admin';
import { api, unwrapData } from '../../api/client';
import { StatusBadge, Time } from '../../components/Display';
import { FormError } from '../../components/States';
import { daysUntil } from '../../lib/admin';
import { useAdminAction } from './useAdminAction';

type Action = 'cancel' | 'suspend' | 'reactivate';

const ACTIONS: { action: Action; label: string; from: readonly string[]; danger?: boolean }[] = [
  { action: 'cancel', label: 'Cancel', from: ['active'], danger: true },
  { action: 'suspend', label: 'Suspend', from: ['active', 'cancelled'], danger: true },
  { action: 'reactivate', label: 'Reactivate', from: ['suspended', 'cancelled'] },
];

function post(userId: number, action: Action) {
  const params = { params: { path: { user_id: userId } } };
  if (action === 'cancel') return unwrapData(api.POST('/api/v1/admin/users/{user_id}/subscription/cancel', params));
  if (action === 'suspend') return unwrapData(api.POST('/api/v1/admin/users/{user_id}/subscription/suspend', params));
  return unwrapData(api.POST('/api/v1/admin/users/{user_id}/subscription/reactivate', params));
}

/** The user's subscription, the grant form and the transitions its status allows. */
export function UserSubscription({ user }: { user: AdminUserDetail }) {
  const subscription = user.subscription;
  const [plan, setPlan] = useState<GrantIn['plan']>('pro');
  const [days, setDays] = useState('30');
  const [lifetime, setLifetime] = useState(false);
  const [notice, setNotice] = useState('');
  const ids = { plan: useId(), days: useId(), lifetime: useId() };
  const grant = useAdminAction(
    (body: GrantIn) =>
      unwrapData(api.POST('/api/v1/admin/users/{user_id}/subscription/grant', { params: { path: { user_id: user.id } }, body })),
    (result) => setNotice(`Granted ${result.plan}${result.lifetime ? ' for life' : ''}: tier now ${result.tier}`),
  );
  const transition = useAdminAction(
    (action: Action) => post(user.id, action),
    (result) => setNotice(`Subscription ${result.status}: tier now ${result.tier}`),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    transition.reset();
    grant.mutate(lifetime ? { plan, lifetime: true } : { plan, days: Number(days), lifetime: false });
  };
  const left = daysUntil(subscription?.expires_at);
  return (
    <section className="panel" aria-labelledby="subscription-title" data-testid="user-subscription">
      <h2 id="subscription-title">Subscription</h2>
      {subscription ? (
        <dl className="facts">
          <dt>Plan</dt>
          <dd>
            <span className={`tier tier-${subscription.plan}`}>{subscription.plan}</span>{' '}
            <span className="muted small">{subscription.plan_code}</span>
          </dd>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={subscription.status} />
            {subscription.in_grace ? <span className="badge badge-warn">in grace</span> : null}
          </dd>
          <dt>Expires</dt>
          <dd>
            {subscription.lifetime ? (
              'never (lifetime)'
            ) : (
              <>
                <Time ms={subscription.expires_at} />
                {left !== null ? <span className="muted small"> ({left >= 0 ? `in ${left} d` : `${-left} d ago`})</span> : null}
              </>
            )}
          </dd>
          <dt>Started</dt>
          <dd>
            <Time ms={subscription.started_at} />
          </dd>
        </dl>
      ) : (
        <p className="muted">No subscription: free tier.</p>
      )}
      <form className="form form-inline" onSubmit={submit} aria-label="Grant a plan">
        <div className="field">
          <label htmlFor={ids.plan}>Plan</label>
          <select id={ids.plan} value={plan} onChange={(event) => setPlan(event.target.value as GrantIn['plan'])}>
            {PLANS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.days}>Days</label>
          <input
            id={ids.days}
            type="number"
            min={1}
            max={3650}
            value={days}
            disabled={lifetime}
            onChange={(event) => setDays(event.target.value)}
          />
        </div>
        <label className="check" htmlFor={ids.lifetime}>
          <input id={ids.lifetime} type="checkbox" checked={lifetime} onChange={(event) => setLifetime(event.target.checked)} />
          Lifetime
        </label>
        <button type="submit" className="btn btn-primary" disabled={grant.isPending}>
          Grant
        </button>
      </form>
      {subscription ? (
        <div className="toolbar">
          {ACTIONS.filter((item) => item.from.includes(subscription.status)).map((item) => (
            <button
              key={item.action}
              type="button"
              className={item.danger ? 'btn btn-danger' : 'btn'}
              disabled={transition.isPending}
              onClick={() => {
                setNotice('');
                grant.reset();
                transition.mutate(item.action);
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
      {notice ? (
        <p role="status" className="ok" data-testid="subscription-notice">
          {notice}
        </p>
      ) : null}
      <FormError error={grant.error ?? transition.error} />
    </section>
  );
}
