/**
 * Endpoints documented in the spec but NOT in the generated schema yet (signals, matrix, stats,
 * notifications). Their shapes follow shared/spec (signals.md, notifications.md) and the
 * backend's models. Everything hand-written about the API lives in this one file: when an
 * endpoint lands, regenerate (`make openapi`), replace its type here by the generated one in
 * types.ts and its fetcher by an `api.GET(...)` call, and delete it from this file.
 */
import { type Page, untypedRequest } from './client';
import type { Pattern } from './types';

export type SignalDirection = 'long' | 'short';
export type SignalStatus =
  | 'pending'
  | 'triggered'
  | 'tp1'
  | 'tp2'
  | 'tp3'
  | 'stopped'
  | 'closed'
  | 'expired'
  | 'cancelled';

export const SIGNAL_STATUSES: readonly SignalStatus[] = [
  'pending',
  'triggered',
  'tp1',
  'tp2',
  'tp3',
  'stopped',
  'closed',
  'expired',
  'cancelled',
];

export interface SetupStats {
  window_days?: number;
  count?: number;
  triggered?: number;
  wins?: number;
  decided?: number;
  win_rate?: number | null;
  resolved?: number;
  avg_r?: number | null;
}

export interface Signal {
  id: number;
  symbol: string;
  direction: SignalDirection | 'bullish' | 'bearish';
  entry: number;
  stop_loss: number;
  take_profit_1: number;
  take_profit_2: number;
  take_profit_3: number;
  risk_reward: number;
  confluence: number;
  timeframes: string[];
  anchor_pattern_id: number;
  anchor_type: string;
  anchor_timeframe: string;
  strength: number;
  status: SignalStatus;
  outcome_r: number | null;
  exit_price?: number | null;
  created_at: number;
  triggered_at: number | null;
  tp1_at: number | null;
  tp2_at: number | null;
  tp3_at: number | null;
  stopped_at: number | null;
  closed_at: number | null;
  expired_at: number | null;
  cancelled_at: number | null;
  patterns?: Pattern[];
  setup_stats?: SetupStats[] | SetupStats | null;
}

export interface SignalQuery {
  symbol?: string | undefined;
  direction?: string | undefined;
  status?: string | undefined;
  since?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export function fetchSignals(query: SignalQuery): Promise<Page<Signal[]>> {
  return untypedRequest<Signal[]>('GET', '/api/v1/signals', { query: { ...query } });
}

export function fetchSignal(id: number): Promise<Page<Signal>> {
  return untypedRequest<Signal>('GET', `/api/v1/signals/${id}`);
}

/** GET /matrix (signals.md "Pattern matrix"). */
export interface MatrixCellOut {
  timeframe: string;
  pattern: Pick<Pattern, 'id' | 'type' | 'direction' | 'strength' | 'zone_low' | 'zone_high' | 'formed_at'> | null;
  bullish: number;
  bearish: number;
}

export interface MatrixRowOut {
  symbol: string;
  cells: MatrixCellOut[];
  signal: Pick<Signal, 'id' | 'direction' | 'status'> | null;
}

export interface MatrixOut {
  timeframes: string[];
  rows: MatrixRowOut[];
}

export function fetchMatrix(): Promise<Page<MatrixOut>> {
  return untypedRequest<MatrixOut>('GET', '/api/v1/matrix');
}

/** GET /stats (summary for the dashboard). */
export interface StatsOut {
  symbols?: number;
  active_patterns?: number;
  patterns_24h?: number;
  open_signals?: number;
  signals_24h?: number;
  [key: string]: unknown;
}

export function fetchStats(): Promise<Page<StatsOut>> {
  return untypedRequest<StatsOut>('GET', '/api/v1/stats');
}

/** GET/PUT /notifications/preferences (notifications.md). */
export interface NotificationPreferences {
  enabled: boolean;
  directions: 'both' | 'long' | 'short';
  min_confluence: number;
  pattern_types: string[] | null;
  symbols: string[] | null;
  priority: number;
  quiet_start: number | null;
  quiet_end: number | null;
  daily_limit: number | null;
}

export function fetchPreferences(): Promise<Page<NotificationPreferences>> {
  return untypedRequest<NotificationPreferences>('GET', '/api/v1/notifications/preferences');
}

export function savePreferences(body: NotificationPreferences): Promise<Page<NotificationPreferences>> {
  return untypedRequest<NotificationPreferences>('PUT', '/api/v1/notifications/preferences', { body });
}

export interface TopicOut {
  ntfy_topic?: string;
  topic?: string;
  ntfy_url?: string;
}

export function regenerateTopic(): Promise<Page<TopicOut>> {
  return untypedRequest<TopicOut>('POST', '/api/v1/notifications/topic', { body: {} });
}

export function sendTestPush(): Promise<Page<unknown>> {
  return untypedRequest<unknown>('POST', '/api/v1/notifications/test', { body: {} });
}
