import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { metaCursor } from '../../api/client';
import { useSymbols } from '../../api/queries';
import { FilterSelect, toOptions } from '../../components/FilterSelect';
import { Pager } from '../../components/Pager';
import { EmptyState, ErrorState, FormError, PageSkeleton, Skeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFilters } from '../../hooks/useFilters';
import { ConfirmButton } from '../developers/ConfirmButton';
import { Money, Result } from './bits';
import { EquityChart } from './EquityChart';
import { useTags } from './journalQueries';
import { PortfolioForm } from './PortfolioForm';
import { PortfolioGate } from './PortfolioGate';
import {
  type Portfolio,
  TRADE_STATUSES,
  type TradeQuery,
  useCreateTrade,
  useDeletePortfolio,
  usePortfolio,
  useTrades,
  useUpdatePortfolio,
} from './queries';
import { exportCsvHref } from './reportQueries';
import { tradeQueryOf } from './rules';
import { StatsCards } from './StatsCards';
import { TradeForm } from './TradeForm';
import { TradesTable } from './TradesTable';
import './portfolio.css';

const FILTERS = ['status', 'symbol', 'direction', 'tag'] as const;

function Summary({ portfolio }: { portfolio: Portfolio }) {
  return (
    <div className="stats" data-testid="portfolio-summary">
      <div className="stat">
        <div className="stat-label">Balance</div>
        <div className="stat-value" data-testid="portfolio-balance">
          <Money value={portfolio.balance} currency={portfolio.currency} />
        </div>
        <div className="muted small">
          from <Money value={portfolio.initial_balance} />
        </div>
      </div>
      <div className="stat">
        <div className="stat-label">Total PnL</div>
        <div className="stat-value" data-testid="portfolio-pnl">
          <Result value={portfolio.total_pnl} />
        </div>
        <div className="small">
          <Result value={portfolio.total_pnl_pct} kind="pct" />
        </div>
      </div>
      <div className="stat">
        <div className="stat-label">Pending</div>
        <div className="stat-value num">{portfolio.pending_trades}</div>
      </div>
      <div className="stat">
        <div className="stat-label">Open</div>
        <div className="stat-value num">{portfolio.open_trades}</div>
      </div>
    </div>
  );
}

type Filters = ReturnType<typeof useFilters<(typeof FILTERS)[number]>>;

function Trades({ portfolio, filters }: { portfolio: Portfolio; filters: Filters }) {
  const navigate = useNavigate();
  const { values, cursor, setFilter, setCursor, clear } = filters;
  const query: TradeQuery = useMemo(() => ({ ...tradeQueryOf(values), ...(cursor ? { cursor } : {}) }), [values, cursor]);
  const trades = useTrades(portfolio.id, query);
  const symbols = useSymbols();
  const tags = useTags();
  const [adding, setAdding] = useState(false);
  const create = useCreateTrade(portfolio.id, (trade) => void navigate(`/trades/${trade.id}`));
  const filtered = Object.values(values).some(Boolean);
  const rows = trades.data?.data ?? [];
  return (
    <>
      {adding ? (
        <TradeForm
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) => create.mutate(body)}
          onCancel={() => {
            setAdding(false);
            create.reset();
          }}
        />
      ) : null}
      <section className="panel" aria-labelledby="trades-title">
        <div className="panel-head">
          <h2 id="trades-title">Trades</h2>
          {!adding ? (
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
              New trade
            </button>
          ) : null}
        </div>
        <div className="filters" role="search" aria-label="Filter trades">
          <FilterSelect label="Status" value={values.status} options={toOptions(TRADE_STATUSES)} onChange={(v) => setFilter('status', v)} />
          <FilterSelect
            label="Symbol"
            value={values.symbol}
            options={toOptions((symbols.data ?? []).map((symbol) => symbol.symbol))}
            onChange={(v) => setFilter('symbol', v)}
          />
          <FilterSelect
            label="Direction"
            value={values.direction}
            options={toOptions(['long', 'short'])}
            onChange={(v) => setFilter('direction', v)}
          />
          <FilterSelect
            label="Tag"
            value={values.tag}
            options={(tags.data ?? []).map((tag) => ({ value: String(tag.id), label: tag.name }))}
            onChange={(v) => setFilter('tag', v)}
          />
          {filtered ? (
            <button type="button" className="btn btn-ghost" onClick={clear}>
              Clear filters
            </button>
          ) : null}
        </div>
        {trades.isPending ? (
          <Skeleton rows={4} label="Loading trades" />
        ) : trades.isError ? (
          <ErrorState error={trades.error} onRetry={() => void trades.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title={filtered ? 'No trades match these filters' : 'No trades yet'}>
            {filtered ? null : (
              <>
                Add one, or journal a <Link to="/signals">signal</Link>.
              </>
            )}
          </EmptyState>
        ) : (
          <>
            <TradesTable trades={rows} />
            <Pager
              cursor={cursor}
              nextCursor={trades.data ? metaCursor(trades.data.meta) : null}
              count={rows.length}
              onFirst={() => setCursor(null)}
              onNext={(next) => setCursor(next)}
            />
          </>
        )}
      </section>
    </>
  );
}

function Manage({ portfolio }: { portfolio: Portfolio }) {
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const update = useUpdatePortfolio(portfolio.id, () => setEditing(false));
  const remove = useDeletePortfolio(portfolio.id, () => void navigate('/portfolios'));
  if (editing) {
    return (
      <PortfolioForm
        portfolio={portfolio}
        pending={update.isPending}
        error={update.error}
        onSubmit={(body) => update.mutate(body)}
        onCancel={() => {
          setEditing(false);
          update.reset();
        }}
      />
    );
  }
  return (
    <div className="toolbar">
      <button type="button" className="btn" onClick={() => setEditing(true)}>
        Edit
      </button>
      <ConfirmButton
        label="Delete portfolio"
        confirm="Delete it and its trades?"
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
      <FormError error={remove.error} />
    </div>
  );
}

function PortfolioView({ id }: { id: number }) {
  const portfolio = usePortfolio(id);
  const filters = useFilters(FILTERS);
  const { status: _status, ...statsFilters } = useMemo(() => tradeQueryOf(filters.values), [filters.values]);
  useDocumentTitle(portfolio.data ? portfolio.data.name : 'Portfolio');
  if (portfolio.isPending) return <PageSkeleton />;
  if (portfolio.isError) {
    return (
      <div className="page">
        <h1>Portfolio</h1>
        <ErrorState error={portfolio.error} onRetry={() => void portfolio.refetch()} />
        <p>
          <Link to="/portfolios">All portfolios</Link>
        </p>
      </div>
    );
  }
  const data = portfolio.data;
  return (
    <div className="page portfolio">
      <div className="page-head">
        <h1>
          {data.name} <span className="muted small">{data.currency}</span>
        </h1>
        <Manage portfolio={data} />
      </div>
      {data.description ? <p className="muted portfolio-description">{data.description}</p> : null}
      <p className="small">
        <Link to="/portfolios">All portfolios</Link>
      </p>
      <Summary portfolio={data} />
      <div className="portfolio-tools">
        <a className="btn" href={exportCsvHref(data.id)} download data-testid="export-csv">
          Download CSV
        </a>
        <span className="muted small">every trade of this portfolio, for a spreadsheet</span>
      </div>
      <StatsCards portfolioId={data.id} query={statsFilters} currency={data.currency} />
      <EquityChart portfolioId={data.id} />
      <Trades portfolio={data} filters={filters} />
    </div>
  );
}

/** /portfolios/:id: balance and results, the trades (filtered), a new trade. */
export default function PortfolioPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id < 1) return <EmptyState title="No such portfolio" />;
  return <PortfolioGate>{() => <PortfolioView id={id} />}</PortfolioGate>;
}
