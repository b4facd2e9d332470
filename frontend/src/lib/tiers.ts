/** What each tier unlocks, in words, from the tier's limits (GET /billing/plans). */
import type { Limits } from '../api/types';

function count(value: number | null, unit: string, unlimited = 'unlimited'): string {
  return value === null ? `${unlimited} ${unit}` : `${value} ${unit}`;
}

function history(limit: Limits['pattern_history']): string {
  if (limit.max_age_hours === null && limit.max_items === null) return 'full history';
  if (limit.max_items !== null) return `the last ${limit.max_items}`;
  return `the last ${limit.max_age_hours} h`;
}

export function describeLimits(limits: Limits): string[] {
  const symbols =
    limits.symbol_scope === 'all'
      ? 'All symbols'
      : limits.symbol_scope === 'watchlist'
        ? `Up to ${limits.max_watchlist ?? 'any number of'} symbols of your choice`
        : `${limits.fixed_symbols.join(', ') || 'One symbol'} only`;
  const types =
    limits.pattern_types.length >= 3
      ? 'All pattern types (FVG, order blocks, sweeps)'
      : `${limits.pattern_types.join(', ').toUpperCase()} patterns`;
  return [
    symbols,
    types,
    `Patterns: ${history(limits.pattern_history)}; signals: ${history(limits.signal_history)}`,
    `${count(limits.pushes_per_day, 'push notifications a day')}${limits.push_delay_minutes ? `, delayed ${limits.push_delay_minutes} min` : ''}`,
    limits.statistics === 'full' ? 'Full statistics and hit rates' : 'Summary statistics',
    ...(limits.api_keys ? ['REST API keys and webhooks'] : []),
  ];
}

export const TIER_ORDER = ['free', 'pro', 'premium'] as const;

export function tierRank(tier: string | null | undefined): number {
  const index = TIER_ORDER.indexOf((tier ?? 'free') as (typeof TIER_ORDER)[number]);
  return Math.max(index, 0); // an unknown tier ranks as free
}
