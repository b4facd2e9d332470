import {
  CandlestickSeries,
  ColorType,
  CrosshairMode,
  createChart,
  createSeriesMarkers,
  HistogramSeries,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  LineStyle,
  type LogicalRange,
  type MouseEventParams,
  TickMarkType,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef, useState } from 'react';
import { type ChartCandle, tailChangeStart } from '../lib/chartCandles';
import type { ChartMarker } from '../lib/chartMarkers';
import type { LabelledZone } from '../lib/chartZones';
import { decimalsForTick, formatDateTime, formatPrice, type PriceSpec, priceDecimals } from '../lib/format';
import { ChartLegend } from './ChartLegend';
import { useChartColours } from './chartColours';
import { ZonesPrimitive } from './zonesPrimitive';
import './chart.css';

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
const VOLUME_BULL = 'rgba(38, 166, 154, 0.45)';
const VOLUME_BEAR = 'rgba(239, 83, 80, 0.45)';
/** The volume pane's share of the height, against the price pane's 1. */
const VOLUME_STRETCH = 0.28;
/** Fewer bars than this left of the view: ask for older candles. */
const OLDER_THRESHOLD = 40;

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

function priceBar(candle: ChartCandle) {
  return {
    time: (candle.time / 1000) as UTCTimestamp,
    open: candle.open,
    high: candle.high,
    low: candle.low,
    close: candle.close,
  };
}

function volumeBar(candle: ChartCandle) {
  return {
    time: (candle.time / 1000) as UTCTimestamp,
    value: candle.volume,
    color: candle.close >= candle.open ? VOLUME_BULL : VOLUME_BEAR,
  };
}

/** Candles with a volume pane, zone boxes, markers, optional level lines and an OHLC legend
 * under the crosshair; times in `timezone`. `onNeedOlder` is called when the view nears the
 * first loaded candle. */
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
  showVolume = true,
  onNeedOlder,
}: {
  candles: readonly ChartCandle[];
  zones: readonly LabelledZone[];
  markers: readonly ChartMarker[];
  lines?: readonly PriceLineSpec[];
  spec: PriceSpec | null;
  timezone: string;
  highlightId?: number | null;
  focusTime?: number | null;
  height?: number;
  showVolume?: boolean;
  onNeedOlder?: () => void;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const seriesRef = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const volumeRef = useRef<ISeriesApi<'Histogram'> | null>(null);
  const zonesRef = useRef<ZonesPrimitive | null>(null);
  const markersRef = useRef<ISeriesMarkersPluginApi<Time> | null>(null);
  const focusedRef = useRef<number | null>(null);
  const drawnRef = useRef<readonly ChartCandle[]>([]);
  const needOlderRef = useRef(onNeedOlder);
  needOlderRef.current = onNeedOlder;
  const [hoverTime, setHoverTime] = useState<number | null>(null);
  const colours = useChartColours();

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
        panes: { separatorColor: '#21262d' },
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
    const onCrosshair = (param: MouseEventParams<Time>) => {
      setHoverTime(param.time === undefined ? null : (param.time as number) * 1000);
    };
    const onRange = (range: LogicalRange | null) => {
      if (range && range.from < OLDER_THRESHOLD) needOlderRef.current?.();
    };
    chart.subscribeCrosshairMove(onCrosshair);
    chart.timeScale().subscribeVisibleLogicalRangeChange(onRange);
    return () => {
      chart.unsubscribeCrosshairMove(onCrosshair);
      chart.timeScale().unsubscribeVisibleLogicalRangeChange(onRange);
      chart.remove();
      chartRef.current = null;
      seriesRef.current = null;
      volumeRef.current = null;
      zonesRef.current = null;
      markersRef.current = null;
      drawnRef.current = [];
    };
  }, []);

  // The theme's colours (light or dark), again when it switches.
  useEffect(() => {
    chartRef.current?.applyOptions({
      layout: {
        background: { type: ColorType.Solid, color: colours.background },
        textColor: colours.text,
        panes: { separatorColor: colours.border },
      },
      grid: { vertLines: { color: colours.grid }, horzLines: { color: colours.grid } },
      rightPriceScale: { borderColor: colours.border },
      timeScale: { borderColor: colours.border },
    });
  }, [colours]);

  // The volume pane: a histogram in a second pane under the price.
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || !showVolume) return;
    const volume = chart.addSeries(
      HistogramSeries,
      { priceFormat: { type: 'volume' }, priceLineVisible: false, lastValueVisible: false },
      1,
    );
    chart.panes()[1]?.setStretchFactor(VOLUME_STRETCH);
    volume.setData(drawnRef.current.map(volumeBar));
    volumeRef.current = volume;
    return () => {
      // The chart's own cleanup may have run first (unmount) and removed the series with it.
      if (chartRef.current === chart) chart.removeSeries(volume);
      volumeRef.current = null;
    };
  }, [showVolume]);

  // Formatting: the symbol's tick size and the user's timezone.
  const sample = candles.at(-1)?.close ?? 1;
  useEffect(() => {
    const chart = chartRef.current;
    const series = seriesRef.current;
    if (!chart || !series) return;
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
  }, [spec, timezone, sample]);

  // Data: only the changed tail bars when a poll moved the forming candle, all bars otherwise.
  useEffect(() => {
    const series = seriesRef.current;
    if (!series) return;
    const start = tailChangeStart(drawnRef.current, candles);
    if (start === null) {
      series.setData(candles.map(priceBar));
      volumeRef.current?.setData(candles.map(volumeBar));
    } else {
      for (const candle of candles.slice(start)) {
        series.update(priceBar(candle));
        volumeRef.current?.update(volumeBar(candle));
      }
    }
    drawnRef.current = candles;
  }, [candles]);

  useEffect(() => {
    zonesRef.current?.setZones(zones, highlightId);
  }, [zones, highlightId]);

  useEffect(() => {
    markersRef.current?.setMarkers(
      markers.map((marker) => ({
        time: marker.time as UTCTimestamp,
        position: marker.position,
        shape: marker.shape,
        color: marker.color,
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

  const last = candles.at(-1);
  return (
    <div className="cl-chart" style={{ height }}>
      <div
        ref={containerRef}
        className="chart cl-chart-canvas"
        data-testid="chart"
        data-candles={candles.length}
        data-first-time={candles[0]?.time ?? ''}
        data-last-time={last?.time ?? ''}
        data-last-close={last?.close ?? ''}
        data-forming={last?.forming ? 'true' : 'false'}
        data-zones={zones.length}
        data-labelled-zones={zones.filter((zone) => zone.label !== null).length}
        data-markers={markers.length}
        role="img"
        aria-label="Candlestick chart with volume and pattern zones"
      />
      <ChartLegend candles={candles} hoverTime={hoverTime} spec={spec} timezone={timezone} />
    </div>
  );
}

export default CandleChart;
