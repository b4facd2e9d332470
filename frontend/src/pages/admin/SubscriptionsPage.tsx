import { Link } from 'react-router';
import { PLANS, SUBSCRIPTION_STATUSES, type SubscriptionQuery, useAdminSubscriptions } from '../../api/admin';
import { isOneOf } from '../../api/types';
import { BoolFilter, FilterBar, SearchFilter } from '../../components/admin/filters';
import { ListView } from '../../components/admin/ListView';
import { StatusBadge, Time } from '../../components/Display';
import { FilterSelect, toOptions } from '../../components/FilterSelect';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFilters } from '../../hooks/useFilters';
import { boolParam, intParam } from '../../lib/admin';

const FILTERS = ['status', 'plan', 'in_grace', 'lifetime', 'expiring_within_days', 'user_id'] as const;

export function SubscriptionsPage() {
  useDocumentTitle('Admin · Subscriptions');
  const { values, cursor, setFilter, setCursor, clear } = useFilters(FILTERS);
  const query: SubscriptionQuery = { limit: 50 };
  if (isOneOf(SUBSCRIPTION_STATUSES, values.status)) query.status = values.status;
  if (isOneOf(PLANS, values.plan)) query.plan = values.plan;
  const grace = boolParam(values.in_grace);
  if (grace !== undefined) query.in_grace = grace;
  const lifetime = boolParam(values.lifetime);
  if (lifetime !== undefined) query.lifetime = lifetime;
  const expiring = intParam(values.expiring_within_days);
  if (expiring !== undefined) query.expiring_within_days = Math.min(365, expiring);
  const user = intParam(values.user_id);
  if (user !== undefined) query.user_id = user;
  if (cursor) query.cursor = cursor;
  const subscriptions = useAdminSubscriptions(query);
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>Subscriptions</h1>
      </div>
      <FilterBar label="Filter subscriptions" onReset={clear}>
        <FilterSelect
          label="Status"
          value={values.status}
          options={toOptions(SUBSCRIPTION_STATUSES)}
          onChange={(value) => setFilter('status', value)}
        />
        <FilterSelect label="Plan" value={values.plan} options={toOptions(PLANS)} onChange={(value) => setFilter('plan', value)} />
        <BoolFilter label="In grace" value={values.in_grace} onChange={(value) => setFilter('in_grace', value)} />
        <BoolFilter label="Lifetime" value={values.lifetime} onChange={(value) => setFilter('lifetime', value)} />
        <SearchFilter
          label="Expiring within days"
          type="number"
          value={values.expiring_within_days}
          onChange={(value) => setFilter('expiring_within_days', value)}
        />
        <SearchFilter label="User id" type="number" value={values.user_id} onChange={(value) => setFilter('user_id', value)} />
      </FilterBar>
      <ListView query={subscriptions} cursor={cursor} onCursor={setCursor} label="subscriptions" emptyTitle="No subscriptions match">
        {(rows) => (
          <table className="table dense" data-testid="subscriptions-table">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Plan</th>
                <th scope="col">Status</th>
                <th scope="col">Tier now</th>
                <th scope="col">Expires</th>
                <th scope="col">Started</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((subscription) => (
                <tr key={subscription.user_id}>
                  <td>
                    <Link to={`/admin/users/${subscription.user_id}`}>{subscription.email ?? `user ${subscription.user_id}`}</Link>
                  </td>
                  <td>
                    <span className={`tier tier-${subscription.plan}`}>{subscription.plan}</span>{' '}
                    <span className="muted small">{subscription.plan_code}</span>
                  </td>
                  <td>
                    <StatusBadge status={subscription.status} />
                    {subscription.in_grace ? <span className="badge badge-warn">in grace</span> : null}
                  </td>
                  <td>
                    <span className={`tier tier-${subscription.tier}`}>{subscription.tier}</span>
                  </td>
                  <td>{subscription.lifetime ? 'lifetime' : <Time ms={subscription.expires_at} />}</td>
                  <td>
                    <Time ms={subscription.started_at} />
                  </td>
                  <td>
                    <Time ms={subscription.updated_at} relative />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListView>
    </div>
  );
}
