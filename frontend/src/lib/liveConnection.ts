/** The stream connection's state machine, pure: what the header shows, whether the queries
 * the stream feeds poll, and when a closed EventSource is opened again.
 *
 * The browser reconnects an EventSource by itself after a dropped response (sending
 * Last-Event-ID, after the server's `retry:`); it gives up only on a refused one (401, 5xx, a
 * wrong content type): readyState CLOSED. Then a new EventSource is opened after a growing
 * pause. While not live, the queries poll every 30 s; on every (re)connection after the first
 * the caches are refetched, since a new EventSource starts without Last-Event-ID. */

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface ConnectionState {
  status: LiveStatus;
  /** Errors in a row since the last open: the reopen pause grows with them. */
  failures: number;
  /** Opened at least once: a later open has missed events to catch up on. */
  opened: boolean;
}

export type ConnectionInput = { kind: 'open' } | { kind: 'error'; closed: boolean };

export const INITIAL_CONNECTION: ConnectionState = { status: 'connecting', failures: 0, opened: false };

export const FALLBACK_POLL_MS = 30_000;
const FIRST_REOPEN_MS = 1_000;
const LONGEST_REOPEN_MS = 30_000;

export function nextConnection(state: ConnectionState, input: ConnectionInput): ConnectionState {
  if (input.kind === 'open') return { status: 'live', failures: 0, opened: true };
  return { status: 'reconnecting', failures: state.failures + 1, opened: state.opened };
}

/** Whether the transition asks for a refetch of everything the stream feeds: a drop (start
 * the fallback polling now) or a reopen (events were missed). */
export function needsRefetch(before: ConnectionState, after: ConnectionState): boolean {
  if (before.status === after.status) return false;
  if (after.status === 'live') return before.opened;
  return before.status === 'live';
}

/** The pause before a closed EventSource is opened again: 1 s, doubling, at most 30 s. */
export function reopenDelayMs(failures: number): number {
  const doublings = Math.max(0, failures - 1);
  return Math.min(LONGEST_REOPEN_MS, FIRST_REOPEN_MS * 2 ** Math.min(doublings, 10));
}

/** When to open a new EventSource after `input` (state: after it), null when the browser
 * reconnects by itself or nothing failed. */
export function reopenAfterMs(input: ConnectionInput, state: ConnectionState): number | null {
  return input.kind === 'error' && input.closed ? reopenDelayMs(state.failures) : null;
}

/** The refetch interval of a query the stream feeds: none while live, else its own. */
export function pollInterval(status: LiveStatus, fallbackMs: number = FALLBACK_POLL_MS): number | false {
  return status === 'live' ? false : fallbackMs;
}
