/** The stream's status, read by the header and by the queries' refetch intervals (they poll
 * only while the stream is not live). */
import { useSyncExternalStore } from 'react';
import { type LiveStatus, pollInterval } from '../lib/liveConnection';
import { createStore } from './store';

export const liveStatus = createStore<LiveStatus>('connecting');

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(liveStatus.subscribe, liveStatus.get);
}

/** A query's refetchInterval: `ms` while the stream is down, none while it is live. */
export function pollUnlessLive(ms: number): () => number | false {
  return () => pollInterval(liveStatus.get(), ms);
}
