import { useMemo } from 'react';
import { useSymbolMap } from '../api/queries';
import { ErrorState, Skeleton } from '../components/States';
import { useNow } from '../hooks/useNow';
import { useTimezone } from '../hooks/useTimezone';
import { type ChartEvent, eventMarkers, type SignalHits, signalHitMarkers, sortMarkers, sweepChartMarkers } from '../lib/chartMarkers';
import { patternTypeLabel, symbolFromUrl, timeframeMs } from '../lib/format';
import { DEFAULT_TIMEFRAMES } from '../lib/matrix';
import { CandleChart, type PriceLineSpec } from './CandleChart';
import { useChartCandles } from './useChartCandles';
import { useChartZones } from './useChartZones';

interface SymbolChartProps {
  urlSymbol: string;
  timeframe: string;
  lines?: readonly PriceLineSpec[];
  /** A signal whose entry, target and stop hits are marked on their candles. */
  signal?: SignalHits | null;
  /** Other moments marked on their candles (a backtest signal's creation and end). */
  events?: readonly ChartEvent[];
  /** Also draw the zones of the higher timeframes, labelled with theirs. */
  showHigher?: boolean;
  showVolume?: boolean;
  highlightId?: number | null;
  focusTime?: number | null;
  height?: number;
}

const NO_EVENTS: readonly ChartEvent[] = [];

/** Candles (forming one live, older ones on scrolling back), volume, zones and markers of one
 * symbol and timeframe. A new symbol or timeframe starts a fresh candle store. */
export function SymbolChart(props: SymbolChartProps) {
  return <SymbolChartBody key={`${props.urlSymbol}|${props.timeframe}`} {...props} />;
}

function SymbolChartBody({
  urlSymbol,
  timeframe,
  lines,
  signal = null,
  events = NO_EVENTS,
  showHigher = false,
  showVolume = true,
  highlightId = null,
  focusTime = null,
  height,
}: SymbolChartProps) {
  const symbol = symbolFromUrl(urlSymbol);
  const spec = useSymbolMap().get(symbol) ?? null;
  const timezone = useTimezone();
  const now = useNow(30_000);
  const data = useChartCandles(urlSymbol, timeframe);
  const { candles } = data;
  const times = useMemo(() => candles.map((candle) => candle.time), [candles]);
  const zoneData = useChartZones({ urlSymbol, timeframe, timeframes: DEFAULT_TIMEFRAMES, candleTimes: times, showHigher, now });
  const hits = useMemo(
    () => [
      ...(signal ? signalHitMarkers(signal, times, timeframeMs(timeframe)) : []),
      ...eventMarkers(events, times, timeframeMs(timeframe)),
    ],
    [signal, events, times, timeframe],
  );
  const markers = useMemo(() => sortMarkers([...sweepChartMarkers(zoneData.sweeps), ...hits]), [zoneData.sweeps, hits]);

  if (data.isPending) return <Skeleton rows={12} label="Loading candles" />;
  if (data.error) return <ErrorState error={data.error} onRetry={data.refetch} />;
  if (candles.length === 0) {
    return (
      <div className="state state-empty" role="status">
        <strong>
          No candles yet for {symbol} {timeframe}
        </strong>
      </div>
    );
  }
  const { zones } = zoneData;
  const higherCount = zones.filter((zone) => zone.label !== null).length;
  const restricted = zoneData.types.length < 3;
  return (
    <div className="chart-wrap" data-testid="chart-wrap" data-signal-markers={hits.map((hit) => hit.text).join(' ')}>
      <CandleChart
        candles={candles}
        zones={zones}
        markers={markers}
        lines={lines ?? []}
        spec={spec}
        timezone={timezone}
        highlightId={highlightId}
        focusTime={focusTime}
        height={height ?? 460}
        showVolume={showVolume}
        onNeedOlder={data.loadOlder}
      />
      <p className="muted small chart-caption" data-testid="zone-summary">
        {zoneData.error ? (
          <span role="alert">Zones unavailable: {zoneData.error.message}</span>
        ) : (
          <>
            {zones.length} zone{zones.length === 1 ? '' : 's'} ({zones.filter((zone) => zone.active).length} active
            {showHigher ? `, ${higherCount} from ${zoneData.higher.join(', ') || 'no higher timeframe'}` : ''})
            {restricted ? ` · ${zoneData.types.map(patternTypeLabel).join(', ')} on your tier` : ''}, {markers.length} marker
            {markers.length === 1 ? '' : 's'} · times in {timezone}
          </>
        )}
        <span className="cl-history" data-testid="chart-history">
          {' · '}
          {data.loadingOlder
            ? 'Loading older candles…'
            : data.olderError
              ? `Older candles failed: ${data.olderError.message}`
              : data.reachedStart
                ? 'First candle reached'
                : 'Scroll back for older candles'}
        </span>
      </p>
    </div>
  );
}

export default SymbolChart;
