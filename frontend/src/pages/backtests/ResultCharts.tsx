import { ColorType, createChart, type IChartApi, type ISeriesApi, LineSeries, type Time, type UTCTimestamp } from 'lightweight-charts';
import { useEffect, useMemo, useRef } from 'react';
import { useChartColours } from '../../chart/chartColours';
import { EmptyState, ErrorState, Skeleton } from '../../components/States';
import { useTimezone } from '../../hooks/useTimezone';
import { formatDateTime, formatR } from '../../lib/format';
import { type EquityPoint, useBacktestEquity } from './queries';
import { type Bucket, equitySeries, histogram } from './rules';

const LINE = '#26a69a';

function Line({ points }: { points: { time: number; value: number }[] }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<ISeriesApi<'Line'> | null>(null);
  const colours = useChartColours();
  const zone = useTimezone();
  useEffect(() => {
    if (!box.current) return;
    const created = createChart(box.current, {
      autoSize: true,
      layout: { attributionLogo: false, fontSize: 11 },
      timeScale: { timeVisible: true },
      rightPriceScale: { borderVisible: false },
    });
    chart.current = created;
    series.current = created.addSeries(LineSeries, {
      color: LINE,
      lineWidth: 2,
      priceLineVisible: false,
      priceFormat: { type: 'custom', formatter: (value: number) => formatR(value) },
    });
    return () => {
      created.remove();
      chart.current = null;
      series.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.applyOptions({
      layout: { background: { type: ColorType.Solid, color: colours.background }, textColor: colours.text },
      grid: { vertLines: { color: colours.grid }, horzLines: { color: colours.grid } },
      timeScale: { borderColor: colours.border },
    });
  }, [colours]);
  useEffect(() => {
    const label = (time: Time) => formatDateTime((time as number) * 1000, zone);
    chart.current?.applyOptions({
      localization: { timeFormatter: label },
      timeScale: { tickMarkFormatter: (time: Time) => label(time).slice(5) },
    });
  }, [zone]);
  useEffect(() => {
    series.current?.setData(points.map((point) => ({ time: point.time as UTCTimestamp, value: point.value })));
    chart.current?.timeScale().fitContent();
  }, [points]);
  return <div ref={box} className="equity-chart" role="img" aria-label={`Equity curve in R: ${points.length} points`} />;
}

/** The cumulative outcome in R: from (start, 0), one point per resolved signal. */
export function EquityCurve({ backtestId }: { backtestId: number }) {
  const equity = useBacktestEquity(backtestId, true);
  const points = useMemo(() => equitySeries(equity.data ?? []), [equity.data]);
  const last: EquityPoint | undefined = equity.data?.at(-1);
  return (
    <section className="panel" aria-labelledby="bt-equity-title" data-testid="backtest-equity">
      <h2 id="bt-equity-title">Equity curve (R)</h2>
      {equity.isPending ? (
        <Skeleton rows={4} label="Loading the equity curve" />
      ) : equity.isError ? (
        <ErrorState error={equity.error} onRetry={() => void equity.refetch()} />
      ) : points.length < 2 ? (
        <EmptyState title="No resolved signals">The curve starts at 0 R and moves with each signal stopped, at TP3 or closed.</EmptyState>
      ) : (
        <>
          <Line points={points} />
          <p className="muted small">
            {(equity.data?.length ?? 1) - 1} resolved signals, ending at {formatR(last?.cumulative_r)}
          </p>
        </>
      )}
    </section>
  );
}

function bucketLabel(bucket: Bucket): string {
  return `${formatR(bucket.from)} to ${formatR(bucket.to)}`;
}

/** How the resolved outcomes spread, in 0.5 R buckets: bars with their counts, and the same as
 * a table for screen readers. */
export function OutcomeHistogram({ outcomes }: { outcomes: readonly number[] }) {
  const buckets = useMemo(() => histogram(outcomes), [outcomes]);
  const most = Math.max(1, ...buckets.map((bucket) => bucket.count));
  return (
    <section className="panel" aria-labelledby="bt-histogram-title" data-testid="backtest-histogram">
      <h2 id="bt-histogram-title">Outcomes (R)</h2>
      {buckets.length === 0 ? (
        <EmptyState title="No resolved signals" />
      ) : (
        <table className="bt-histogram">
          <caption className="sr-only">Resolved signals per outcome range, 0.5 R wide</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">Signals</th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((bucket) => (
              <tr key={bucket.from}>
                <th scope="row" className="num small">
                  {bucketLabel(bucket)}
                </th>
                <td>
                  <span className="bt-bar-row">
                    <span
                      className={`bt-bar ${bucket.from >= 0 ? 'bt-bar-win' : 'bt-bar-loss'}`}
                      style={{ width: `${(bucket.count / most) * 100}%` }}
                    />
                    <span className="num small">{bucket.count}</span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
