import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../api/types';
import { Time } from '../../components/Display';
import { EmptyState, ErrorState, Skeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { Money, Result } from './bits';
import { PortfolioForm } from './PortfolioForm';
import { PortfolioGate } from './PortfolioGate';
import { type Portfolio, useCreatePortfolio, usePortfolios } from './queries';
import { canAddPortfolio } from './rules';
import { TagsPanel } from './TagsPanel';
import './portfolio.css';

function PortfolioTable({ portfolios }: { portfolios: readonly Portfolio[] }) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="portfolios-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="right">
              Balance
            </th>
            <th scope="col" className="right">
              Total PnL
            </th>
            <th scope="col" className="right">
              Pending
            </th>
            <th scope="col" className="right">
              Open
            </th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {portfolios.map((portfolio) => (
            <tr key={portfolio.id}>
              <td className="ellipsis">
                <Link to={`/portfolios/${portfolio.id}`}>{portfolio.name}</Link>
              </td>
              <td className="right">
                <Money value={portfolio.balance} currency={portfolio.currency} />
              </td>
              <td className="right">
                <Result value={portfolio.total_pnl} /> <Result value={portfolio.total_pnl_pct} kind="pct" />
              </td>
              <td className="right num">{portfolio.pending_trades}</td>
              <td className="right num">{portfolio.open_trades}</td>
              <td>
                <Time ms={portfolio.created_at} relative />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Portfolios({ me }: { me: Me }) {
  const portfolios = usePortfolios();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const create = useCreatePortfolio((portfolio) => void navigate(`/portfolios/${portfolio.id}`));
  const rows = portfolios.data ?? [];
  const room = canAddPortfolio(me, rows.length);
  return (
    <div className="page portfolios">
      <div className="page-head">
        <h1>Portfolios</h1>
        {!creating && room ? (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            New portfolio
          </button>
        ) : null}
      </div>
      {creating ? (
        <PortfolioForm
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) => create.mutate(body)}
          onCancel={() => {
            setCreating(false);
            create.reset();
          }}
        />
      ) : null}
      <section className="panel" aria-labelledby="portfolios-title">
        <h2 id="portfolios-title">Your portfolios</h2>
        {portfolios.isPending ? (
          <Skeleton rows={3} label="Loading portfolios" />
        ) : portfolios.isError ? (
          <ErrorState error={portfolios.error} onRetry={() => void portfolios.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="No portfolios yet">
            Create one, or press <strong>Journal this</strong> on a <Link to="/signals">signal</Link>: a default portfolio is made for it.
          </EmptyState>
        ) : (
          <PortfolioTable portfolios={rows} />
        )}
        {!room ? (
          <p className="muted small">
            Your {me.tier} plan keeps {me.limits.portfolios} portfolio{me.limits.portfolios === 1 ? '' : 's'};{' '}
            <Link to="/billing?plan=premium">premium</Link> has no limit.
          </p>
        ) : null}
      </section>
      <TagsPanel />
    </div>
  );
}

/** /portfolios: the user's portfolios with their balances, and a new one. */
export default function PortfoliosPage() {
  useDocumentTitle('Portfolios');
  return <PortfolioGate>{(me) => <Portfolios me={me} />}</PortfolioGate>;
}
