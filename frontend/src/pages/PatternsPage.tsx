import { Link } from 'react-router';
import { metaCursor } from '../api/client';
import { usePatterns, useSymbols } from '../api/queries';
import { DIRECTIONS, isOneOf, PATTERN_STATUSES, PATTERN_TYPES, type PatternQuery } from '../api/types';
import { DirectionBadge, Price, StatusBadge, Strength, Time, TypeTag } from '../components/Display';
import { FilterSelect, toOptions } from '../components/FilterSelect';
import { Pager } from '../components/Pager';
import { EmptyState, ErrorState, Skeleton } from '../components/States';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFilters } from '../hooks/useFilters';
import { patternTypeName, symbolToUrl } from '../lib/format';
import { DEFAULT_TIMEFRAMES } from '../lib/matrix';

const FILTERS = ['symbol', 'timeframe', 'type', 'direction', 'status'] as const;
const PAGE_SIZE = 50;

export function PatternsPage() {
  useDocumentTitle('Patterns');
  const { values, cursor, setFilter, setCursor, clear } = useFilters(FILTERS);
  const symbols = useSymbols();
  const query: PatternQuery = { limit: PAGE_SIZE };
  if (values.symbol) query.symbol = values.symbol;
  if (values.timeframe) query.timeframe = values.timeframe;
  if (isOneOf(PATTERN_TYPES, values.type)) query.type = values.type;
  if (isOneOf(DIRECTIONS, values.direction)) query.direction = values.direction;
  if (isOneOf(PATTERN_STATUSES, values.status)) query.status = values.status;
  if (cursor) query.cursor = cursor;
  const patterns = usePatterns(query);
  const symbolOptions = (symbols.data ?? []).map((symbol) => ({ value: symbol.url_symbol, label: symbol.symbol }));

  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>Patterns</h1>
      </div>
      <form className="filters" aria-label="Filter patterns" onSubmit={(event) => event.preventDefault()}>
        <FilterSelect label="Symbol" value={values.symbol} options={symbolOptions} onChange={(value) => setFilter('symbol', value)} />
        <FilterSelect
          label="Timeframe"
          value={values.timeframe}
          options={toOptions(DEFAULT_TIMEFRAMES)}
          onChange={(value) => setFilter('timeframe', value)}
        />
        <FilterSelect
          label="Type"
          value={values.type}
          options={toOptions(PATTERN_TYPES, patternTypeName)}
          onChange={(value) => setFilter('type', value)}
        />
        <FilterSelect
          label="Direction"
          value={values.direction}
          options={toOptions(DIRECTIONS)}
          onChange={(value) => setFilter('direction', value)}
        />
        <FilterSelect
          label="Status"
          value={values.status}
          options={toOptions(PATTERN_STATUSES)}
          onChange={(value) => setFilter('status', value)}
        />
        <button type="button" className="btn btn-ghost" onClick={clear}>
          Reset
        </button>
      </form>
      {patterns.isPending ? (
        <Skeleton rows={12} label="Loading patterns" />
      ) : patterns.isError ? (
        <ErrorState error={patterns.error} onRetry={() => void patterns.refetch()} />
      ) : patterns.data.data.length === 0 ? (
        <EmptyState title="No patterns match">Try other filters, or wait for the next scan.</EmptyState>
      ) : (
        <>
          <div className={`table-scroll ${patterns.isPlaceholderData ? 'loading' : ''}`}>
            <table className="table dense" data-testid="patterns-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Symbol</th>
                  <th scope="col">TF</th>
                  <th scope="col">Type</th>
                  <th scope="col">Direction</th>
                  <th scope="col" className="right">
                    Zone low
                  </th>
                  <th scope="col" className="right">
                    Zone high
                  </th>
                  <th scope="col">Strength</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="right">
                    Fill
                  </th>
                  <th scope="col">Formed</th>
                </tr>
              </thead>
              <tbody>
                {patterns.data.data.map((pattern) => (
                  <tr key={pattern.id}>
                    <td>
                      <Link to={`/patterns/${pattern.id}`}>{pattern.id}</Link>
                    </td>
                    <td>
                      <Link to={`/chart/${symbolToUrl(pattern.symbol)}?tf=${pattern.timeframe}&pattern=${pattern.id}`}>
                        {pattern.symbol}
                      </Link>
                    </td>
                    <td>{pattern.timeframe}</td>
                    <td>
                      <TypeTag type={pattern.type} />
                    </td>
                    <td>
                      <DirectionBadge direction={pattern.direction} />
                    </td>
                    <td className="right">
                      <Price value={pattern.zone_low} symbol={pattern.symbol} />
                    </td>
                    <td className="right">
                      <Price value={pattern.zone_high} symbol={pattern.symbol} />
                    </td>
                    <td>
                      <Strength value={pattern.strength} />
                    </td>
                    <td>
                      <StatusBadge status={pattern.status} />
                    </td>
                    <td className="right num">{Math.round(pattern.fill_pct)} %</td>
                    <td>
                      <Time ms={pattern.formed_at} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            cursor={cursor}
            nextCursor={metaCursor(patterns.data.meta)}
            count={patterns.data.data.length}
            onFirst={() => setCursor(null)}
            onNext={(next) => setCursor(next)}
          />
        </>
      )}
    </div>
  );
}
