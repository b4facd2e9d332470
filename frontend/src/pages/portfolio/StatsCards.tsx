import type { ReactNode } from 'react';
import { ErrorState, Skeleton } from '../../components/States';
import { Money, Result } from './bits';
import { groupDecimal, ratioToPercent } from './decimals';
import { type GroupStats, type StatsQuery, usePortfolioStats } from './reportQueries';

function Card({ label, children, note, testId }: { label: string; children: ReactNode; note?: ReactNode; testId?: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{children}</div>
      {note ? <div className="muted small">{note}</div> : null}
    </div>
  );
}

function percent(ratio: string | null): string {
  const value = ratioToPercent(ratio);
  return value === null ? '—' : `${groupDecimal(value)} %`;
}

function GroupTable({ title, groups }: { title: string; groups: Record<string, GroupStats> }) {
  const rows = Object.entries(groups);
  if (!rows.length) return null;
  return (
    <div className="table-scroll">
      <h3 className="stats-caption">{title}</h3>
      <table className="table dense" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">{title.replace(/^By /, '')}</th>
            <th scope="col" className="right">
              Trades
            </th>
            <th scope="col" className="right">
              Win rate
            </th>
            <th scope="col" className="right">
              PnL
            </th>
            <th scope="col" className="right">
              Avg R
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, group]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td className="right num">
                {group.trades}{' '}
                <span className="muted small">
                  ({group.wins} W / {group.losses} L)
                </span>
              </td>
              <td className="right num">{percent(group.win_rate)}</td>
              <td className="right">
                <Result value={group.total_pnl} />
              </td>
              <td className="right">
                <Result value={group.expectancy_r} kind="r" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The portfolio's statistics over its closed trades, each with its sample: a rate of 2
 * trades is not a rate of 200. A figure with a zero denominator shows as a dash. */
export function StatsCards({ portfolioId, query, currency }: { portfolioId: number; query: StatsQuery; currency: string }) {
  const stats = usePortfolioStats(portfolioId, query);
  return (
    <section className="panel" aria-labelledby="stats-title" data-testid="portfolio-stats">
      <h2 id="stats-title">Statistics</h2>
      {stats.isPending ? (
        <Skeleton rows={3} label="Loading statistics" />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <div className="stats">
            <Card
              label="Closed trades"
              testId="stat-closed"
              note={`${stats.data.wins} won · ${stats.data.losses} lost · ${stats.data.breakeven} even`}
            >
              <span className="num">{stats.data.closed}</span>
            </Card>
            <Card label="Win rate" testId="stat-win-rate" note="wins / (wins + losses)">
              <span className="num">{percent(stats.data.win_rate)}</span>
            </Card>
            <Card label="Profit factor" note="gross profit / gross loss">
              <span className="num">{stats.data.profit_factor ?? '—'}</span>
            </Card>
            <Card label="Expectancy" note={<Result value={stats.data.expectancy_r} kind="r" />}>
              <Result value={stats.data.expectancy} />
            </Card>
            <Card label="Avg win / loss" note={`over ${stats.data.wins} / ${stats.data.losses}`}>
              <span className="small">
                <Money value={stats.data.avg_win} /> / <Money value={stats.data.avg_loss} />
              </span>
            </Card>
            <Card
              label="Max drawdown"
              testId="stat-drawdown"
              note={stats.data.max_drawdown_pct === null ? null : `${groupDecimal(stats.data.max_drawdown_pct)} % of its peak`}
            >
              <Money value={stats.data.max_drawdown} currency={currency} />
            </Card>
          </div>
          <div className="grid-2 stats-groups">
            <GroupTable title="By setup" groups={stats.data.by_setup} />
            <GroupTable title="By symbol" groups={stats.data.by_symbol} />
          </div>
        </>
      )}
    </section>
  );
}
