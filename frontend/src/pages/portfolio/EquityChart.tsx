import { ColorType, createChart, type IChartApi, type ISeriesApi, LineSeries, type Time, type UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { useChartColours } from '../../chart/chartColours';
import { EmptyState, ErrorState, Skeleton } from '../../components/States';
import { useTimezone } from '../../hooks/useTimezone';
import { formatDateTime } from '../../lib/format';
import { equityLine } from './equity';
import { useEquity } from './reportQueries';

const LINE = '#26a69a';

function Chart({ points }: { points: ReturnType<typeof equityLine> }) {
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
    series.current = created.addSeries(LineSeries, { color: LINE, lineWidth: 2, priceLineVisible: false });
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
  // Times in the user's zone, as everywhere else (the chart itself draws UTC).
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
  return <div ref={box} className="equity-chart" role="img" aria-label={`Equity curve: ${points.length} points`} />;
}

/** The balance after each closed trade, from the initial balance: a line. */
export function EquityChart({ portfolioId }: { portfolioId: number }) {
  const equity = useEquity(portfolioId);
  return (
    <section className="panel" aria-labelledby="equity-title" data-testid="equity-curve">
      <h2 id="equity-title">Equity curve</h2>
      {equity.isPending ? (
        <Skeleton rows={4} label="Loading the equity curve" />
      ) : equity.isError ? (
        <ErrorState error={equity.error} onRetry={() => void equity.refetch()} />
      ) : equity.data.length < 2 ? (
        <EmptyState title="No closed trades yet">The curve starts at the initial balance and moves with each closed trade.</EmptyState>
      ) : (
        <Chart points={equityLine(equity.data)} />
      )}
      {equity.data && equity.data.length >= 2 ? (
        <p className="muted small" data-testid="equity-points">
          {equity.data.length - 1} closed trade{equity.data.length === 2 ? '' : 's'}, last balance {equity.data.at(-1)?.balance}
        </p>
      ) : null}
    </section>
  );
}
