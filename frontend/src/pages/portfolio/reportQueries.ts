/** A portfolio's reports: statistics over its closed trades and its equity curve. Keys sit under
 * the portfolio's own, so every trade change (queries.ts) refreshes them too. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrapData } from '../../api/client';
import type { DataOf, Item, QueryOf } from '../../api/pathTypes';
import type { paths } from '../../api/schema';

export type PortfolioStats = DataOf<paths['/api/v1/portfolios/{portfolio_id}/stats']['get']>;
export type GroupStats = PortfolioStats['by_symbol'][string];
export type StatsQuery = QueryOf<paths['/api/v1/portfolios/{portfolio_id}/stats']['get']>;
export type EquityPoint = Item<DataOf<paths['/api/v1/portfolios/{portfolio_id}/equity']['get']>>;

const POLL = 60_000;
/** The most the curve route gives in one page: enough for a journal's curve at a glance. */
export const EQUITY_POINTS = 2000;

export function usePortfolioStats(id: number, query: StatsQuery) {
  return useQuery({
    queryKey: ['portfolios', id, 'stats', query] as const,
    queryFn: () => unwrapData(api.GET('/api/v1/portfolios/{portfolio_id}/stats', { params: { path: { portfolio_id: id }, query } })),
    refetchInterval: POLL,
  });
}

export function useEquity(id: number) {
  return useQuery({
    queryKey: ['portfolios', id, 'equity'] as const,
    queryFn: () =>
      unwrapData(
        api.GET('/api/v1/portfolios/{portfolio_id}/equity', {
          params: { path: { portfolio_id: id }, query: { limit: EQUITY_POINTS } },
        }),
      ),
    refetchInterval: POLL,
  });
}

/** The CSV file's address (a plain link: the browser downloads it with the session cookie). */
export function exportCsvHref(id: number): string {
  return `/api/v1/portfolios/${id}/export.csv`;
}
