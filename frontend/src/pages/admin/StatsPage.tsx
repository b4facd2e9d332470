import { useState } from 'react';
import { type AdminStats, useAdminStats } from '../../api/admin';
import { BarList, ColumnChart } from '../../components/admin/ColumnChart';
import { FilterSelect } from '../../components/FilterSelect';
import { ErrorState, Skeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { compactNumber, formatMoney } from '../../lib/admin';
import { revenueRows } from '../../lib/adminPayments';

const DAY_OPTIONS = [7, 30, 90].map((value) => ({ value: String(value), label: `${value} days` }));
const MONTH_OPTIONS = [6, 12, 24, 36].map((value) => ({ value: String(value), label: `${value} months` }));

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="stat">
      <div className="stat-label">{label}</div>
      <div className="stat-value num">{value}</div>
    </div>
  );
}

/** Revenue per UTC month, newest first: completed payments, refunds apart, and the net. */
function RevenueTable({ revenue }: { revenue: AdminStats['revenue'] }) {
  const { rows, total } = revenueRows(revenue.months);
  const money = (value: number) => formatMoney(value, revenue.currency);
  return (
    <section className="panel" aria-labelledby="revenue-title">
      <h2 id="revenue-title">Revenue by month ({revenue.currency})</h2>
      <div className="table-scroll">
        <table className="table dense" data-testid="revenue-table">
          <thead>
            <tr>
              <th scope="col">Month (UTC)</th>
              <th scope="col">Completed</th>
              <th scope="col">Payments</th>
              <th scope="col">Refunded</th>
              <th scope="col">Refunds</th>
              <th scope="col">Net</th>
            </tr>
          </thead>
          <tbody>
            {[...rows, total].map((row) => (
              <tr key={row.month} className={row === total ? 'strong' : undefined}>
                <th scope="row">{row.month}</th>
                <td className="num">{money(row.completed)}</td>
                <td className="num">{row.completedCount}</td>
                <td className="num">{row.refunded ? money(-row.refunded) : money(0)}</td>
                <td className="num">{row.refundedCount}</td>
                <td className="num">{money(row.net)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Charts({ stats }: { stats: AdminStats }) {
  const { users, subscriptions, revenue, daily } = stats;
  const days = daily.map((day) => day.day.slice(5));
  const every = Math.max(1, Math.ceil(days.length / 15));
  return (
    <>
      <div className="stats">
        <Stat label="Users" value={users.total.all} />
        <Stat label="Active" value={users.active.all} />
        <Stat label="Verified" value={users.verified.all} />
        <Stat label="Admins" value={users.admins} />
        <Stat label="Paying now" value={subscriptions.conferring.all} />
        <Stat label="Lifetime" value={subscriptions.lifetime} />
        <Stat label="In grace" value={subscriptions.in_grace} />
        <Stat label="Expiring in 7 d" value={subscriptions.expiring_within_7_days} />
      </div>
      <div className="chart-grid">
        <BarList
          title="Users by tier (active users in brackets)"
          items={(['free', 'pro', 'premium'] as const).map((tier) => ({
            label: `${tier} (${users.active[tier]})`,
            value: users.total[tier],
            color: tier === 'free' ? 'var(--muted)' : tier === 'pro' ? 'var(--info)' : 'var(--warn)',
          }))}
        />
        <ColumnChart
          title={`Revenue by month (${revenue.currency}, completed payments; refunds apart)`}
          labels={revenue.months.map((month) => month.month)}
          series={[
            { name: 'completed', values: revenue.months.map((month) => Number(month.completed.amount)), color: 'var(--bull)' },
            { name: 'refunded', values: revenue.months.map((month) => Number(month.refunded.amount)), color: 'var(--bear)' },
          ]}
          format={(value) => (value >= 1000 ? `$${compactNumber(value)}` : formatMoney(value).replace(/\.00$/, ''))}
          integer={false}
          labelEvery={Math.max(1, Math.ceil(revenue.months.length / 12))}
        />
        <ColumnChart
          title="Signals created and patterns confirmed per day (UTC)"
          labels={days}
          series={[
            { name: 'signals', values: daily.map((day) => day.signals_created), color: 'var(--accent)' },
            { name: 'patterns', values: daily.map((day) => day.patterns_confirmed), color: 'var(--info)' },
          ]}
          labelEvery={every}
        />
        <ColumnChart
          title="Notification deliveries per day (UTC)"
          labels={days}
          stacked
          series={[
            { name: 'sent', values: daily.map((day) => day.deliveries_sent), color: 'var(--bull)' },
            { name: 'failed', values: daily.map((day) => day.deliveries_failed), color: 'var(--bear)' },
            { name: 'skipped', values: daily.map((day) => day.deliveries_skipped), color: 'var(--muted)' },
          ]}
          labelEvery={every}
        />
      </div>
      <RevenueTable revenue={revenue} />
    </>
  );
}

export function StatsPage() {
  useDocumentTitle('Admin · Stats');
  const [days, setDays] = useState('30');
  const [months, setMonths] = useState('12');
  const stats = useAdminStats(Number(days), Number(months));
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>Stats</h1>
        {stats.data ? <span className="muted small">cached up to 5 minutes</span> : null}
      </div>
      <form className="filters" aria-label="Stats range" onSubmit={(event) => event.preventDefault()}>
        <FilterSelect label="Days" value={days} options={DAY_OPTIONS} onChange={(value) => setDays(value || '30')} anyLabel="30 days" />
        <FilterSelect
          label="Months"
          value={months}
          options={MONTH_OPTIONS}
          onChange={(value) => setMonths(value || '12')}
          anyLabel="12 months"
        />
      </form>
      {stats.isPending ? (
        <Skeleton rows={10} label="Loading stats" />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <Charts stats={stats.data} />
      )}
    </div>
  );
}
