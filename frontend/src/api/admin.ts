/** The admin console's server state: short names for the generated admin types, query keys and
 * list hooks. Every shape comes from schema.d.ts (generated from the backend's OpenAPI). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapData } from './client';
import { ApiError, errorFromBody } from './errors';
import type { components, operations } from './schema';
import type { Tier } from './types';

type Schemas = components['schemas'];
type QueryOf<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;

export type AdminUser = Schemas['AdminUserOut'];
export type AdminUserDetail = Schemas['AdminUserDetailOut'];
export type AdminSubscription = Schemas['AdminSubscriptionOut'];
export type GrantIn = Schemas['GrantIn'];
export type UserPatchIn = Schemas['UserPatchIn'];
export type AuditEntry = Schemas['AuditEntryOut'];
export type ErrorGroup = Schemas['ErrorGroupOut'];
export type ErrorGroupDetail = Schemas['ErrorGroupDetailOut'];
export type ErrorOccurrence = Schemas['ErrorOccurrenceOut'];
export type ErrorStatus = ErrorGroup['status'];
export type JobInfo = Schemas['JobOut'];
export type JobRun = Schemas['JobRunOut'];
export type RunStatus = JobRun['status'];
export type RuntimeSetting = Schemas['SettingOut'];
export type AdminSymbol = Schemas['AdminSymbolOut'];
export type Broadcast = Schemas['BroadcastOut'];
export type BroadcastIn = Schemas['BroadcastIn'];
export type BroadcastTemplate = Schemas['TemplateOut'];
export type TemplateIn = Schemas['TemplateIn'];
export type Audience = Schemas['AudienceOut'];
export type AdminStats = Schemas['AdminStatsOut'];
export type AdminPayment = Schemas['AdminPaymentOut'];
export type AdminPaymentRow = Schemas['AdminPaymentListOut'];

export type UserQuery = QueryOf<'admin-users'>;
export type SubscriptionQuery = QueryOf<'admin-subscriptions'>;
export type AuditQuery = QueryOf<'admin-audit-log'>;
export type ErrorQuery = QueryOf<'admin-errors'>;
export type RunQuery = QueryOf<'admin-job-runs'>;
export type SymbolQuery = QueryOf<'admin-symbols'>;
export type BroadcastQuery = QueryOf<'admin-broadcasts'>;
export type PaymentQuery = QueryOf<'admin-payments'>;

export const ERROR_STATUSES: readonly ErrorStatus[] = ['new', 'acknowledged', 'resolved', 'ignored'];
export const ERROR_SOURCES: readonly ErrorGroup['source'][] = ['api', 'job'];
export const RUN_STATUSES: readonly RunStatus[] = ['running', 'ok', 'failed', 'retrying', 'skipped'];
export const QUEUES: readonly JobRun['queue'][] = ['high', 'default', 'low'];
export const SUBSCRIPTION_STATUSES: readonly AdminSubscription['status'][] = ['active', 'cancelled', 'expired', 'suspended'];
export const PLANS: readonly GrantIn['plan'][] = ['pro', 'premium'];
export const PAYMENT_STATUSES: readonly AdminPayment['status'][] = ['pending', 'completed', 'failed', 'expired', 'refunded'];
export const PAYMENT_PROVIDERS: readonly AdminPayment['provider'][] = ['card', 'crypto', 'fake'];
export const BROADCAST_STATUSES: readonly Broadcast['status'][] = ['scheduled', 'sending', 'completed', 'cancelled'];

const ADMIN_POLL = 30_000;

/** Awaits a call answered 204 No Content (no envelope), throwing an ApiError on failure. */
export async function unwrapNoContent(call: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  let result: { error?: unknown; response: Response };
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError(cause instanceof Error ? `Network error: ${cause.message}` : 'Network error', 0, 'network', null);
  }
  if (!result.response.ok) throw errorFromBody(result.error, result.response);
}

export const adminKeys = {
  all: ['admin'] as const,
  users: (query: UserQuery) => ['admin', 'users', query] as const,
  user: (id: number) => ['admin', 'user', id] as const,
  subscriptions: (query: SubscriptionQuery) => ['admin', 'subscriptions', query] as const,
  audit: (query: AuditQuery) => ['admin', 'audit', query] as const,
  errors: (query: ErrorQuery) => ['admin', 'errors', query] as const,
  errorStats: (days: number) => ['admin', 'error-stats', days] as const,
  error: (id: number) => ['admin', 'error', id] as const,
  jobs: ['admin', 'jobs'] as const,
  runs: (query: RunQuery) => ['admin', 'runs', query] as const,
  settings: ['admin', 'settings'] as const,
  symbols: (query: SymbolQuery) => ['admin', 'symbols', query] as const,
  broadcasts: (query: BroadcastQuery) => ['admin', 'broadcasts', query] as const,
  templates: (activeOnly: boolean) => ['admin', 'broadcast-templates', activeOnly] as const,
  audience: (tiers: readonly string[]) => ['admin', 'audience', tiers] as const,
  stats: (days: number, months: number) => ['admin', 'stats', days, months] as const,
  payments: (query: PaymentQuery) => ['admin', 'payments', query] as const,
  payment: (id: number) => ['admin', 'payment', id] as const,
};

const listOptions = { refetchInterval: ADMIN_POLL, placeholderData: keepPreviousData } as const;

export function useAdminUsers(query: UserQuery) {
  return useQuery({
    queryKey: adminKeys.users(query),
    queryFn: () => unwrap(api.GET('/api/v1/admin/users', { params: { query } })),
    ...listOptions,
  });
}

export function useAdminUser(id: number) {
  return useQuery({
    queryKey: adminKeys.user(id),
    queryFn: () => unwrapData(api.GET('/api/v1/admin/users/{user_id}', { params: { path: { user_id: id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useAdminSubscriptions(query: SubscriptionQuery) {
  return useQuery({
    queryKey: adminKeys.subscriptions(query),
    queryFn: () => unwrap(api.GET('/api/v1/admin/subscriptions', { params: { query } })),
    ...listOptions,
  });
}

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: adminKeys.audit(query),
    queryFn: () => unwrap(api.GET('/api/v1/admin/audit-log', { params: { query } })),
    ...listOptions,
  });
}

export function useErrorGroups(query: ErrorQuery) {
  return useQuery({
    queryKey: adminKeys.errors(query),
    queryFn: () => unwrap(api.GET('/api/v1/admin/errors', { params: { query } })),
    ...listOptions,
  });
}

export function useErrorStats(days: number) {
  return useQuery({
    queryKey: adminKeys.errorStats(days),
    queryFn: () => unwrapData(api.GET('/api/v1/admin/errors/stats', { params: { query: { days } } })),
    refetchInterval: ADMIN_POLL * 2,
  });
}

export function useErrorGroup(id: number) {
  return useQuery({
    queryKey: adminKeys.error(id),
    queryFn: () => unwrapData(api.GET('/api/v1/admin/errors/{error_id}', { params: { path: { error_id: id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useJobs() {
  return useQuery({
    queryKey: adminKeys.jobs,
    queryFn: () => unwrapData(api.GET('/api/v1/admin/jobs')),
    refetchInterval: ADMIN_POLL,
  });
}

export function useJobRuns(query: RunQuery) {
  return useQuery({
    queryKey: adminKeys.runs(query),
    queryFn: () => unwrap(api.GET('/api/v1/admin/jobs/runs', { params: { query } })),
    ...listOptions,
  });
}

export function useRuntimeSettings() {
  return useQuery({
    queryKey: adminKeys.settings,
    queryFn: () => unwrapData(api.GET('/api/v1/admin/settings')),
  });
}

export function useAdminSymbols(query: SymbolQuery) {
  return useQuery({
    queryKey: adminKeys.symbols(query),
    queryFn: () => unwrap(api.GET('/api/v1/admin/symbols', { params: { query } })),
    ...listOptions,
  });
}

export function useBroadcasts(query: BroadcastQuery) {
  return useQuery({
    queryKey: adminKeys.broadcasts(query),
    queryFn: () => unwrap(api.GET('/api/v1/admin/broadcasts', { params: { query } })),
    ...listOptions,
  });
}

/** Broadcast templates (up to 200, newest first): the active ones for the composer, or all. */
export function useBroadcastTemplates(activeOnly: boolean) {
  return useQuery({
    queryKey: adminKeys.templates(activeOnly),
    queryFn: () =>
      unwrapData(
        api.GET('/api/v1/admin/broadcast-templates', { params: { query: activeOnly ? { is_active: true, limit: 200 } : { limit: 200 } } }),
      ),
  });
}

/** Counts only (never emails or topics), for the tiers picked; [] means every tier. */
export function useAudience(tiers: readonly Tier[]) {
  return useQuery({
    queryKey: adminKeys.audience(tiers),
    queryFn: () =>
      unwrapData(api.GET('/api/v1/admin/broadcasts/audience', { params: { query: tiers.length ? { tiers: [...tiers] } : {} } })),
    refetchInterval: ADMIN_POLL,
  });
}

export function useAdminStats(days: number, months: number) {
  return useQuery({
    queryKey: adminKeys.stats(days, months),
    queryFn: () => unwrapData(api.GET('/api/v1/admin/stats', { params: { query: { days, months } } })),
    refetchInterval: ADMIN_POLL * 10,
  });
}

export function useAdminPayments(query: PaymentQuery) {
  return useQuery({
    queryKey: adminKeys.payments(query),
    queryFn: () => unwrap(api.GET('/api/v1/admin/payments', { params: { query } })),
    ...listOptions,
  });
}

export function useAdminPayment(id: number) {
  return useQuery({
    queryKey: adminKeys.payment(id),
    queryFn: () => unwrapData(api.GET('/api/v1/admin/payments/{payment_id}', { params: { path: { payment_id: id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });
}
