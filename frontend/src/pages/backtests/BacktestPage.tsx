import { Fragment, type ReactNode, useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DirectionBadge, Price, StatusBadge, Time } from '../../components/Display';
import { EmptyState, ErrorState, FormError, PageSkeleton, Skeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { symbolToUrl } from '../../lib/format';
import { ConfirmButton } from '../developers/ConfirmButton';
import { BacktestGate } from './BacktestGate';
import { ProgressBar, RValue, StatusTag } from './bits';
import {
  type Backtest,
  type BacktestSignal,
  type Figures,
  type SetupFigures,
  useBacktest,
  useBacktestSignals,
  useCancelBacktest,
  useDeleteBacktest,
} from './queries';
import { EquityCurve, OutcomeHistogram } from './ResultCharts';
import { daysText, exitTime, formatRate, formatRatio, isActive, setupLabel, valueText } from './rules';
import './backtests.css';

function Card({ label, children, note, testId }: { label: string; children: ReactNode; note?: ReactNode; testId?: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{children}</div>
      {note ? <div className="muted small">{note}</div> : null}
    </div>
  );
}

function SummaryCards({ summary }: { summary: Figures }) {
  return (
    <section className="panel" aria-labelledby="bt-summary-title" data-testid="backtest-summary">
      <h2 id="bt-summary-title">Summary</h2>
      <div className="stats">
        <Card label="Signals" testId="bt-count" note={`${summary.open} still open at the end`}>
          <span className="num">{summary.count}</span>
        </Card>
        <Card label="Triggered" note={`${summary.decided} decided`}>
          <span className="num">{summary.triggered}</span>
        </Card>
        <Card label="Win rate" testId="bt-win-rate" note={`${summary.wins} reached TP1`}>
          <span className="num">{formatRate(summary.win_rate)}</span>
        </Card>
        <Card label="Resolved">
          <span className="num">{summary.resolved}</span>
        </Card>
        <Card label="Avg R" note="expectancy per resolved signal">
          <RValue value={summary.avg_r} />
        </Card>
        <Card label="Sum R" testId="bt-sum-r">
          <RValue value={summary.sum_r} />
        </Card>
        <Card label="Profit factor" note="wins in R / losses in R">
          <span className="num">{formatRatio(summary.profit_factor)}</span>
        </Card>
        <Card label="Max drawdown" note="largest fall from a peak">
          <span className="num">{summary.max_drawdown_r.toFixed(2)} R</span>
        </Card>
        <Card label="Open">
          <span className="num">{summary.open}</span>
        </Card>
      </div>
    </section>
  );
}

function SetupTable({ setups }: { setups: readonly SetupFigures[] }) {
  return (
    <section className="panel" aria-labelledby="bt-setups-title">
      <h2 id="bt-setups-title">By setup</h2>
      {setups.length === 0 ? (
        <EmptyState title="No signals in the range" />
      ) : (
        <div className="table-scroll">
          <table className="table dense" data-testid="backtest-setups">
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
                  Win rate
                </th>
                <th scope="col" className="right">
                  Resolved
                </th>
                <th scope="col" className="right">
                  Avg R
                </th>
                <th scope="col" className="right">
                  Sum R
                </th>
                <th scope="col" className="right">
                  PF
                </th>
                <th scope="col" className="right">
                  Max DD
                </th>
                <th scope="col" className="right">
                  Open
                </th>
              </tr>
            </thead>
            <tbody>
              {setups.map((setup) => (
                <tr key={`${setup.anchor_type}:${setup.anchor_timeframe}`}>
                  <td>{setupLabel(setup.anchor_type, setup.anchor_timeframe)}</td>
                  <td className="right num">{setup.count}</td>
                  <td className="right num">{setup.triggered}</td>
                  <td className="right num">{formatRate(setup.win_rate)}</td>
                  <td className="right num">{setup.resolved}</td>
                  <td className="right">
                    <RValue value={setup.avg_r} />
                  </td>
                  <td className="right">
                    <RValue value={setup.sum_r} />
                  </td>
                  <td className="right num">{formatRatio(setup.profit_factor)}</td>
                  <td className="right num">{setup.max_drawdown_r.toFixed(2)} R</td>
                  <td className="right num">{setup.open}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The chart of a result signal: the candles with its levels and markers. */
export function signalChartUrl(backtest: Pick<Backtest, 'id' | 'symbol'>, signal: Pick<BacktestSignal, 'id' | 'anchor_timeframe'>): string {
  return `/chart/${symbolToUrl(backtest.symbol)}?tf=${signal.anchor_timeframe}&backtest=${backtest.id}&signal=${signal.id}`;
}

function SignalsTable({ backtest, signals }: { backtest: Backtest; signals: readonly BacktestSignal[] }) {
  const symbol = backtest.symbol;
  return (
    <div className="table-scroll">
      <table className="table dense" data-testid="backtest-signals">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Setup</th>
            <th scope="col">Direction</th>
            <th scope="col">Status</th>
            <th scope="col" className="right">
              Entry
            </th>
            <th scope="col" className="right">
              Stop
            </th>
            <th scope="col" className="right">
              Targets
            </th>
            <th scope="col" className="right">
              Outcome
            </th>
            <th scope="col">Created</th>
            <th scope="col">Ended</th>
            <th scope="col">Chart</th>
          </tr>
        </thead>
        <tbody>
          {signals.map((signal) => (
            <tr key={signal.id} data-testid={`backtest-signal-${signal.id}`}>
              <td className="num">{signal.id}</td>
              <td>{setupLabel(signal.anchor_type, signal.anchor_timeframe)}</td>
              <td>
                <DirectionBadge direction={signal.direction} />
              </td>
              <td>
                <StatusBadge status={signal.status} />
              </td>
              <td className="right">
                <Price value={signal.entry} symbol={symbol} />
              </td>
              <td className="right">
                <Price value={signal.stop_loss} symbol={symbol} />
              </td>
              <td className="right small">
                <Price value={signal.take_profit_1} symbol={symbol} /> / <Price value={signal.take_profit_2} symbol={symbol} /> /{' '}
                <Price value={signal.take_profit_3} symbol={symbol} />
              </td>
              <td className="right">
                <RValue value={signal.outcome_r} />
              </td>
              <td>
                <Time ms={signal.created_at} />
              </td>
              <td>
                <Time ms={exitTime(signal)} />
              </td>
              <td>
                <Link to={signalChartUrl(backtest, signal)} aria-label={`Chart of signal ${signal.id}`}>
                  Chart
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Results({ backtest }: { backtest: Backtest }) {
  const signals = useBacktestSignals(backtest.id, true);
  const outcomes = useMemo(
    () => (signals.data ?? []).map((signal) => signal.outcome_r).filter((value): value is number => value !== null),
    [signals.data],
  );
  return (
    <>
      {backtest.summary ? <SummaryCards summary={backtest.summary} /> : null}
      <SetupTable setups={backtest.by_setup ?? []} />
      <div className="grid-2">
        <EquityCurve backtestId={backtest.id} />
        {signals.data ? <OutcomeHistogram outcomes={outcomes} /> : <Skeleton rows={4} label="Loading outcomes" />}
      </div>
      <section className="panel" aria-labelledby="bt-signals-title">
        <h2 id="bt-signals-title">Signals</h2>
        {signals.isPending ? (
          <Skeleton rows={4} label="Loading signals" />
        ) : signals.isError ? (
          <ErrorState error={signals.error} onRetry={() => void signals.refetch()} />
        ) : signals.data.length === 0 ? (
          <EmptyState title="No signals in this range">
            The replay made no signal from the start to the end with these values: try a longer range or a lower minimum confluence.
          </EmptyState>
        ) : (
          <SignalsTable backtest={backtest} signals={signals.data} />
        )}
      </section>
    </>
  );
}

function ValuesUsed({ parameters }: { parameters: Record<string, unknown> }) {
  return (
    <details className="panel bt-values">
      <summary>Values used</summary>
      <dl className="facts">
        {Object.entries(parameters).map(([name, value]) => (
          <Fragment key={name}>
            <dt>
              <code>{name}</code>
            </dt>
            <dd>{typeof value === 'object' && value !== null && !Array.isArray(value) ? JSON.stringify(value) : valueText(value)}</dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}

function Actions({ backtest }: { backtest: Backtest }) {
  const navigate = useNavigate();
  const cancel = useCancelBacktest(backtest.id);
  const remove = useDeleteBacktest(backtest.id, () => void navigate('/backtests'));
  return (
    <div className="form-actions">
      {isActive(backtest.status) ? (
        <ConfirmButton label="Cancel" confirm="Confirm cancel" pending={cancel.isPending} onConfirm={() => cancel.mutate()} />
      ) : (
        <ConfirmButton label="Delete" confirm="Confirm delete" pending={remove.isPending} onConfirm={() => remove.mutate()} />
      )}
      <FormError error={cancel.error ?? remove.error} />
    </div>
  );
}

function BacktestView({ id }: { id: number }) {
  const backtest = useBacktest(id);
  useDocumentTitle(backtest.data ? `Backtest #${id} ${backtest.data.symbol}` : 'Backtest');
  if (!Number.isInteger(id) || id <= 0) return <EmptyState title="No such backtest" />;
  if (backtest.isPending) return <PageSkeleton />;
  if (backtest.isError) {
    return (
      <div className="page">
        <h1>Backtest #{id}</h1>
        <ErrorState error={backtest.error} onRetry={() => void backtest.refetch()} />
        <Link to="/backtests">All backtests</Link>
      </div>
    );
  }
  const data = backtest.data;
  return (
    <div className="page backtest">
      <p className="muted small">
        <Link to="/backtests">Backtests</Link> / #{data.id}
      </p>
      <div className="page-head">
        <h1>
          Backtest #{data.id} {data.symbol} <StatusTag status={data.status} />
        </h1>
        <Actions backtest={data} />
      </div>
      <p className="context-line">
        <Time ms={data.start} /> to <Time ms={data.end} /> ({daysText(data.end - data.start)}), created{' '}
        <Time ms={data.created_at} relative />
        {data.finished_at ? (
          <>
            , finished <Time ms={data.finished_at} relative />
          </>
        ) : null}
      </p>
      {isActive(data.status) ? (
        <section className="panel" aria-labelledby="bt-run-title">
          <h2 id="bt-run-title">{data.status === 'queued' ? 'Waiting to start' : 'Replaying'}</h2>
          <ProgressBar backtest={data} />
        </section>
      ) : null}
      {data.status === 'failed' ? (
        <div className="state state-error" role="alert">
          <strong>The replay failed</strong>
          <p className="state-message">{data.error ?? 'No reason was recorded.'}</p>
        </div>
      ) : null}
      {data.status === 'cancelled' ? <EmptyState title="Cancelled">This backtest was stopped before it finished.</EmptyState> : null}
      {data.status === 'completed' ? (
        <>
          <ProgressBar backtest={data} />
          <Results backtest={data} />
        </>
      ) : null}
      <ValuesUsed parameters={data.parameters} />
    </div>
  );
}

/** /backtests/:id: a backtest's progress, then its results. */
export default function BacktestPage() {
  const { id } = useParams();
  return <BacktestGate>{() => <BacktestView id={Number(id)} />}</BacktestGate>;
}
