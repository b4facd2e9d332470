import {
  CandlestickSeries,
  ColorType,
  CrosshairMode,
  createChart,
  createSeriesMarkers,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  LineStyle,
  TickMarkType,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { Candle } from '../api/types';
import { decimalsForTick, formatDateTime, formatPrice, type PriceSpec, priceDecimals } from '../lib/format';
import type { ChartZone, ZoneMarker } from '../lib/zones';
import { ZonesPrimitive } from './zonesPrimitive';

export interface PriceLineSpec {
  price: number;
  title: string;
  kind: 'entry' | 'stop' | 'target';
}

const LINE_COLOURS: Record<PriceLineSpec['kind'], string> = {
  entry: '#60a5fa',
  stop: '#ef5350',
  target: '#26a69a',
};

const BULL = '#26a69a';
const BEAR = '#ef5350';

function tickLabel(time: Time, type: TickMarkType, zone: string): string {
  const ms = (time as number) * 1000;
  const full = formatDateTime(ms, zone);
  switch (type) {
    case TickMarkType.Year:
      return full.slice(0, 4);
    case TickMarkType.Month:
    case TickMarkType.DayOfMonth:
      return full.slice(5, 10);
    default:
      return full.slice(11, 16);
  }
}

/** Candles with zone boxes, sweep markers and optional level lines; times in `timezone`. */
export function CandleChart({
  candles,
  zones,
  markers,
  lines = [],
  spec,
  timezone,
  highlightId = null,
  focusTime = null,
  height = 460,
}: {
  candles: readonly Candle[];
  zones: readonly ChartZone[];
  markers: readonly ZoneMarker[];
  lines?: readonly PriceLineSpec[];
  spec: PriceSpec | null;
  timezone: string;
  highlightId?: number | null;
  focusTime?: number | null;
  height?: number;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const seriesRef = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const zonesRef = useRef<ZonesPrimitive | null>(null);
  const markersRef = useRef<ISeriesMarkersPluginApi<Time> | null>(null);
  const focusedRef = useRef<number | null>(null);

  // Create the chart once.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = createChart(container, {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: '#0d1117' },
        textColor: '#9aa4b2',
        fontSize: 11,
        attributionLogo: false,
      },
      grid: { vertLines: { color: '#161b22' }, horzLines: { color: '#161b22' } },
      crosshair: { mode: CrosshairMode.Normal },
      rightPriceScale: { borderColor: '#21262d' },
      timeScale: { borderColor: '#21262d', timeVisible: true, secondsVisible: false, rightOffset: 6 },
    });
    const series = chart.addSeries(CandlestickSeries, {
      upColor: BULL,
      downColor: BEAR,
      borderUpColor: BULL,
      borderDownColor: BEAR,
      wickUpColor: BULL,
      wickDownColor: BEAR,
    });
    const primitive = new ZonesPrimitive();
    series.attachPrimitive(primitive);
    chartRef.current = chart;
    seriesRef.current = series;
    zonesRef.current = primitive;
    markersRef.current = createSeriesMarkers(series, []);
    return () => {
      chart.remove();
      chartRef.current = null;
      seriesRef.current = null;
      zonesRef.current = null;
      markersRef.current = null;
    };
  }, []);

  // Formatting: the symbol's tick size and the user's timezone.
  useEffect(() => {
    const chart = chartRef.current;
    const series = seriesRef.current;
    if (!chart || !series) return;
    const sample = candles.at(-1)?.close ?? 1;
    const precision = spec?.tick_size ? decimalsForTick(spec.tick_size) : priceDecimals(sample, spec);
    series.applyOptions({
      priceFormat: { type: 'price', precision, minMove: spec?.tick_size ?? 10 ** -precision },
    });
    chart.applyOptions({
      localization: {
        priceFormatter: (price: number) => formatPrice(price, spec),
        timeFormatter: (time: Time) => formatDateTime((time as number) * 1000, timezone),
      },
      timeScale: { tickMarkFormatter: (time: Time, type: TickMarkType) => tickLabel(time, type, timezone) },
    });
  }, [spec, timezone, candles]);

  useEffect(() => {
    seriesRef.current?.setData(
      candles.map((candle) => ({
        time: (candle.time / 1000) as UTCTimestamp,
        open: candle.open,
        high: candle.high,
        low: candle.low,
        close: candle.close,
      })),
    );
  }, [candles]);

  useEffect(() => {
    zonesRef.current?.setZones(zones, highlightId);
    const container = containerRef.current;
    if (container) container.dataset.zones = String(zones.length);
  }, [zones, highlightId]);

  useEffect(() => {
    markersRef.current?.setMarkers(
      markers.map((marker) => ({
        time: marker.time as UTCTimestamp,
        position: marker.position,
        shape: marker.shape,
        color: marker.direction === 'bullish' ? BULL : BEAR,
        text: marker.text,
        size: 1,
      })),
    );
  }, [markers]);

  useEffect(() => {
    const series = seriesRef.current;
    if (!series) return;
    const created: IPriceLine[] = lines.map((line) =>
      series.createPriceLine({
        price: line.price,
        title: line.title,
        color: LINE_COLOURS[line.kind],
        lineWidth: line.kind === 'entry' ? 2 : 1,
        lineStyle: line.kind === 'entry' ? LineStyle.Solid : LineStyle.Dashed,
        axisLabelVisible: true,
      }),
    );
    return () => {
      // On unmount the chart effect's cleanup runs first and disposes the series
      // together with its lines; touching it afterwards throws "Object is disposed".
      if (seriesRef.current !== series) return;
      for (const line of created) series.removePriceLine(line);
    };
  }, [lines]);

  // Scroll to a pattern or signal once, when asked to.
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || focusTime === null || candles.length === 0 || focusedRef.current === focusTime) return;
    const times = candles.map((candle) => candle.time);
    let index = times.findIndex((time) => time >= focusTime);
    if (index < 0) index = times.length - 1;
    focusedRef.current = focusTime;
    const span = 120;
    chart.timeScale().setVisibleLogicalRange({
      from: Math.max(0, index - span * 0.6),
      to: Math.min(times.length + 6, index + span * 0.4),
    });
  }, [focusTime, candles]);

  return (
    <div
      ref={containerRef}
      className="chart"
      style={{ height }}
      data-testid="chart"
      role="img"
      aria-label="Candlestick chart with pattern zones"
    />
  );
}

export default CandleChart;
