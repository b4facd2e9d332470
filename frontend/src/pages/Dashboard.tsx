import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMatrixData, usePatterns, useSignals, useStats, useSymbols } from '../api/queries';
import type { SymbolInfo } from '../api/types';
import { DirectionBadge, Price, StatusBadge, Time, TypeTag } from '../components/Display';
import { EmptyState, ErrorState, Skeleton } from '../components/States';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useNow } from '../hooks/useNow';
import { formatAge, formatPct, symbolToUrl } from '../lib/format';
import { patternRowKey, signalRowKey } from '../lib/liveCache';
import { AVG_R_DEFINITION, avgRText, WIN_RATE_DEFINITION } from '../lib/outcomes';
import { scopeText } from '../lib/statsScope';
import { ChangedLi } from '../live/Changed';

/** `definition`: what the number counts, shown under it (and as the tooltip). */
function StatCard({ label, value, sub, definition }: { label: string; value: string | number; sub?: ReactNode; definition?: string }) {
  return (
    <div className="stat" title={definition}>
      <div className="stat-label">{label}</div>
      <div className="stat-value num">{value}</div>
      {sub ? <div className="stat-sub muted">{sub}</div> : null}
      {definition ? <div className="stat-sub muted small">{definition}</div> : null}
    </div>
  );
}

function useCounts() {
  const symbols = useSymbols();
  const stats = useStats();
  const matrix = useMatrixData();
  const live = symbols.data?.filter((symbol) => symbol.freshness === 'live').length ?? 0;
  let activePatterns: number | null = null;
  let bullish = 0;
  if (stats.data) {
    activePatterns = 0;
    for (const byDirection of Object.values(stats.data.active_patterns)) {
      for (const [direction, count] of Object.entries(byDirection)) {
        activePatterns += count;
        if (direction === 'bullish') bullish += count;
      }
    }
  }
  const openSignals = matrix.data ? matrix.data.rows.filter((row) => row.open_signal).length : null;
  const month = stats.data?.overall.find((window) => window.window_days === 30) ?? stats.data?.overall[0];
  return {
    symbols: stats.data?.symbols ?? symbols.data?.length ?? null,
    live,
    activePatterns,
    bullish,
    signalsToday: stats.data?.signals_today ?? null,
    openSignals,
    winRate: month?.win_rate ?? null,
    decided: month?.decided ?? 0,
    avgR: month?.avg_r ?? null,
    resolved: month?.resolved ?? 0,
    scope: stats.data ? scopeText(stats.data.scope) : null,
    windowDays: month?.window_days ?? 30,
    statsError: stats.error,
  };
}

function FreshnessTable({ symbols }: { symbols: SymbolInfo[] }) {
  const now = useNow(15_000);
  return (
    <table className="table dense">
      <caption className="sr-only">Data freshness per symbol</caption>
      <thead>
        <tr>
          <th scope="col">Symbol</th>
          <th scope="col" className="right">
            Last
          </th>
          <th scope="col" className="right">
            24 h
          </th>
          <th scope="col">Data</th>
        </tr>
      </thead>
      <tbody>
        {symbols.map((symbol) => (
          <tr key={symbol.symbol}>
            <th scope="row">
              <Link to={`/chart/${symbolToUrl(symbol.symbol)}`}>{symbol.symbol}</Link>
            </th>
            <td className="right">
              <Price value={symbol.last_price} symbol={symbol.symbol} />
            </td>
            <td className={`right num ${(symbol.change_24h_pct ?? 0) >= 0 ? 'up' : 'down'}`}>{formatPct(symbol.change_24h_pct)}</td>
            <td>
              <span className={`fresh fresh-${symbol.freshness}`} title={symbol.last_fetch_error ?? undefined}>
                {symbol.freshness}
              </span>{' '}
              <span className="muted small">{symbol.last_candle_time ? formatAge(symbol.last_candle_time, now) : ''}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Dashboard() {
  useDocumentTitle('Dashboard');
  const counts = useCounts();
  const symbols = useSymbols();
  const signals = useSignals({ limit: 8 });
  const patterns = usePatterns({ limit: 10 });
  return (
    <div className="page">
      <h1>Dashboard</h1>
      {counts.scope ? (
        <p className="muted small" data-testid="stats-scope">
          Counted over what your tier shows: {counts.scope}.
        </p>
      ) : null}
      <section className="stats" aria-label="Counts">
        <StatCard label="Symbols" value={counts.symbols ?? '…'} sub={`${counts.live} live`} definition="Active symbols you follow" />
        <StatCard
          label="Active patterns"
          value={counts.activePatterns ?? '…'}
          sub={counts.activePatterns !== null ? `${counts.bullish} bullish · ${counts.activePatterns - counts.bullish} bearish` : undefined}
          definition="Confirmed, not yet filled, invalidated or expired"
        />
        <StatCard
          label="Symbols with an open signal"
          value={counts.openSignals ?? '…'}
          definition="Newest signal pending, triggered, at tp1 or tp2"
        />
        <StatCard label="Signals today (UTC)" value={counts.signalsToday ?? '…'} definition="Created since 00:00 UTC" />
        <StatCard
          label={`Win rate ${counts.windowDays} d`}
          value={counts.winRate === null ? '—' : formatPct(counts.winRate * 100, 0, false)}
          sub={
            <>
              <abbr title={WIN_RATE_DEFINITION}>tp1 reached / decided</abbr>, n = {counts.decided}
              <br />
              <abbr title={AVG_R_DEFINITION}>{avgRText({ avg_r: counts.avgR, resolved: counts.resolved })}</abbr>
            </>
          }
          definition={`Signals created in the last ${counts.windowDays} d; a tp1 counts as a win`}
        />
      </section>
      <p className="small">
        <Link to="/performance">Performance per setup and how it is counted</Link>
      </p>
      {counts.statsError ? <ErrorState error={counts.statsError} title="Statistics unavailable" /> : null}
      <div className="grid-2">
        <section className="panel" aria-labelledby="latest-signals">
          <div className="panel-head">
            <h2 id="latest-signals">Latest signals</h2>
            <Link to="/signals">All signals</Link>
          </div>
          {signals.isPending ? (
            <Skeleton rows={5} />
          ) : signals.isError ? (
            <ErrorState error={signals.error} onRetry={() => void signals.refetch()} />
          ) : signals.data.data.length === 0 ? (
            <EmptyState title="No signals yet">Signals appear when patterns agree on two or more timeframes.</EmptyState>
          ) : (
            <ul className="list">
              {signals.data.data.map((signal) => (
                <ChangedLi key={signal.id} changeKey={signalRowKey(signal.id)}>
                  <Link to={`/signals/${signal.id}`} className="list-row">
                    <DirectionBadge direction={signal.direction} />
                    <span className="strong">{signal.symbol}</span>
                    <span className="muted">
                      <TypeTag type={signal.anchor_type} /> {signal.anchor_timeframe} · {signal.confluence} TF
                    </span>
                    <Price value={signal.entry} symbol={signal.symbol} />
                    <StatusBadge status={signal.status} />
                    <Time ms={signal.created_at} relative />
                  </Link>
                </ChangedLi>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="freshness">
          <div className="panel-head">
            <h2 id="freshness">Data freshness</h2>
          </div>
          {symbols.isPending ? (
            <Skeleton rows={5} />
          ) : symbols.isError ? (
            <ErrorState error={symbols.error} onRetry={() => void symbols.refetch()} />
          ) : symbols.data.length === 0 ? (
            <EmptyState title="No symbols">An admin adds the symbols to follow.</EmptyState>
          ) : (
            <FreshnessTable symbols={symbols.data} />
          )}
        </section>
      </div>
      <section className="panel" aria-labelledby="latest-patterns">
        <div className="panel-head">
          <h2 id="latest-patterns">Latest patterns</h2>
          <Link to="/patterns">All patterns</Link>
        </div>
        {patterns.isPending ? (
          <Skeleton rows={5} />
        ) : patterns.isError ? (
          <ErrorState error={patterns.error} onRetry={() => void patterns.refetch()} />
        ) : patterns.data.data.length === 0 ? (
          <EmptyState title="No patterns yet">The scanner stores patterns as candles close.</EmptyState>
        ) : (
          <ul className="list">
            {patterns.data.data.map((pattern) => (
              <ChangedLi key={pattern.id} changeKey={patternRowKey(pattern.id)}>
                <Link to={`/patterns/${pattern.id}`} className="list-row">
                  <DirectionBadge direction={pattern.direction} />
                  <span className="strong">{pattern.symbol}</span>
                  <span className="muted">
                    <TypeTag type={pattern.type} /> {pattern.timeframe}
                  </span>
                  <span>
                    <Price value={pattern.zone_low} symbol={pattern.symbol} /> – <Price value={pattern.zone_high} symbol={pattern.symbol} />
                  </span>
                  <StatusBadge status={pattern.status} />
                  <Time ms={pattern.confirmed_at} relative />
                </Link>
              </ChangedLi>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
