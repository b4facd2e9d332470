import { Link } from 'react-router';
import { useSignal } from '../../api/queries';
import { Price, StatusBadge } from '../../components/Display';
import { ResultR } from '../../components/SignalResult';
import { ErrorState, Skeleton } from '../../components/States';
import { Result } from './bits';
import type { Trade } from './queries';

/** A trade made from a signal: the signal's own outcome beside the trade's, so the journal
 * shows where the execution differed from the plan. */
export function TradeSignal({ trade }: { trade: Trade & { signal_id: number } }) {
  const signal = useSignal(trade.signal_id);
  return (
    <section className="panel" aria-labelledby="trade-signal-title" data-testid="trade-signal">
      <h2 id="trade-signal-title">
        From <Link to={`/signals/${trade.signal_id}`}>signal #{trade.signal_id}</Link>
      </h2>
      {signal.isPending ? (
        <Skeleton rows={3} label="Loading the signal" />
      ) : signal.isError ? (
        <ErrorState error={signal.error} title="Could not load the signal" />
      ) : (
        <dl className="facts side-by-side">
          <dt>Status</dt>
          <dd>
            <StatusBadge status={signal.data.status} /> <span className="muted small">this trade:</span>{' '}
            <StatusBadge status={trade.status} />
          </dd>
          <dt>Entry</dt>
          <dd>
            <Price value={signal.data.entry} symbol={signal.data.symbol} />
          </dd>
          <dt>Stop</dt>
          <dd>
            <Price value={signal.data.stop_loss} symbol={signal.data.symbol} />
          </dd>
          <dt>Targets</dt>
          <dd>
            <Price value={signal.data.take_profit_1} symbol={signal.data.symbol} /> /{' '}
            <Price value={signal.data.take_profit_2} symbol={signal.data.symbol} /> /{' '}
            <Price value={signal.data.take_profit_3} symbol={signal.data.symbol} />
          </dd>
          <dt>Signal's outcome</dt>
          <dd data-testid="signal-outcome">
            <ResultR signal={signal.data} />
          </dd>
          <dt>This trade</dt>
          <dd>
            <Result value={trade.r_multiple} kind="r" />
          </dd>
        </dl>
      )}
    </section>
  );
}
