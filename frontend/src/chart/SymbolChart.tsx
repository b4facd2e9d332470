import { useMemo } from 'react';
import { useCandles, useChartPatterns, useSymbolMap } from '../api/queries';
import { ErrorState, Skeleton } from '../components/States';
import { useNow } from '../hooks/useNow';
import { useTimezone } from '../hooks/useTimezone';
import { symbolFromUrl, timeframeMs } from '../lib/format';
import { sweepMarkers, toChartZones } from '../lib/zones';
import { CandleChart, type PriceLineSpec } from './CandleChart';

/** Expiry per timeframe (patterns.md), to fetch patterns still alive at the first candle. */
const EXPIRY_MS: Record<string, number> = {
  '1m': 4 * 3_600_000,
  '5m': 12 * 3_600_000,
  '15m': 24 * 3_600_000,
  '1h': 3 * 86_400_000,
  '4h': 7 * 86_400_000,
  '1d': 14 * 86_400_000,
};

/** Candles + zones + markers of one symbol and timeframe, loaded and polled. */
export function SymbolChart({
  urlSymbol,
  timeframe,
  lines,
  highlightId = null,
  focusTime = null,
  height,
}: {
  urlSymbol: string;
  timeframe: string;
  lines?: readonly PriceLineSpec[];
  highlightId?: number | null;
  focusTime?: number | null;
  height?: number;
}) {
  const symbol = symbolFromUrl(urlSymbol);
  const spec = useSymbolMap().get(symbol) ?? null;
  const timezone = useTimezone();
  const now = useNow(30_000);
  const candles = useCandles(urlSymbol, timeframe);
  const first = candles.data?.[0]?.time ?? null;
  const since = first === null ? null : first - (EXPIRY_MS[timeframe] ?? 3 * 86_400_000);
  const patterns = useChartPatterns(urlSymbol, timeframe, since);
  const times = useMemo(() => (candles.data ?? []).map((candle) => candle.time), [candles.data]);
  const zones = useMemo(
    () => toChartZones(patterns.data ?? [], times, timeframeMs(timeframe), now),
    [patterns.data, times, timeframe, now],
  );
  const markers = useMemo(() => sweepMarkers(patterns.data ?? [], times), [patterns.data, times]);

  if (candles.isPending) return <Skeleton rows={12} label="Loading candles" />;
  if (candles.isError) return <ErrorState error={candles.error} onRetry={() => void candles.refetch()} />;
  if (candles.data.length === 0) {
    return (
      <div className="state state-empty" role="status">
        <strong>
          No candles yet for {symbol} {timeframe}
        </strong>
      </div>
    );
  }
  return (
    <div className="chart-wrap">
      <CandleChart
        candles={candles.data}
        zones={zones}
        markers={markers}
        lines={lines ?? []}
        spec={spec}
        timezone={timezone}
        highlightId={highlightId}
        focusTime={focusTime}
        height={height ?? 460}
      />
      <p className="muted small chart-caption" data-testid="zone-summary">
        {patterns.isError ? (
          <span role="alert">Zones unavailable: {patterns.error.message}</span>
        ) : (
          <>
            {zones.length} zone{zones.length === 1 ? '' : 's'} ({zones.filter((zone) => zone.active).length} active), {markers.length} sweep
            marker{markers.length === 1 ? '' : 's'} · times in {timezone}
          </>
        )}
      </p>
    </div>
  );
}

export default SymbolChart;
