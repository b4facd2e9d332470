import { describe, expect, it } from 'vitest';
import {
  type ConnectionState,
  INITIAL_CONNECTION,
  needsRefetch,
  nextConnection,
  pollInterval,
  reopenAfterMs,
  reopenDelayMs,
} from './liveConnection';

describe('the stream connection', () => {
  it('polls until the first open, then not, without a refetch (the queries just loaded)', () => {
    expect(pollInterval(INITIAL_CONNECTION.status)).toBe(30_000);
    const live = nextConnection(INITIAL_CONNECTION, { kind: 'open' });
    expect(live.status).toBe('live');
    expect(pollInterval(live.status)).toBe(false);
    expect(needsRefetch(INITIAL_CONNECTION, live)).toBe(false);
  });

  it('falls back to polling when it drops and catches up when it is back', () => {
    const live = nextConnection(INITIAL_CONNECTION, { kind: 'open' });
    const dropped = nextConnection(live, { kind: 'error', closed: false });
    expect(dropped.status).toBe('reconnecting');
    expect(pollInterval(dropped.status, 60_000)).toBe(60_000);
    expect(needsRefetch(live, dropped)).toBe(true);
    const again = nextConnection(dropped, { kind: 'error', closed: true });
    expect(needsRefetch(dropped, again)).toBe(false);
    const back = nextConnection(again, { kind: 'open' });
    expect(back).toEqual({ status: 'live', failures: 0, opened: true });
    expect(needsRefetch(again, back)).toBe(true);
  });

  it('counts failures in a row and never refetches while it never opened', () => {
    let state: ConnectionState = INITIAL_CONNECTION;
    for (let tries = 0; tries < 3; tries += 1) {
      const next = nextConnection(state, { kind: 'error', closed: true });
      expect(needsRefetch(state, next)).toBe(false);
      state = next;
    }
    expect(state.failures).toBe(3);
  });

  it('reopens a closed stream after 1 s, doubling, at most 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(reopenDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('opens a new stream only when the browser gave up on it', () => {
    const live = nextConnection(INITIAL_CONNECTION, { kind: 'open' });
    const retrying = { kind: 'error', closed: false } as const;
    expect(reopenAfterMs(retrying, nextConnection(live, retrying))).toBeNull();
    const refused = { kind: 'error', closed: true } as const;
    const once = nextConnection(live, refused);
    expect(reopenAfterMs(refused, once)).toBe(1_000);
    expect(reopenAfterMs(refused, nextConnection(once, refused))).toBe(2_000);
    expect(reopenAfterMs({ kind: 'open' }, live)).toBeNull();
  });
});
