/** Tier order (what each tier unlocks in words comes from GET /billing/plans `features`). */
export const TIER_ORDER = ['free', 'pro', 'premium'] as const;

export function tierRank(tier: string | null | undefined): number {
  const index = TIER_ORDER.indexOf((tier ?? 'free') as (typeof TIER_ORDER)[number]);
  return Math.max(index, 0); // an unknown tier ranks as free
}

/** Premium users and admins run backtests (the server answers others 403 tier_required). */
export function backtestsUnlocked(me: { is_admin: boolean; tier: string | null | undefined }): boolean {
  return me.is_admin || tierRank(me.tier) >= tierRank('premium');
}
