/** A parsed stream event into the query cache: objects set where they are cached (lists,
 * details, the matrix's open signal), counts and the matrix cells refetched (the server picks
 * them). The reducers are lib/liveCache.ts. */
import type { QueryClient } from '@tanstack/react-query';
import type { Page } from '../api/client';
import { keys, type MatrixData } from '../api/queries';
import type { Pattern, PatternQuery, Signal, SignalQuery } from '../api/types';
import { symbolToUrl } from '../lib/format';
import {
  applyPatternToList,
  applySignalToList,
  applySignalToMatrix,
  cellKeyOf,
  type LiveEvent,
  patternRowKey,
  type Staleness,
  signalRowKey,
  stalenessOf,
} from '../lib/liveCache';

/** Every query the stream feeds: refetched when it drops or comes back (missed events). */
export const LIVE_QUERY_ROOTS = ['signals', 'signal', 'patterns', 'pattern', 'matrix', 'stats', 'chart-patterns'] as const;

export function refetchLiveQueries(client: QueryClient): void {
  for (const root of LIVE_QUERY_ROOTS) void client.invalidateQueries({ queryKey: [root] });
}

function updateLists<Item, Query>(client: QueryClient, root: string, apply: (page: Page<Item[]>, query: Query) => Page<Item[]>): void {
  for (const query of client.getQueryCache().findAll({ queryKey: [root] })) {
    const filters = query.queryKey[1] as Query | undefined;
    if (filters === undefined) continue;
    client.setQueryData<Page<Item[]>>(query.queryKey, (page) => (page ? apply(page, filters) : page));
  }
}

/** Applies the event; returns the highlight keys of what it changed on screen and what it
 * made stale (refetched by `refetchStale`). */
export function applyLiveEvent(client: QueryClient, event: LiveEvent): { changed: string[]; stale: Staleness } {
  const changed: string[] = [];
  if ('signal' in event) {
    const signal = event.signal;
    client.setQueryData(keys.signal(signal.id), signal);
    updateLists<Signal, SignalQuery>(client, 'signals', (page, query) => applySignalToList(page, query, signal));
    client.setQueryData<MatrixData>(keys.matrix, (data) => (data ? { ...data, rows: applySignalToMatrix(data.rows, signal) } : data));
    if (event.type === 'signal.created') changed.push(signalRowKey(signal.id));
  } else if ('pattern' in event) {
    const pattern = event.pattern;
    client.setQueryData(keys.pattern(pattern.id), pattern);
    updateLists<Pattern, PatternQuery>(client, 'patterns', (page, query) => applyPatternToList(page, query, pattern));
    void client.invalidateQueries({ queryKey: keys.chartPatterns(symbolToUrl(pattern.symbol), pattern.timeframe) });
    if (event.type === 'pattern.created') changed.push(patternRowKey(pattern.id));
  } else {
    // Gone by the time it was published: the lists decide whether it is still shown.
    const kind = event.type.startsWith('signal.') ? 'signal' : 'pattern';
    void client.invalidateQueries({ queryKey: [kind, event.gone.id] });
    void client.invalidateQueries({ queryKey: [`${kind}s`] });
  }
  const cell = cellKeyOf(event);
  if (cell) changed.push(cell);
  return { changed, stale: stalenessOf(event) };
}

/** A scan publishes its events in a burst, before it drops the server's cached matrix rows:
 * the counts and cells are refetched once, a moment after the burst. */
export const STALE_REFETCH_MS = 1_000;

export function staleRefetcher(client: QueryClient): { add: (stale: Staleness) => void; cancel: () => void } {
  let pending: Staleness = { stats: false, matrix: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (pending.stats) void client.invalidateQueries({ queryKey: keys.stats });
    if (pending.matrix) void client.invalidateQueries({ queryKey: keys.matrix });
    pending = { stats: false, matrix: false };
  };
  return {
    add: (stale) => {
      pending = { stats: pending.stats || stale.stats, matrix: pending.matrix || stale.matrix };
      timer ??= setTimeout(flush, STALE_REFETCH_MS);
    },
    cancel: () => clearTimeout(timer),
  };
}
