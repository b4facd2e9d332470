import { describe, expect, it } from 'vitest';
import { MARKER_COLOURS, type SignalHits, signalHitMarkers, sortMarkers, sweepChartMarkers } from './chartMarkers';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const times = Array.from({ length: 10 }, (_, index) => T0 + index * H);
const none: SignalHits = { direction: 'long', triggered_at: null, tp1_at: null, tp2_at: null, tp3_at: null, stopped_at: null };

describe('signal hit markers', () => {
  it('marks the candle holding each hit minute: entry and stop below a long, targets above', () => {
    const signal: SignalHits = { ...none, triggered_at: T0 + 2 * H + 5 * 60_000, tp1_at: T0 + 4 * H, tp2_at: T0 + 6 * H + 59 * 60_000 };
    const markers = signalHitMarkers(signal, times, H);
    expect(markers.map((marker) => [marker.text, marker.time, marker.position])).toEqual([
      ['Entry', (T0 + 2 * H) / 1000, 'belowBar'],
      ['TP1', (T0 + 4 * H) / 1000, 'aboveBar'],
      ['TP2', (T0 + 6 * H) / 1000, 'aboveBar'],
    ]);
    expect(markers[0]?.color).toBe(MARKER_COLOURS.entry);
    expect(markers[1]?.color).toBe(MARKER_COLOURS.target);
  });

  it('mirrors a short and marks the stop', () => {
    const markers = signalHitMarkers({ ...none, direction: 'short', triggered_at: T0 + H, stopped_at: T0 + 3 * H }, times, H);
    expect(markers.map((marker) => [marker.text, marker.position, marker.shape])).toEqual([
      ['Entry', 'aboveBar', 'arrowDown'],
      ['SL', 'aboveBar', 'square'],
    ]);
    expect(markers[1]?.color).toBe(MARKER_COLOURS.stop);
  });

  it('leaves out hits before the first candle or after the last one closed', () => {
    const signal: SignalHits = { ...none, triggered_at: T0 - 1, tp1_at: T0 + 10 * H, tp2_at: T0 + 10 * H - 1 };
    expect(signalHitMarkers(signal, times, H).map((marker) => marker.text)).toEqual(['TP2']);
    expect(signalHitMarkers(signal, [], H)).toEqual([]);
  });
});

describe('marker order', () => {
  it('sorts by time and keeps the order within a bar', () => {
    const sweeps = sweepChartMarkers([{ id: 1, time: 30, position: 'belowBar', shape: 'arrowUp', direction: 'bullish', text: 'Sweep' }]);
    expect(sweeps[0]?.color).toBe(MARKER_COLOURS.bull);
    const sorted = sortMarkers([
      { time: 50, position: 'aboveBar', shape: 'circle', color: 'a', text: 'TP1' },
      { time: 20, position: 'belowBar', shape: 'arrowUp', color: 'b', text: 'Entry' },
      { time: 50, position: 'belowBar', shape: 'square', color: 'c', text: 'SL' },
      ...sweeps,
    ]);
    expect(sorted.map((marker) => marker.text)).toEqual(['Entry', 'Sweep', 'TP1', 'SL']);
  });
});
