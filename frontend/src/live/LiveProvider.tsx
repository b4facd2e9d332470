/** One EventSource on GET /api/v1/stream per signed-in tab (mounted by the signed-in layout):
 * events into the query cache, highlights, a toast and the opt-in browser notification for a
 * new signal; the connection's state machine (lib/liveConnection.ts) drives the header's
 * indicator and the queries' fallback polling. */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { usePreferences } from '../api/queries';
import type { Preferences } from '../api/types';
import { useTimezone } from '../hooks/useTimezone';
import { LIVE_EVENT_TYPES, parseLiveEvent } from '../lib/liveCache';
import { type ConnectionState, INITIAL_CONNECTION, needsRefetch, nextConnection, reopenAfterMs } from '../lib/liveConnection';
import { applyLiveEvent, refetchLiveQueries, staleRefetcher } from './applyEvent';
import { notifySignal } from './browserNotify';
import { markChanged } from './highlights';
import { liveStatus } from './status';
import { toastSignal } from './toasts';

export const STREAM_URL = '/api/v1/stream';

export function LiveProvider() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const preferences = usePreferences();
  const timeZone = useTimezone();
  // Read by the handlers when an event comes, without reopening the stream when they change.
  const latest = useRef<{ prefs: Preferences | undefined; timeZone: string; navigate: typeof navigate }>({
    prefs: undefined,
    timeZone,
    navigate,
  });
  latest.current = { prefs: preferences.data, timeZone, navigate };

  useEffect(() => {
    let state: ConnectionState = INITIAL_CONNECTION;
    let source: EventSource | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const stale = staleRefetcher(client);

    const move = (next: ConnectionState) => {
      const refetch = needsRefetch(state, next);
      state = next;
      liveStatus.set(next.status);
      if (refetch) refetchLiveQueries(client);
    };

    const onEvent = (message: MessageEvent<string>) => {
      const event = parseLiveEvent(message.type, message.data);
      if (!event) return;
      const applied = applyLiveEvent(client, event);
      markChanged(applied.changed);
      stale.add(applied.stale);
      if (event.type === 'signal.created' && 'signal' in event) {
        toastSignal(event.signal);
        const { prefs, timeZone: zone, navigate: open } = latest.current;
        notifySignal(event.signal, prefs, zone, (path) => void open(path));
      }
    };

    const open = () => {
      if (stopped) return;
      const next = new EventSource(STREAM_URL, { withCredentials: true });
      source = next;
      next.onopen = () => move(nextConnection(state, { kind: 'open' }));
      next.onerror = () => {
        const input = { kind: 'error', closed: next.readyState === EventSource.CLOSED } as const;
        move(nextConnection(state, input));
        // Refused (signed out, server error): the browser gave up, so a new one, later.
        const reopenIn = reopenAfterMs(input, state);
        if (reopenIn !== null && !stopped) reopenTimer = setTimeout(open, reopenIn);
      };
      for (const type of LIVE_EVENT_TYPES) next.addEventListener(type, onEvent);
    };

    open();
    return () => {
      stopped = true;
      clearTimeout(reopenTimer);
      stale.cancel();
      source?.close();
      liveStatus.set('connecting');
    };
  }, [client]);

  return null;
}
