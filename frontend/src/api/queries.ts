/** Server state: TanStack Query hooks. What the live stream feeds (patterns, signals, the matrix,
 * statistics: live/LiveProvider.tsx) polls only while the stream is down; the rest polls. */
import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { pollUnlessLive } from '../live/status';
import { api, metaCursor, type Page, unwrap, unwrapData } from './client';
import type { Candle, MatrixRow, Pattern, PatternQuery, Signal, SignalQuery, SymbolInfo } from './types';

export const POLL = {
  fast: 15_000,
  normal: 30_000,
  slow: 60_000,
} as const;

export const keys = {
  me: ['me'] as const,
  health: ['health'] as const,
  symbols: ['symbols'] as const,
  patterns: (query: PatternQuery) => ['patterns', query] as const,
  pattern: (id: number) => ['pattern', id] as const,
  candles: (symbol: string, timeframe: string) => ['candles', symbol, timeframe] as const,
  chartPatterns: (symbol: string, timeframe: string) => ['chart-patterns', symbol, timeframe] as const,
  signals: (query: SignalQuery) => ['signals', query] as const,
  signal: (id: number) => ['signal', id] as const,
  matrix: ['matrix'] as const,
  stats: ['stats'] as const,
  preferences: ['notification-preferences'] as const,
  deliveries: ['notification-deliveries'] as const,
  sessions: ['sessions'] as const,
  watchlist: ['watchlist'] as const,
  plans: ['plans'] as const,
  subscription: ['billing-subscription'] as const,
  payments: (cursor: string) => ['billing-payments', cursor] as const,
  payment: (id: number) => ['billing-payment', id] as const,
  fakeCheckout: (id: number) => ['billing-fake-checkout', id] as const,
};

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: () => unwrapData(api.GET('/api/v1/auth/me')),
    retry: false,
    staleTime: POLL.slow,
    refetchInterval: POLL.slow * 5,
  });
}

export function useHealth() {
  return useQuery({
    queryKey: keys.health,
    queryFn: async () => {
      // 503 "down" still carries the envelope: show it rather than a generic failure.
      const result = await api.GET('/api/health');
      if (result.data?.data) return result.data.data;
      return unwrapData(Promise.resolve(result));
    },
    refetchInterval: POLL.normal,
  });
}

export function useSymbols() {
  return useQuery({
    queryKey: keys.symbols,
    queryFn: () => unwrapData(api.GET('/api/v1/symbols')),
    refetchInterval: POLL.normal,
    staleTime: POLL.fast,
  });
}

/** Symbols by their ccxt name, for tick sizes and prices. */
export function useSymbolMap(): Map<string, SymbolInfo> {
  const { data } = useSymbols();
  return useMemo(() => new Map((data ?? []).map((symbol) => [symbol.symbol, symbol])), [data]);
}

export function usePatterns(query: PatternQuery): UseQueryResult<Page<Pattern[]>> {
  return useQuery({
    queryKey: keys.patterns(query),
    queryFn: () => unwrap(api.GET('/api/v1/patterns', { params: { query } })),
    refetchInterval: pollUnlessLive(POLL.normal),
    placeholderData: keepPreviousData,
  });
}

export function usePattern(id: number) {
  return useQuery({
    queryKey: keys.pattern(id),
    queryFn: () => unwrapData(api.GET('/api/v1/patterns/{pattern_id}', { params: { path: { pattern_id: id } } })),
    refetchInterval: pollUnlessLive(POLL.normal),
    enabled: Number.isFinite(id) && id > 0,
  });
}

export function useCandles(urlSymbol: string, timeframe: string, limit = 500) {
  return useQuery({
    queryKey: keys.candles(urlSymbol, timeframe),
    queryFn: async (): Promise<Candle[]> => {
      const data = await unwrapData(
        api.GET('/api/v1/symbols/{symbol}/candles', {
          params: { path: { symbol: urlSymbol }, query: { timeframe, limit } },
        }),
      );
      // Asked without `format=compact`: one object per candle.
      if (!Array.isArray(data)) throw new Error('candles arrived in the compact form');
      return data;
    },
    refetchInterval: timeframe === '1m' ? POLL.fast : POLL.normal,
  });
}

/** Every pattern of one symbol and timeframe from `since` on (all statuses, for the chart). */
export function useChartPatterns(urlSymbol: string, timeframe: string, since: number | null) {
  return useQuery({
    queryKey: [...keys.chartPatterns(urlSymbol, timeframe), since] as const,
    enabled: since !== null,
    queryFn: async () => {
      const patterns: Pattern[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 4; page += 1) {
        const query: PatternQuery = { symbol: urlSymbol, timeframe, limit: 500 };
        if (since !== null) query.since = String(since);
        if (cursor) query.cursor = cursor;
        const result: Page<Pattern[]> = await unwrap(api.GET('/api/v1/patterns', { params: { query } }));
        patterns.push(...result.data);
        cursor = metaCursor(result.meta);
        if (!cursor) break;
      }
      return patterns;
    },
    refetchInterval: pollUnlessLive(POLL.normal),
  });
}

export function useSignals(query: SignalQuery, enabled = true): UseQueryResult<Page<Signal[]>> {
  return useQuery({
    queryKey: keys.signals(query),
    queryFn: () => unwrap(api.GET('/api/v1/signals', { params: { query } })),
    refetchInterval: pollUnlessLive(POLL.normal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSignal(id: number) {
  return useQuery({
    queryKey: keys.signal(id),
    queryFn: () => unwrapData(api.GET('/api/v1/signals/{signal_id}', { params: { path: { signal_id: id } } })),
    refetchInterval: pollUnlessLive(POLL.normal),
    enabled: Number.isFinite(id) && id > 0,
  });
}

export function useStats() {
  return useQuery({
    queryKey: keys.stats,
    queryFn: () => unwrapData(api.GET('/api/v1/stats')),
    refetchInterval: pollUnlessLive(POLL.slow),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: keys.preferences,
    queryFn: () => unwrapData(api.GET('/api/v1/notifications/preferences')),
  });
}

export interface MatrixData {
  rows: MatrixRow[];
  /** performance.now() when the data was parsed: the matrix render is timed from here. */
  arrivedAt: number;
}

export function useMatrixData() {
  return useQuery({
    queryKey: keys.matrix,
    queryFn: async (): Promise<MatrixData> => {
      const rows = await unwrapData(api.GET('/api/v1/matrix'));
      return { rows, arrivedAt: performance.now() };
    },
    refetchInterval: pollUnlessLive(POLL.normal),
  });
}

export function useDeliveries() {
  return useQuery({
    queryKey: keys.deliveries,
    queryFn: () => unwrapData(api.GET('/api/v1/notifications', { params: { query: { limit: 10 } } })),
    refetchInterval: POLL.slow,
  });
}
