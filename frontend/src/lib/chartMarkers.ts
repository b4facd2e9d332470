/** Markers on the chart: where a signal's entry, each target and its stop were hit (at the chart
 * candle holding the hit minute), and liquidity sweeps. Pure functions, unit-tested. */
import type { ZoneMarker } from './zones';
import { floorIndex } from './zones';

export interface ChartMarker {
  /** The candle's open time in seconds (the chart's UTCTimestamp). */
  time: number;
  position: 'belowBar' | 'aboveBar';
  shape: 'arrowUp' | 'arrowDown' | 'circle' | 'square';
  color: string;
  text: string;
}

/** The signal fields the markers need (SignalOut fits); hit times are ms UTC. */
export interface SignalHits {
  direction: 'long' | 'short';
  triggered_at: number | null;
  tp1_at: number | null;
  tp2_at: number | null;
  tp3_at: number | null;
  stopped_at: number | null;
}

export const MARKER_COLOURS = {
  entry: '#60a5fa',
  target: '#26a69a',
  stop: '#ef5350',
  bull: '#26a69a',
  bear: '#ef5350',
} as const;

/**
 * @param candleTimes ascending candle open times (ms) on the chart
 * @param timeframeMs the chart's candle length: a hit after the last candle's close is not drawn
 */
export function signalHitMarkers(signal: SignalHits, candleTimes: readonly number[], timeframeMs: number): ChartMarker[] {
  const count = candleTimes.length;
  if (count === 0) return [];
  const lastClose = (candleTimes[count - 1] as number) + timeframeMs;
  const long = signal.direction === 'long';
  // Entry and stop on the side the trade risks, targets on the side it aims for.
  const risk = long ? 'belowBar' : 'aboveBar';
  const aim = long ? 'aboveBar' : 'belowBar';
  const hits: [number | null, Omit<ChartMarker, 'time'>][] = [
    [signal.triggered_at, { position: risk, shape: long ? 'arrowUp' : 'arrowDown', color: MARKER_COLOURS.entry, text: 'Entry' }],
    [signal.tp1_at, { position: aim, shape: 'circle', color: MARKER_COLOURS.target, text: 'TP1' }],
    [signal.tp2_at, { position: aim, shape: 'circle', color: MARKER_COLOURS.target, text: 'TP2' }],
    [signal.tp3_at, { position: aim, shape: 'circle', color: MARKER_COLOURS.target, text: 'TP3' }],
    [signal.stopped_at, { position: risk, shape: 'square', color: MARKER_COLOURS.stop, text: 'SL' }],
  ];
  const markers: ChartMarker[] = [];
  for (const [at, marker] of hits) {
    if (at === null || at >= lastClose) continue;
    const index = floorIndex(candleTimes, at);
    if (index < 0) continue;
    markers.push({ ...marker, time: Math.floor((candleTimes[index] as number) / 1000) });
  }
  return markers;
}

/** Sweep arrows in the chart's marker form. */
export function sweepChartMarkers(markers: readonly ZoneMarker[]): ChartMarker[] {
  return markers.map((marker) => ({
    time: marker.time,
    position: marker.position,
    shape: marker.shape,
    color: marker.direction === 'bullish' ? MARKER_COLOURS.bull : MARKER_COLOURS.bear,
    text: marker.text,
  }));
}

/** All markers ascending by time (the chart requires it); the order within a bar is kept. */
export function sortMarkers(markers: readonly ChartMarker[]): ChartMarker[] {
  return markers
    .map((marker, order) => ({ marker, order }))
    .sort((a, b) => a.marker.time - b.marker.time || a.order - b.order)
    .map(({ marker }) => marker);
}

/** A moment to mark on the candle holding it (a backtest signal's creation and its end). */
export interface ChartEvent extends Omit<ChartMarker, 'time'> {
  /** ms UTC. */
  at: number;
}

/** Events at the candles holding them; those before the first candle or after the last one's
 * close are not drawn. */
export function eventMarkers(events: readonly ChartEvent[], candleTimes: readonly number[], timeframeMs: number): ChartMarker[] {
  const count = candleTimes.length;
  if (count === 0) return [];
  const lastClose = (candleTimes[count - 1] as number) + timeframeMs;
  const markers: ChartMarker[] = [];
  for (const { at, ...marker } of events) {
    if (at >= lastClose) continue;
    const index = floorIndex(candleTimes, at);
    if (index < 0) continue;
    markers.push({ ...marker, time: Math.floor((candleTimes[index] as number) / 1000) });
  }
  return markers;
}
