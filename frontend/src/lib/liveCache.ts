/** Live stream events (GET /api/v1/stream) applied to cached query data: pure reducers, so the
 * provider only routes an event to them. Each event's `data` is the full object the detail
 * route returns, or `{id, symbol}` when the object was gone when published (then the caller
 * refetches instead). */
import type { Page } from '../api/client';
import type { MatrixRow, Pattern, PatternQuery, Signal, SignalDetail, SignalQuery } from '../api/types';
import { symbolToUrl } from './format';

export const LIVE_EVENT_TYPES = ['pattern.created', 'pattern.updated', 'signal.created', 'signal.updated'] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** The statuses GET /matrix counts as a symbol's open signal (backend lifecycle OPEN_STATUSES). */
const OPEN_SIGNAL_STATUSES: readonly string[] = ['pending', 'triggered', 'tp1', 'tp2'];

export type LiveEvent =
  | { type: 'signal.created' | 'signal.updated'; signal: SignalDetail }
  | { type: 'pattern.created' | 'pattern.updated'; pattern: Pattern }
  | { type: LiveEventType; gone: { id: number; symbol: string } };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The event parsed and checked for the fields the reducers read; null when it is not one. */
export function parseLiveEvent(type: string, raw: string): LiveEvent | null {
  if (!(LIVE_EVENT_TYPES as readonly string[]).includes(type)) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(data) || typeof data.id !== 'number' || typeof data.symbol !== 'string') return null;
  const eventType = type as LiveEventType;
  const full = typeof data.status === 'string';
  if (eventType.startsWith('signal.') && full && typeof data.created_at === 'number' && typeof data.entry === 'number') {
    return { type: eventType as 'signal.created' | 'signal.updated', signal: data as unknown as SignalDetail };
  }
  if (eventType.startsWith('pattern.') && full && typeof data.timeframe === 'string' && typeof data.confirmed_at === 'number') {
    return { type: eventType as 'pattern.created' | 'pattern.updated', pattern: data as unknown as Pattern };
  }
  return { type: eventType, gone: { id: data.id, symbol: data.symbol } };
}

function sameSymbol(filter: string | null | undefined, symbol: string): boolean {
  return !filter || filter === symbol || filter === symbolToUrl(symbol);
}

export function signalMatches(query: SignalQuery, signal: Signal): boolean {
  return (
    sameSymbol(query.symbol, signal.symbol) &&
    (!query.direction || query.direction === signal.direction) &&
    (!query.status || query.status === signal.status)
  );
}

export function patternMatches(query: PatternQuery, pattern: Pattern): boolean {
  return (
    sameSymbol(query.symbol, pattern.symbol) &&
    (!query.direction || query.direction === pattern.direction) &&
    (!query.status || query.status === pattern.status) &&
    (!query.timeframe || query.timeframe === pattern.timeframe) &&
    (!query.type || query.type === pattern.type)
  );
}

/** A list page with `item` applied: replaced where listed (dropped when it no longer matches
 * the filters); a new matching one goes on top of a first page (newest first), the page kept at
 * its length. Later pages and `since` windows only replace: where a new one falls is the
 * server's business. Returns the same page when nothing changes (no re-render). */
function applyToPage<T extends { id: number }>(
  page: Page<T[]>,
  item: T,
  matches: boolean,
  firstPage: boolean,
  limit: number | undefined,
): Page<T[]> {
  const index = page.data.findIndex((listed) => listed.id === item.id);
  if (index >= 0) {
    const data = matches ? page.data.map((listed, at) => (at === index ? item : listed)) : page.data.filter((_, at) => at !== index);
    return { ...page, data };
  }
  if (!matches || !firstPage) return page;
  const data = [item, ...page.data];
  return { ...page, data: limit !== undefined && data.length > limit ? data.slice(0, limit) : data };
}

export function applySignalToList(page: Page<Signal[]>, query: SignalQuery, signal: Signal): Page<Signal[]> {
  return applyToPage(page, signal, signalMatches(query, signal), !query.cursor && query.since === undefined, query.limit);
}

export function applyPatternToList(page: Page<Pattern[]>, query: PatternQuery, pattern: Pattern): Page<Pattern[]> {
  return applyToPage(page, pattern, patternMatches(query, pattern), !query.cursor && query.since === undefined, query.limit);
}

/** The matrix with a signal's row updated: it becomes the row's open signal while open (the
 * newest open one wins), and leaves it when it closes. */
export function applySignalToMatrix(rows: MatrixRow[], signal: Signal): MatrixRow[] {
  const open = OPEN_SIGNAL_STATUSES.includes(signal.status);
  let changed = false;
  const next = rows.map((row) => {
    if (row.symbol !== signal.symbol) return row;
    const current = row.open_signal;
    if (open && (!current || current.id === signal.id || current.created_at <= signal.created_at)) {
      changed = true;
      return { ...row, open_signal: signal };
    }
    if (!open && current?.id === signal.id) {
      changed = true;
      return { ...row, open_signal: null };
    }
    return row;
  });
  return changed ? next : rows;
}

/** What else an event makes stale, to refetch: the dashboard's counts and statistics and, for
 * patterns, the matrix cells (the newest active pattern and the counts per cell are the
 * server's to pick). */
export interface Staleness {
  stats: boolean;
  matrix: boolean;
}

export function stalenessOf(event: LiveEvent): Staleness {
  // Every event moves a statistic: a pattern the active counts, a new signal "Signals today",
  // a changed one the win rate and average R (a tp1 already counts as a win).
  return { stats: true, matrix: !('signal' in event) };
}

/** The matrix cell an event marks as changed: the pattern's own cell, or a signal's anchor. */
export function cellKeyOf(event: LiveEvent): string | null {
  if ('signal' in event) return matrixCellKey(event.signal.symbol, event.signal.anchor_timeframe);
  if ('pattern' in event) return matrixCellKey(event.pattern.symbol, event.pattern.timeframe);
  return null;
}

export function matrixCellKey(symbol: string, timeframe: string): string {
  return `cell:${symbol}:${timeframe}`;
}

export function signalRowKey(id: number): string {
  return `signal:${id}`;
}

export function patternRowKey(id: number): string {
  return `pattern:${id}`;
}
