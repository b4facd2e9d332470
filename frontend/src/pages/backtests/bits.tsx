import { Link } from 'react-router';
import { formatR } from '../../lib/format';
import type { Backtest } from './queries';
import { isActive, progressText } from './rules';

/** The replay's progress: a labelled progressbar and the minutes replayed of all. */
export function ProgressBar({ backtest }: { backtest: Backtest }) {
  const value = Math.max(0, Math.min(100, backtest.progress));
  return (
    <div className="bt-progress" data-testid={`backtest-progress-${backtest.id}`}>
      <div
        className="bt-progress-track"
        role="progressbar"
        aria-label={`Backtest #${backtest.id} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value} %`}
      >
        <div className="bt-progress-fill" style={{ width: `${value}%` }} />
      </div>
      <span className="muted small num">
        {value} % · {progressText(backtest)}
        {backtest.minutes_missing ? ` · ${backtest.minutes_missing.toLocaleString('en-US')} missing` : ''}
      </span>
    </div>
  );
}

export function StatusTag({ status }: { status: string }) {
  return <span className={`bt-status bt-status-${status}`}>{status}</span>;
}

/** An outcome in R, coloured by its sign. */
export function RValue({ value }: { value: number | null | undefined }) {
  const tone = value == null ? '' : value > 0 ? 'up' : value < 0 ? 'down' : '';
  return <span className={`num ${tone}`}>{formatR(value)}</span>;
}

/** A backtest's status cell: its progress while it moves, else its status and result. */
export function BacktestState({ backtest }: { backtest: Backtest }) {
  if (isActive(backtest.status)) return <ProgressBar backtest={backtest} />;
  return (
    <span>
      <StatusTag status={backtest.status} />
      {backtest.summary ? (
        <>
          {' '}
          {backtest.summary.count} signal{backtest.summary.count === 1 ? '' : 's'} · <RValue value={backtest.summary.sum_r} />
        </>
      ) : null}
    </span>
  );
}

export function BacktestLink({ backtest }: { backtest: Backtest }) {
  return <Link to={`/backtests/${backtest.id}`}>#{backtest.id}</Link>;
}
