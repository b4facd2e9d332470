import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { type AdminSymbol, type SymbolQuery, useAdminSymbols } from '../../api/admin';
import { api, unwrapData } from '../../api/client';
import { BoolFilter, FilterBar, SearchFilter } from '../../components/admin/filters';
import { ListView } from '../../components/admin/ListView';
import { Toggle } from '../../components/admin/Toggle';
import { Time } from '../../components/Display';
import { FormError } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFilters } from '../../hooks/useFilters';
import { boolParam, coveragePct, coverageTone } from '../../lib/admin';
import { formatDateTime, sortTimeframes } from '../../lib/format';
import { useAdminAction } from './useAdminAction';

const FILTERS = ['is_active', 'q'] as const;

function CoverageBars({ symbol }: { symbol: AdminSymbol }) {
  const byTimeframe = new Map(symbol.coverage.map((item) => [item.timeframe, item]));
  if (byTimeframe.size === 0) return <span className="muted small">not computed yet (refresh_stats)</span>;
  return (
    <ul className="coverage" aria-label={`${symbol.symbol} coverage`}>
      {sortTimeframes(byTimeframe.keys()).map((timeframe) => {
        const item = byTimeframe.get(timeframe);
        if (!item) return null;
        const pct = coveragePct(item.coverage);
        const span =
          item.first_open_time !== null && item.last_open_time !== null
            ? `${formatDateTime(item.first_open_time, 'UTC')} to ${formatDateTime(item.last_open_time, 'UTC')} UTC`
            : 'no candles';
        return (
          <li key={timeframe} title={`${timeframe}: ${item.candle_count} candles, ${span}`}>
            <span className="coverage-tf">{timeframe}</span>
            <span className="coverage-bar" aria-hidden="true">
              <span className={`tone-${coverageTone(pct)}`} style={{ width: `${pct ?? 0}%` }} />
            </span>
            <span className="num small">{pct === null ? '—' : `${pct} %`}</span>
          </li>
        );
      })}
    </ul>
  );
}

function AddSymbol() {
  const symbolId = useId();
  const quoteId = useId();
  const [symbol, setSymbol] = useState('');
  const [quote, setQuote] = useState('USDT');
  const [notice, setNotice] = useState('');
  const add = useAdminAction(
    (name: string) => unwrapData(api.POST('/api/v1/admin/symbols', { body: { symbol: name } })),
    (result) => setNotice(`${result.symbol.symbol} added${result.job_id ? `, backfill job ${result.job_id}` : ''}`),
  );
  const load = useAdminAction(
    (name: string) => unwrapData(api.POST('/api/v1/admin/symbols/load-markets', { body: { quote: name } })),
    (result) => setNotice(`Loading markets: job ${result.job_id}`),
  );
  const submitAdd = (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    load.reset();
    add.mutate(symbol.trim().toUpperCase());
  };
  const submitLoad = (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    add.reset();
    load.mutate(quote.trim().toUpperCase());
  };
  return (
    <section className="panel admin-forms" aria-label="Add symbols">
      <form className="form form-inline" onSubmit={submitAdd} aria-label="Add a symbol">
        <div className="field">
          <label htmlFor={symbolId}>Symbol</label>
          <input id={symbolId} placeholder="SOL/USDT" value={symbol} onChange={(event) => setSymbol(event.target.value)} required />
        </div>
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>
          Add and backfill
        </button>
      </form>
      <form className="form form-inline" onSubmit={submitLoad} aria-label="Load markets">
        <div className="field">
          <label htmlFor={quoteId}>Quote</label>
          <input id={quoteId} value={quote} onChange={(event) => setQuote(event.target.value)} required />
        </div>
        <button type="submit" className="btn" disabled={load.isPending}>
          Load markets (inactive)
        </button>
      </form>
      {notice ? (
        <p role="status" className="ok">
          {notice}
        </p>
      ) : null}
      <FormError error={add.error ?? load.error} />
    </section>
  );
}

export function SymbolsPage() {
  useDocumentTitle('Admin · Symbols');
  const { values, cursor, setFilter, setCursor, clear } = useFilters(FILTERS);
  const query: SymbolQuery = { limit: 100 };
  const active = boolParam(values.is_active);
  if (active !== undefined) query.is_active = active;
  if (values.q) query.q = values.q;
  if (cursor) query.cursor = cursor;
  const symbols = useAdminSymbols(query);
  const toggle = useAdminAction(({ url, on }: { url: string; on: boolean }) =>
    unwrapData(api.PATCH('/api/v1/admin/symbols/{symbol}', { params: { path: { symbol: url } }, body: { is_active: on } })),
  );
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>Symbols</h1>
      </div>
      <AddSymbol />
      <FilterBar label="Filter symbols" onReset={clear}>
        <BoolFilter label="Active" value={values.is_active} onChange={(value) => setFilter('is_active', value)} />
        <SearchFilter label="Search" placeholder="BTC" value={values.q} onChange={(value) => setFilter('q', value)} />
      </FilterBar>
      <FormError error={toggle.error} />
      <ListView query={symbols} cursor={cursor} onCursor={setCursor} label="symbols" emptyTitle="No symbols match">
        {(rows) => (
          <table className="table dense" data-testid="symbols-table">
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col">Active</th>
                <th scope="col">Freshness</th>
                <th scope="col">Last candle</th>
                <th scope="col" className="right">
                  Tick
                </th>
                <th scope="col">Coverage</th>
                <th scope="col">Last fetch</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((symbol) => (
                <tr key={symbol.id} className={symbol.last_fetch_error ? 'row-alert' : undefined}>
                  <td>
                    <Link to={`/chart/${symbol.url_symbol}`}>{symbol.symbol}</Link>
                    {symbol.is_mandatory ? <span className="badge badge-muted">mandatory</span> : null}
                  </td>
                  <td>
                    <Toggle
                      label={`${symbol.symbol} active`}
                      hideLabel
                      checked={symbol.is_active}
                      disabled={toggle.isPending || (symbol.is_mandatory && symbol.is_active)}
                      onChange={(on) => toggle.mutate({ url: symbol.url_symbol, on })}
                    />
                  </td>
                  <td>
                    <span className={`fresh fresh-${symbol.freshness}`}>{symbol.freshness}</span>
                  </td>
                  <td>
                    <Time ms={symbol.last_candle_time} relative />
                  </td>
                  <td className="right num">{symbol.tick_size ?? '—'}</td>
                  <td>
                    <CoverageBars symbol={symbol} />
                  </td>
                  <td className="small">
                    <Time ms={symbol.last_fetch_at} relative />
                    {symbol.last_fetch_error ? (
                      <div className="down ellipsis" title={symbol.last_fetch_error}>
                        {symbol.last_fetch_error}
                      </div>
                    ) : null}
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
