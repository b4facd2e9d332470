/** The user's watchlist (GET /auth/me/watchlist): the picks, what the tier follows, the choices. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrapData } from './client';
import { keys } from './queries';

export function fetchWatchlist() {
  return unwrapData(api.GET('/api/v1/auth/me/watchlist'));
}

export type Watchlist = Awaited<ReturnType<typeof fetchWatchlist>>;

export function useWatchlist(enabled = true) {
  return useQuery({ queryKey: keys.watchlist, queryFn: fetchWatchlist, enabled });
}
