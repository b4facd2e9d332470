import { Link, useNavigate } from 'react-router';
import { Time } from '../../components/Display';
import { EmptyState, ErrorState, Skeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { BacktestForm } from './BacktestForm';
import { BacktestGate } from './BacktestGate';
import { BacktestLink, BacktestState } from './bits';
import { type Backtest, useBacktests } from './queries';
import { daysText, isActive } from './rules';
import './backtests.css';

function BacktestTable({ backtests }: { backtests: readonly Backtest[] }) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="backtests-table">
        <thead>
          <tr>
            <th scope="col">Backtest</th>
            <th scope="col">Symbol</th>
            <th scope="col">Range (UTC)</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {backtests.map((backtest) => (
            <tr key={backtest.id} data-testid={`backtest-row-${backtest.id}`}>
              <td>
                <BacktestLink backtest={backtest} />
              </td>
              <td>{backtest.symbol}</td>
              <td className="small">
                <Time ms={backtest.start} /> · {daysText(backtest.end - backtest.start)}
              </td>
              <td className="bt-state-cell">
                <BacktestState backtest={backtest} />
              </td>
              <td>
                <Time ms={backtest.created_at} relative />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Backtests() {
  const backtests = useBacktests();
  const navigate = useNavigate();
  const rows = backtests.data ?? [];
  const busy = rows.some((backtest) => isActive(backtest.status));
  return (
    <div className="page backtests">
      <div className="page-head">
        <h1>Backtests</h1>
      </div>
      <BacktestForm busy={busy} onCreated={(id) => void navigate(`/backtests/${id}`)} />
      <section className="panel" aria-labelledby="backtests-title">
        <h2 id="backtests-title">Your backtests</h2>
        {backtests.isPending ? (
          <Skeleton rows={3} label="Loading backtests" />
        ) : backtests.isError ? (
          <ErrorState error={backtests.error} onRetry={() => void backtests.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="No backtests yet">
            Run one above: a replay of a symbol's stored history with the live signal code. Compare with the live{' '}
            <Link to="/performance">performance</Link>.
          </EmptyState>
        ) : (
          <BacktestTable backtests={rows} />
        )}
        <p className="muted small">The 20 newest finished backtests are kept, none older than 90 days; 20 may be started a day.</p>
      </section>
    </div>
  );
}

/** /backtests: the user's backtests with their progress, and a new one. */
export default function BacktestsPage() {
  useDocumentTitle('Backtests');
  return <BacktestGate>{() => <Backtests />}</BacktestGate>;
}
