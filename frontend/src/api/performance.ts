/** The performance page's server state: GET /stats/setups (pro and premium; a free user gets
 * 403 tier_required, shown as an upgrade prompt). */
import { useQuery } from '@tanstack/react-query';
import { api, unwrapData } from './client';
import type { Item } from './pathTypes';
import { POLL } from './queries';

/** One line as the client returns it (openapi-fetch widens the [time, R] tuples to number[]). */
export type SetupLine = Item<Awaited<ReturnType<typeof fetchSetupLines>>>;
export type SetupWindow = Item<SetupLine['windows']>;

// Under ['stats']: whatever refreshes the statistics (the live stream) refreshes these too.
export const setupStatsKey = ['stats', 'setups'] as const;

function fetchSetupLines() {
  return unwrapData(api.GET('/api/v1/stats/setups'));
}

export function useSetupStats() {
  return useQuery({
    queryKey: setupStatsKey,
    queryFn: fetchSetupLines,
    refetchInterval: POLL.slow,
    retry: false,
  });
}
