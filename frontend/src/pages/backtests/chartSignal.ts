/** A backtest signal on the live chart page: its creation and an end the hit markers do not
 * show (closed at the range's end, expired, cancelled) as markers. Pure, unit-tested. */
import type { ChartEvent } from '../../lib/chartMarkers';

export const CREATED_COLOUR = '#a78bfa';
export const EXIT_COLOUR = '#9ca3af';

export interface SignalTimes {
  direction: string;
  created_at: number;
  closed_at: number | null;
  expired_at: number | null;
  cancelled_at: number | null;
}

export function lifecycleEvents(signal: SignalTimes): ChartEvent[] {
  const long = signal.direction === 'long';
  const events: ChartEvent[] = [
    { at: signal.created_at, position: long ? 'belowBar' : 'aboveBar', shape: 'circle', color: CREATED_COLOUR, text: 'Created' },
  ];
  const ends: [number | null, string][] = [
    [signal.closed_at, 'Closed'],
    [signal.expired_at, 'Expired'],
    [signal.cancelled_at, 'Cancelled'],
  ];
  for (const [at, text] of ends) {
    if (at !== null) events.push({ at, position: long ? 'aboveBar' : 'belowBar', shape: 'square', color: EXIT_COLOUR, text });
  }
  return events;
}
