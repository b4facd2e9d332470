/** The chart page's state in its URL (search params), so reload, back and a shared link keep
 * it: `tf` the timeframe, `htf=1` higher-timeframe zones shown, `vol=0` the volume pane hidden.
 * Defaults are left out of the URL. Pure functions, unit-tested. */

export interface ChartState {
  timeframe: string;
  higherZones: boolean;
  volume: boolean;
}

export const DEFAULT_CHART_TIMEFRAME = '1h';

export function readChartState(params: URLSearchParams, timeframes: readonly string[]): ChartState {
  const tf = params.get('tf');
  return {
    timeframe: tf !== null && timeframes.includes(tf) ? tf : DEFAULT_CHART_TIMEFRAME,
    higherZones: params.get('htf') === '1',
    volume: params.get('vol') !== '0',
  };
}

/** New params with `patch` applied; other params (pattern, signal) are kept. */
export function writeChartState(params: URLSearchParams, patch: Partial<ChartState>): URLSearchParams {
  const next = new URLSearchParams(params);
  if (patch.timeframe !== undefined) next.set('tf', patch.timeframe);
  if (patch.higherZones !== undefined) {
    if (patch.higherZones) next.set('htf', '1');
    else next.delete('htf');
  }
  if (patch.volume !== undefined) {
    if (patch.volume) next.delete('vol');
    else next.set('vol', '0');
  }
  return next;
}
