import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useSignal } from '../api/queries';
import type { SignalDetail } from '../api/types';
import { signalLines } from '../chart/levels';
import { SymbolChart } from '../chart/SymbolChart';
import { DirectionBadge, Price, StatusBadge, Strength, Time, TypeTag } from '../components/Display';
import { LastPrice, OpenR, ResultR } from '../components/SignalResult';
import { EmptyState, ErrorState, PageSkeleton } from '../components/States';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { formatPct, formatR, symbolToUrl } from '../lib/format';
import { avgRText, winRateText } from '../lib/outcomes';
import { levelRows } from '../lib/signals';
import { JournalSignalButton } from './portfolio/JournalSignalButton';

function Levels({ signal }: { signal: SignalDetail }) {
  return (
    <table className="table dense levels" data-testid="signal-levels">
      <caption className="sr-only">Signal levels</caption>
      <thead>
        <tr>
          <th scope="col">Level</th>
          <th scope="col" className="right">
            Price
          </th>
          <th scope="col" className="right">
            From entry
          </th>
          <th scope="col" className="right">
            R
          </th>
        </tr>
      </thead>
      <tbody>
        {levelRows(signal).map((row) => (
          <tr key={row.key} className={`level-${row.key}`}>
            <th scope="row">{row.label}</th>
            <td className="right">
              <Price value={row.price} symbol={signal.symbol} />
            </td>
            <td className="right num">{row.key === 'entry' ? '—' : formatPct(row.pct)}</td>
            <td className="right num">{row.key === 'entry' ? '—' : formatR(row.r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function History({ signal }: { signal: SignalDetail }) {
  const entries = signal.status_history;
  return (
    <ol className="timeline" data-testid="signal-history">
      {entries.map((entry) => (
        <li key={`${entry.status}-${entry.at}`}>
          <StatusBadge status={entry.status} /> <Time ms={entry.at} />
        </li>
      ))}
    </ol>
  );
}

function Setup({ signal }: { signal: SignalDetail }) {
  const stats = signal.setup_stats;
  if (!stats.length) return <p className="muted">No history for this setup yet.</p>;
  return (
    <table className="table dense">
      <thead>
        <tr>
          <th scope="col">Window</th>
          <th scope="col" className="right">
            Signals
          </th>
          <th scope="col" className="right">
            Win rate
          </th>
          <th scope="col" className="right">
            Avg R
          </th>
        </tr>
      </thead>
      <tbody>
        {stats.map((row) => (
          <tr key={row.window_days}>
            <td>{row.window_days} days</td>
            <td className="right num">{row.count}</td>
            <td className="right num" title={winRateText(row)}>
              {row.win_rate == null ? '—' : formatPct(row.win_rate * 100, 0, false)} <span className="muted small">n = {row.decided}</span>
            </td>
            <td className="right num" title={avgRText(row)}>
              {formatR(row.avg_r)} <span className="muted small">n = {row.resolved}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function SignalDetailPage() {
  const id = Number(useParams().id);
  const signal = useSignal(id);
  useDocumentTitle(signal.data ? `Signal #${signal.data.id} ${signal.data.symbol}` : 'Signal');
  const lines = useMemo(() => (signal.data ? signalLines(signal.data) : []), [signal.data]);
  if (!Number.isFinite(id)) return <EmptyState title="No such signal" />;
  if (signal.isPending) return <PageSkeleton />;
  if (signal.isError) {
    return (
      <div className="page">
        <h1>Signal #{id}</h1>
        <ErrorState error={signal.error} onRetry={() => void signal.refetch()} />
      </div>
    );
  }
  const data = signal.data;
  const urlSymbol = symbolToUrl(data.symbol);
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>
          <DirectionBadge direction={data.direction} /> {data.symbol} <span className="muted">#{data.id}</span>
        </h1>
        <StatusBadge status={data.status} />
        <Link className="btn" to={`/chart/${urlSymbol}?tf=${data.anchor_timeframe}&signal=${data.id}&pattern=${data.anchor_pattern_id}`}>
          Open chart
        </Link>
        <JournalSignalButton signalId={data.id} />
      </div>
      <div className="grid-sidebar">
        <div>
          <SymbolChart
            urlSymbol={urlSymbol}
            timeframe={data.anchor_timeframe}
            lines={lines}
            highlightId={data.anchor_pattern_id}
            focusTime={data.created_at}
            height={380}
          />
        </div>
        <aside className="panel">
          <h2>Levels</h2>
          <Levels signal={data} />
          <dl className="facts">
            <dt>Setup</dt>
            <dd>
              <TypeTag type={data.anchor_type} /> {data.anchor_timeframe}
            </dd>
            <dt>Confluence</dt>
            <dd>
              {data.confluence} TF ({data.timeframes.join(', ')})
            </dd>
            <dt>Strength</dt>
            <dd>
              <Strength value={data.strength} />
            </dd>
            <dt>Risk / reward</dt>
            <dd className="num">1 : {data.risk_reward}</dd>
            <dt>Created</dt>
            <dd>
              <Time ms={data.created_at} />
            </dd>
            <dt>Result</dt>
            <dd>
              <ResultR signal={data} />
            </dd>
            <dt>Current price</dt>
            <dd>
              <LastPrice symbol={data.symbol} /> · <OpenR signal={data} />
            </dd>
          </dl>
        </aside>
      </div>
      <div className="grid-2">
        <section className="panel" aria-labelledby="contrib">
          <h2 id="contrib">Contributing patterns</h2>
          {data.contributing_patterns.length ? (
            <table className="table dense" data-testid="signal-patterns">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">TF</th>
                  <th scope="col">Type</th>
                  <th scope="col" className="right">
                    Zone
                  </th>
                  <th scope="col">Strength</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {data.contributing_patterns.map((pattern) => (
                  <tr key={pattern.id}>
                    <td>
                      <Link to={`/patterns/${pattern.id}`}>{pattern.id}</Link>
                      {pattern.id === data.anchor_pattern_id ? <span className="badge badge-info">anchor</span> : null}
                    </td>
                    <td>{pattern.timeframe}</td>
                    <td>
                      <TypeTag type={pattern.type} />
                    </td>
                    <td className="right">
                      <Price value={pattern.zone_low} symbol={data.symbol} /> – <Price value={pattern.zone_high} symbol={data.symbol} />
                    </td>
                    <td>
                      <Strength value={pattern.strength} />
                    </td>
                    <td>
                      <StatusBadge status={pattern.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">
              Anchor: <Link to={`/patterns/${data.anchor_pattern_id}`}>pattern #{data.anchor_pattern_id}</Link>
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby="history">
          <h2 id="history">Status history</h2>
          <History signal={data} />
          <h2>This setup's record</h2>
          <Setup signal={data} />
        </section>
      </div>
    </div>
  );
}
