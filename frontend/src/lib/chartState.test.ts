import { describe, expect, it } from 'vitest';
import { readChartState, writeChartState } from './chartState';

const TFS = ['1m', '5m', '15m', '1h', '4h', '1d'];

describe('chart state in the URL', () => {
  it('reads the timeframe and toggles, with defaults for what is missing or unknown', () => {
    expect(readChartState(new URLSearchParams(''), TFS)).toEqual({ timeframe: '1h', higherZones: false, volume: true });
    expect(readChartState(new URLSearchParams('tf=15m&htf=1&vol=0'), TFS)).toEqual({ timeframe: '15m', higherZones: true, volume: false });
    expect(readChartState(new URLSearchParams('tf=7m'), TFS).timeframe).toBe('1h');
  });

  it('writes a change, leaves defaults out and keeps other params', () => {
    const start = new URLSearchParams('tf=1h&signal=12&pattern=7');
    const on = writeChartState(start, { timeframe: '15m', higherZones: true, volume: false });
    expect(on.toString()).toBe('tf=15m&signal=12&pattern=7&htf=1&vol=0');
    const off = writeChartState(on, { higherZones: false, volume: true });
    expect(off.toString()).toBe('tf=15m&signal=12&pattern=7');
    expect(readChartState(on, TFS)).toEqual({ timeframe: '15m', higherZones: true, volume: false });
    expect(start.toString()).toBe('tf=1h&signal=12&pattern=7');
  });
});
