import { describe, expect, it } from 'vitest';
import { eventMarkers } from '../../lib/chartMarkers';
import { CREATED_COLOUR, lifecycleEvents } from './chartSignal';

const HOUR = 3_600_000;

describe('lifecycleEvents', () => {
  it('marks the creation and an end the hit markers do not show', () => {
    const events = lifecycleEvents({ direction: 'long', created_at: 10, closed_at: 50, expired_at: null, cancelled_at: null });
    expect(events.map((event) => [event.at, event.text, event.position])).toEqual([
      [10, 'Created', 'belowBar'],
      [50, 'Closed', 'aboveBar'],
    ]);
    expect(events[0]?.color).toBe(CREATED_COLOUR);
    const short = lifecycleEvents({ direction: 'short', created_at: 10, closed_at: null, expired_at: 70, cancelled_at: null });
    expect(short.map((event) => [event.text, event.position])).toEqual([
      ['Created', 'aboveBar'],
      ['Expired', 'belowBar'],
    ]);
  });
});

describe('eventMarkers', () => {
  const candles = [0, HOUR, 2 * HOUR];
  const event = { position: 'belowBar', shape: 'circle', color: '#fff', text: 'Created' } as const;

  it('puts an event on the candle holding it', () => {
    expect(eventMarkers([{ ...event, at: HOUR + 5 * 60_000 }], candles, HOUR)).toEqual([{ ...event, time: HOUR / 1000 }]);
  });

  it('leaves out events before the first candle or after the last close', () => {
    expect(eventMarkers([{ ...event, at: -1 }], candles, HOUR)).toEqual([]);
    expect(eventMarkers([{ ...event, at: 3 * HOUR }], candles, HOUR)).toEqual([]);
    expect(eventMarkers([{ ...event, at: 5 }], [], HOUR)).toEqual([]);
  });
});
