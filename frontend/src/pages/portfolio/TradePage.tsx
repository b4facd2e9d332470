import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DirectionBadge, StatusBadge, Time, TypeTag } from '../../components/Display';
import { EmptyState, ErrorState, FormError, PageSkeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { ConfirmButton } from '../developers/ConfirmButton';
import { ActionError, Money, Result } from './bits';
import { JournalEntries } from './JournalEntries';
import { PortfolioGate } from './PortfolioGate';
import { type Trade, useDeleteTrade, useTrade, useUpdateTrade } from './queries';
import { MAX_NOTES } from './rules';
import { TradeActions } from './TradeActions';
import { TradeSignal } from './TradeSignal';
import { TradeTags } from './TradeTags';
import './portfolio.css';

function Levels({ trade }: { trade: Trade }) {
  return (
    <section className="panel" aria-labelledby="trade-levels-title">
      <h2 id="trade-levels-title">Levels</h2>
      <dl className="facts" data-testid="trade-levels">
        <dt>Entry</dt>
        <dd>
          <Money value={trade.entry_price} />
        </dd>
        <dt>Quantity</dt>
        <dd>
          <Money value={trade.quantity} />
        </dd>
        <dt>Stop loss</dt>
        <dd>
          <Money value={trade.stop_loss} />
          {trade.initial_stop_loss && trade.initial_stop_loss !== trade.stop_loss ? (
            <span className="muted small"> (initial {trade.initial_stop_loss})</span>
          ) : null}
        </dd>
        <dt>Take profit</dt>
        <dd>
          <Money value={trade.take_profit} />
        </dd>
        <dt>Exit</dt>
        <dd>
          <Money value={trade.exit_price} />
        </dd>
        <dt>Fees</dt>
        <dd>
          <Money value={trade.fees} />
        </dd>
        <dt>Entered</dt>
        <dd>
          <Time ms={trade.entry_time} />
        </dd>
        <dt>Exited</dt>
        <dd>
          <Time ms={trade.exit_time} />
        </dd>
        {trade.pattern_type || trade.timeframe ? (
          <>
            <dt>Setup</dt>
            <dd>
              {trade.pattern_type ? <TypeTag type={trade.pattern_type} /> : null} {trade.timeframe}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Outcome({ trade }: { trade: Trade }) {
  return (
    <div className="stats" data-testid="trade-result">
      <div className="stat">
        <div className="stat-label">PnL</div>
        <div className="stat-value" data-testid="trade-pnl">
          <Result value={trade.pnl} />
        </div>
      </div>
      <div className="stat">
        <div className="stat-label">PnL %</div>
        <div className="stat-value">
          <Result value={trade.pnl_pct} kind="pct" />
        </div>
      </div>
      <div className="stat">
        <div className="stat-label">R multiple</div>
        <div className="stat-value">
          <Result value={trade.r_multiple} kind="r" />
        </div>
        {trade.status === 'closed' && trade.r_multiple === null ? <div className="muted small">no initial stop, no R</div> : null}
      </div>
    </div>
  );
}

const NOTE_FIELDS = [
  ['setup_notes', 'Setup notes'],
  ['exit_notes', 'Exit notes'],
  ['lessons', 'Lessons'],
] as const;
type NoteField = (typeof NOTE_FIELDS)[number][0];

/** The trade's three notes, plain text (never rendered as HTML), saved together. */
function Notes({ trade }: { trade: Trade }) {
  const id = useId();
  const [notes, setNotes] = useState<Record<NoteField, string>>({
    setup_notes: trade.setup_notes ?? '',
    exit_notes: trade.exit_notes ?? '',
    lessons: trade.lessons ?? '',
  });
  const [saved, setSaved] = useState(false);
  const update = useUpdateTrade(trade.id, () => setSaved(true));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate({
      setup_notes: notes.setup_notes || null,
      exit_notes: notes.exit_notes || null,
      lessons: notes.lessons || null,
    });
  };
  return (
    <form className="form panel" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>Notes</h2>
      {NOTE_FIELDS.map(([field, label]) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{label}</label>
          <textarea
            id={`${id}-${field}`}
            rows={2}
            maxLength={MAX_NOTES}
            value={notes[field]}
            onChange={(event) => {
              setSaved(false);
              setNotes({ ...notes, [field]: event.target.value });
            }}
          />
        </div>
      ))}
      <ActionError error={update.error} />
      <div className="form-actions">
        <button type="submit" className="btn" disabled={update.isPending}>
          Save notes
        </button>
        {saved ? <span className="ok">Saved</span> : null}
      </div>
    </form>
  );
}

function TradeView({ id }: { id: number }) {
  const trade = useTrade(id);
  const navigate = useNavigate();
  const remove = useDeleteTrade(id, () => void navigate(trade.data ? `/portfolios/${trade.data.portfolio_id}` : '/portfolios'));
  useDocumentTitle(trade.data ? `Trade #${trade.data.id} ${trade.data.symbol}` : 'Trade');
  if (trade.isPending) return <PageSkeleton />;
  if (trade.isError) {
    return (
      <div className="page">
        <h1>Trade #{id}</h1>
        <ErrorState error={trade.error} onRetry={() => void trade.refetch()} />
      </div>
    );
  }
  const data = trade.data;
  return (
    <div className="page trade">
      <div className="page-head">
        <h1>
          <DirectionBadge direction={data.direction} /> {data.symbol} <span className="muted">#{data.id}</span>
        </h1>
        <span data-testid="trade-status">
          <StatusBadge status={data.status} />
        </span>
        <div className="toolbar">
          <Link className="btn" to={`/portfolios/${data.portfolio_id}`}>
            Portfolio
          </Link>
          <ConfirmButton label="Delete trade" confirm="Delete it for good?" pending={remove.isPending} onConfirm={() => remove.mutate()} />
        </div>
      </div>
      <FormError error={remove.error} />
      <Outcome trade={data} />
      <TradeActions key={`actions-${data.id}-${data.status}`} trade={data} />
      <div className="grid-2">
        <Levels trade={data} />
        {data.signal_id !== null ? <TradeSignal trade={{ ...data, signal_id: data.signal_id }} /> : null}
      </div>
      <TradeTags trade={data} />
      <JournalEntries tradeId={data.id} status={data.status} />
      <Notes key={`notes-${data.id}-${data.status}`} trade={data} />
    </div>
  );
}

/** /trades/:id: a trade's levels and result, what its state allows, its signal beside it. */
export default function TradePage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id < 1) return <EmptyState title="No such trade" />;
  return <PortfolioGate>{() => <TradeView id={id} />}</PortfolioGate>;
}
