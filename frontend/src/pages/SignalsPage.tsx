import { Link } from 'react-router';
import { metaCursor } from '../api/client';
import { useSignals, useSymbols } from '../api/queries';
import { isOneOf, SIGNAL_DIRECTIONS, SIGNAL_STATUSES, type SignalQuery } from '../api/types';
import { DirectionBadge, Price, StatusBadge, Strength, Time, TypeTag } from '../components/Display';
import { FilterSelect, toOptions } from '../components/FilterSelect';
import { Pager } from '../components/Pager';
import { LastPrice, OpenR, ResultR } from '../components/SignalResult';
import { EmptyState, ErrorState, Skeleton } from '../components/States';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFilters } from '../hooks/useFilters';
import { signalRowKey } from '../lib/liveCache';
import { ChangedTr } from '../live/Changed';

const FILTERS = ['symbol', 'direction', 'status'] as const;

export function SignalsPage() {
  useDocumentTitle('Signals');
  const { values, cursor, setFilter, setCursor, clear } = useFilters(FILTERS);
  const symbols = useSymbols();
  const query: SignalQuery = { limit: 50 };
  if (values.symbol) query.symbol = values.symbol;
  if (isOneOf(SIGNAL_DIRECTIONS, values.direction)) query.direction = values.direction;
  if (isOneOf(SIGNAL_STATUSES, values.status)) query.status = values.status;
  if (cursor) query.cursor = cursor;
  const signals = useSignals(query);
  const symbolOptions = (symbols.data ?? []).map((symbol) => ({ value: symbol.url_symbol, label: symbol.symbol }));
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>Signals</h1>
      </div>
      <form className="filters" aria-label="Filter signals" onSubmit={(event) => event.preventDefault()}>
        <FilterSelect label="Symbol" value={values.symbol} options={symbolOptions} onChange={(value) => setFilter('symbol', value)} />
        <FilterSelect
          label="Direction"
          value={values.direction}
          options={toOptions(SIGNAL_DIRECTIONS)}
          onChange={(value) => setFilter('direction', value)}
        />
        <FilterSelect
          label="Status"
          value={values.status}
          options={toOptions(SIGNAL_STATUSES)}
          onChange={(value) => setFilter('status', value)}
        />
        <button type="button" className="btn btn-ghost" onClick={clear}>
          Reset
        </button>
      </form>
      {signals.isPending ? (
        <Skeleton rows={12} label="Loading signals" />
      ) : signals.isError ? (
        <ErrorState error={signals.error} onRetry={() => void signals.refetch()} />
      ) : signals.data.data.length === 0 ? (
        <EmptyState title="No signals match">Signals appear when patterns agree on two or more timeframes.</EmptyState>
      ) : (
        <>
          <div className="table-scroll">
            <table className="table dense" data-testid="signals-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Symbol</th>
                  <th scope="col">Direction</th>
                  <th scope="col">Setup</th>
                  <th scope="col" className="right">
                    Entry
                  </th>
                  <th scope="col" className="right">
                    Stop
                  </th>
                  <th scope="col" className="right">
                    TP1
                  </th>
                  <th scope="col" className="right">
                    TP2
                  </th>
                  <th scope="col" className="right">
                    TP3
                  </th>
                  <th scope="col" className="right">
                    Price
                  </th>
                  <th scope="col" className="right">
                    <abbr title="The current price in R from the entry, while the signal is in the market">Open R</abbr>
                  </th>
                  <th scope="col">Strength</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="right">
                    <abbr title="Final: the outcome in R. Open at tp1 / tp2: the R secured by the stop (at the entry after tp1).">
                      Result
                    </abbr>
                  </th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {signals.data.data.map((signal) => (
                  <ChangedTr key={signal.id} changeKey={signalRowKey(signal.id)}>
                    <td>
                      <Link to={`/signals/${signal.id}`}>{signal.id}</Link>
                    </td>
                    <td>{signal.symbol}</td>
                    <td>
                      <DirectionBadge direction={signal.direction} />
                    </td>
                    <td>
                      <TypeTag type={signal.anchor_type} /> {signal.anchor_timeframe} · {signal.confluence} TF
                    </td>
                    <td className="right">
                      <Price value={signal.entry} symbol={signal.symbol} />
                    </td>
                    <td className="right">
                      <Price value={signal.stop_loss} symbol={signal.symbol} />
                    </td>
                    <td className="right">
                      <Price value={signal.take_profit_1} symbol={signal.symbol} />
                    </td>
                    <td className="right">
                      <Price value={signal.take_profit_2} symbol={signal.symbol} />
                    </td>
                    <td className="right">
                      <Price value={signal.take_profit_3} symbol={signal.symbol} />
                    </td>
                    <td className="right">
                      <LastPrice symbol={signal.symbol} />
                    </td>
                    <td className="right">
                      <OpenR signal={signal} />
                    </td>
                    <td>
                      <Strength value={signal.strength} />
                    </td>
                    <td>
                      <StatusBadge status={signal.status} />
                    </td>
                    <td className="right">
                      <ResultR signal={signal} />
                    </td>
                    <td>
                      <Time ms={signal.created_at} />
                    </td>
                  </ChangedTr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            cursor={cursor}
            nextCursor={metaCursor(signals.data.meta)}
            count={signals.data.data.length}
            onFirst={() => setCursor(null)}
            onNext={(next) => setCursor(next)}
          />
        </>
      )}
    </div>
  );
}
