import type { ChartCandle } from '../lib/chartCandles';
import { formatVolume, legendValues } from '../lib/chartLegend';
import { formatDateTime, formatPct, formatPrice, type PriceSpec } from '../lib/format';

/** OHLC, volume and change of the candle under the crosshair (the last one when it is away). */
export function ChartLegend({
  candles,
  hoverTime,
  spec,
  timezone,
}: {
  candles: readonly ChartCandle[];
  hoverTime: number | null;
  spec: PriceSpec | null;
  timezone: string;
}) {
  const values = legendValues(candles, hoverTime);
  if (!values) return null;
  const direction = values.change >= 0 ? 'up' : 'down';
  const sign = values.change > 0 ? '+' : '';
  return (
    <div className="cl-legend num" data-testid="chart-legend" data-time={values.time} aria-live="off">
      <span className="muted">{formatDateTime(values.time, timezone)}</span>
      {values.forming ? <span className="cl-forming">forming</span> : null}
      <span>
        <span className="muted">O</span> {formatPrice(values.open, spec)}
      </span>
      <span>
        <span className="muted">H</span> {formatPrice(values.high, spec)}
      </span>
      <span>
        <span className="muted">L</span> {formatPrice(values.low, spec)}
      </span>
      <span>
        <span className="muted">C</span> <span data-testid="legend-close">{formatPrice(values.close, spec)}</span>
      </span>
      <span>
        <span className="muted">Vol</span> {formatVolume(values.volume)}
      </span>
      <span className={direction}>
        {sign}
        {formatPrice(values.change, spec)} ({formatPct(values.changePct)})
      </span>
    </div>
  );
}
