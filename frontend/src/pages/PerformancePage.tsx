/** Performance, honestly: GET /stats/setups per setup (anchor type x timeframe x symbol), per
 * symbol and overall, each number with its definition and sample size (signals.md). */
import { Link } from 'react-router';
import { type SetupLine, type SetupWindow, useSetupStats } from '../api/performance';
import { useStats } from '../api/queries';
import { TypeTag } from '../components/Display';
import { FilterSelect } from '../components/FilterSelect';
import { Sparkline } from '../components/Sparkline';
import { EmptyState, ErrorState, Skeleton } from '../components/States';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFilters } from '../hooks/useFilters';
import { formatR, symbolToUrl } from '../lib/format';
import { AVG_R_DEFINITION, avgRText, WIN_RATE_DEFINITION, winRateText } from '../lib/outcomes';
import './performance/performance.css';

const FILTERS = ['window', 'symbol'] as const;
const DEFAULT_WINDOW = 30;

function windowOf(line: SetupLine, days: number): SetupWindow | undefined {
  return line.windows.find((window) => window.window_days === days) ?? line.windows[0];
}

function lineName(line: SetupLine): string {
  if (line.symbol === null) return 'All your symbols';
  if (line.anchor_type === null) return `${line.symbol} overall`;
  return `${line.symbol} ${line.anchor_type} ${line.anchor_timeframe ?? ''}`.trim();
}

/** The every-symbol line first, then per symbol its overall line and its setups. */
function ordered(lines: readonly SetupLine[], symbol: string): SetupLine[] {
  const shown = lines.filter((line) => line.symbol !== null && (!symbol || line.symbol === symbol));
  return shown.sort((a, b) => {
    if (a.symbol !== b.symbol) return (a.symbol ?? '').localeCompare(b.symbol ?? '');
    return Number(a.anchor_type !== null) - Number(b.anchor_type !== null);
  });
}

function Summary({ window, points, caption }: { window: SetupWindow; points: SetupLine['cumulative_r'] | null; caption: string }) {
  const total = window.avg_r === null ? null : window.avg_r * window.resolved;
  return (
    <section className="panel perf-summary" aria-labelledby="perf-summary-title">
      <h2 id="perf-summary-title">{caption}</h2>
      <dl className="perf-facts">
        <div>
          <dt>Signals</dt>
          <dd className="num">
            {window.count} created, {window.triggered} triggered
          </dd>
        </div>
        <div>
          <dt>Win rate</dt>
          <dd>{winRateText(window)}</dd>
        </div>
        <div>
          <dt>Expectancy</dt>
          <dd>{avgRText(window)}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd className="num">{total === null ? '—' : `${formatR(total)} over ${window.resolved} resolved`}</dd>
        </div>
      </dl>
      {points ? (
        <div className="perf-curve">
          <Sparkline points={points} width={280} height={56} label={`Cumulative R of the last ${points.length} resolved signals`} />
          <span className="muted small">cumulative R, last {points.length} resolved signals (90 d)</span>
        </div>
      ) : null}
    </section>
  );
}

function SetupTable({ lines, days }: { lines: SetupLine[]; days: number }) {
  return (
    <div className="table-scroll">
      <table className="table dense perf-table" data-testid="performance-table">
        <caption className="sr-only">Results per setup over {days} days</caption>
        <thead>
          <tr>
            <th scope="col">Setup</th>
            <th scope="col" className="right">
              Signals
            </th>
            <th scope="col" className="right">
              Triggered
            </th>
            <th scope="col" className="right">
              <abbr title={WIN_RATE_DEFINITION}>Win rate to tp1</abbr>
            </th>
            <th scope="col" className="right">
              <abbr title={AVG_R_DEFINITION}>Avg R (expectancy)</abbr>
            </th>
            <th scope="col" className="right">
              Total R
            </th>
            <th scope="col">Cumulative R</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const window = windowOf(line, days);
            if (!window) return null;
            const name = lineName(line);
            const total = window.avg_r === null ? null : window.avg_r * window.resolved;
            return (
              <tr key={name} className={line.anchor_type === null ? 'perf-symbol-row' : undefined}>
                <th scope="row">
                  {line.anchor_type === null ? (
                    <Link to={`/signals?symbol=${symbolToUrl(line.symbol ?? '')}`}>{line.symbol}</Link>
                  ) : (
                    <span>
                      {line.symbol} <TypeTag type={line.anchor_type} /> {line.anchor_timeframe}
                    </span>
                  )}
                  {line.anchor_type === null ? <span className="muted small"> all setups</span> : null}
                </th>
                <td className="right num">{window.count}</td>
                <td className="right num">{window.triggered}</td>
                <td className="right num" title={winRateText(window)}>
                  {window.win_rate === null ? '—' : `${Math.round(window.win_rate * 100)} %`}{' '}
                  <span className="muted small">
                    {window.wins}/{window.decided}
                  </span>
                </td>
                <td className="right num" title={avgRText(window)}>
                  {formatR(window.avg_r)} <span className="muted small">n = {window.resolved}</span>
                </td>
                <td className={`right num ${total === null ? '' : total >= 0 ? 'up' : 'down'}`}>{formatR(total)}</td>
                <td>
                  <Sparkline
                    points={line.cumulative_r}
                    label={`${name}: cumulative R of the last ${line.cumulative_r.length} resolved signals`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function PerformancePage() {
  useDocumentTitle('Performance');
  const { values, setFilter } = useFilters(FILTERS);
  const setups = useSetupStats();
  const stats = useStats();
  const days = Number(values.window) || DEFAULT_WINDOW;
  const lines = setups.data ?? [];
  const everySymbol = lines.find((line) => line.symbol === null);
  const windowDays = (everySymbol ?? lines[0])?.windows.map((window) => window.window_days) ?? [30, 90];
  const symbols = [...new Set(lines.flatMap((line) => (line.symbol ? [line.symbol] : [])))].sort();
  const summaryWindow = everySymbol ? windowOf(everySymbol, days) : stats.data?.overall.find((window) => window.window_days === days);
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>Performance</h1>
      </div>
      <details className="perf-definitions">
        <summary>How these numbers are counted</summary>
        <ul>
          <li>Each window counts the signals created in the last {days} days, over the symbols your tier shows; outcomes as known now.</li>
          <li>{WIN_RATE_DEFINITION} A tp1 counts as a win.</li>
          <li>{AVG_R_DEFINITION}</li>
          <li>
            Outcomes in R: stopped before tp1 −1 R; stopped after tp1 0 R (the stop moves to the entry after tp1); tp3 + the signal's
            risk:reward in R (3 by default); closed: (last price − entry) / R.
          </li>
        </ul>
      </details>
      <form className="filters" aria-label="Performance filters" onSubmit={(event) => event.preventDefault()}>
        <FilterSelect
          label="Window"
          value={values.window}
          anyLabel={`${DEFAULT_WINDOW} days`}
          options={windowDays
            .filter((value) => value !== DEFAULT_WINDOW)
            .map((value) => ({ value: String(value), label: `${value} days` }))}
          onChange={(value) => setFilter('window', value)}
        />
        <FilterSelect
          label="Symbol"
          value={values.symbol}
          options={symbols.map((symbol) => ({ value: symbol, label: symbol }))}
          onChange={(value) => setFilter('symbol', value)}
        />
      </form>
      {summaryWindow ? (
        <Summary window={summaryWindow} points={everySymbol?.cumulative_r ?? null} caption={`All your symbols, last ${days} days`} />
      ) : null}
      {setups.isPending ? (
        <Skeleton rows={8} label="Loading performance" />
      ) : setups.isError ? (
        <ErrorState error={setups.error} onRetry={() => void setups.refetch()} title="Per-setup results unavailable" />
      ) : lines.length === 0 ? (
        <EmptyState title="No signals in the last 90 days">
          Results appear once signals trigger and reach a target or their stop.
        </EmptyState>
      ) : (
        <SetupTable lines={ordered(lines, values.symbol)} days={days} />
      )}
    </div>
  );
}

export default PerformancePage;
