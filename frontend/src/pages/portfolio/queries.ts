/** The portfolio pages' server state: portfolios, trades and their actions, a signal journaled.
 * Shapes come from the generated schema (schema.d.ts). Every key starts with 'portfolios' or
 * 'trades', so a change invalidates what it may have moved (balance, counts, lists). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapData } from '../../api/client';
import type { BodyOf, DataOf, Item, QueryOf } from '../../api/pathTypes';
import type { paths } from '../../api/schema';

export type Portfolio = DataOf<paths['/api/v1/portfolios/{portfolio_id}']['get']>;
export type PortfolioIn = BodyOf<paths['/api/v1/portfolios']['post']>;
export type PortfolioPatch = BodyOf<paths['/api/v1/portfolios/{portfolio_id}']['patch']>;
export type Trade = DataOf<paths['/api/v1/trades/{trade_id}']['get']>;
export type TradeIn = BodyOf<paths['/api/v1/portfolios/{portfolio_id}/trades']['post']>;
export type TradePatch = BodyOf<paths['/api/v1/trades/{trade_id}']['patch']>;
export type TradeQuery = QueryOf<paths['/api/v1/portfolios/{portfolio_id}/trades']['get']>;
export type OpenIn = BodyOf<paths['/api/v1/trades/{trade_id}/open']['post']>;
export type CloseIn = BodyOf<paths['/api/v1/trades/{trade_id}/close']['post']>;
export type CancelIn = BodyOf<paths['/api/v1/trades/{trade_id}/cancel']['post']>;
export type JournalSignalIn = BodyOf<paths['/api/v1/signals/{signal_id}/journal']['post']>;
export type JournalSignalOut = DataOf<paths['/api/v1/signals/{signal_id}/journal']['post']>;
export type TradeStatus = Trade['status'];
export type TradeRow = Item<DataOf<paths['/api/v1/portfolios/{portfolio_id}/trades']['get']>>;

export const TRADE_STATUSES: readonly TradeStatus[] = ['pending', 'open', 'closed', 'cancelled'];

const POLL = 60_000;

export const portfolioKeys = {
  all: ['portfolios'] as const,
  list: ['portfolios', 'list'] as const,
  one: (id: number) => ['portfolios', id] as const,
  trades: (id: number, query: TradeQuery) => ['portfolios', id, 'trades', query] as const,
  tradesAll: ['trades'] as const,
  trade: (id: number) => ['trades', id] as const,
};

const isId = (id: number) => Number.isInteger(id) && id > 0;

/** After any write: balances, counts and lists may all have moved. */
function useRefreshAll() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: portfolioKeys.all });
    void queryClient.invalidateQueries({ queryKey: portfolioKeys.tradesAll });
  };
}

export function usePortfolios(enabled = true) {
  return useQuery({
    queryKey: portfolioKeys.list,
    queryFn: () => unwrapData(api.GET('/api/v1/portfolios')),
    enabled,
    refetchInterval: POLL,
  });
}

export function usePortfolio(id: number) {
  return useQuery({
    queryKey: portfolioKeys.one(id),
    queryFn: () => unwrapData(api.GET('/api/v1/portfolios/{portfolio_id}', { params: { path: { portfolio_id: id } } })),
    enabled: isId(id),
    refetchInterval: POLL,
  });
}

export function useTrades(id: number, query: TradeQuery) {
  return useQuery({
    queryKey: portfolioKeys.trades(id, query),
    // A page and its meta (the next page's cursor).
    queryFn: () => unwrap(api.GET('/api/v1/portfolios/{portfolio_id}/trades', { params: { path: { portfolio_id: id }, query } })),
    enabled: isId(id),
    placeholderData: keepPreviousData,
    refetchInterval: POLL,
  });
}

export function useTrade(id: number) {
  return useQuery({
    queryKey: portfolioKeys.trade(id),
    queryFn: () => unwrapData(api.GET('/api/v1/trades/{trade_id}', { params: { path: { trade_id: id } } })),
    enabled: isId(id),
    refetchInterval: POLL,
  });
}

export function useCreatePortfolio(onCreated: (portfolio: Portfolio) => void) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: PortfolioIn) => unwrapData(api.POST('/api/v1/portfolios', { body })),
    onSuccess: (portfolio) => {
      refresh();
      onCreated(portfolio);
    },
  });
}

export function useUpdatePortfolio(id: number, onSaved: () => void) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: PortfolioPatch) =>
      unwrapData(api.PATCH('/api/v1/portfolios/{portfolio_id}', { params: { path: { portfolio_id: id } }, body })),
    onSuccess: () => {
      refresh();
      onSaved();
    },
  });
}

export function useDeletePortfolio(id: number, onDeleted: () => void) {
  const queryClient = useQueryClient();
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: () => unwrapData(api.DELETE('/api/v1/portfolios/{portfolio_id}', { params: { path: { portfolio_id: id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: portfolioKeys.one(id) });
      refresh();
      onDeleted();
    },
  });
}

export function useCreateTrade(portfolioId: number, onCreated: (trade: Trade) => void) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: TradeIn) =>
      unwrapData(api.POST('/api/v1/portfolios/{portfolio_id}/trades', { params: { path: { portfolio_id: portfolioId } }, body })),
    onSuccess: (trade) => {
      refresh();
      onCreated(trade);
    },
  });
}

export function useUpdateTrade(id: number, onSaved?: () => void) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: TradePatch) => unwrapData(api.PATCH('/api/v1/trades/{trade_id}', { params: { path: { trade_id: id } }, body })),
    onSuccess: () => {
      refresh();
      onSaved?.();
    },
  });
}

const path = (id: number) => ({ params: { path: { trade_id: id } } });

export function useOpenTrade(id: number) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: OpenIn) => unwrapData(api.POST('/api/v1/trades/{trade_id}/open', { ...path(id), body })),
    onSuccess: refresh,
  });
}

export function useCloseTrade(id: number) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: CloseIn) => unwrapData(api.POST('/api/v1/trades/{trade_id}/close', { ...path(id), body })),
    onSuccess: refresh,
  });
}

export function useCancelTrade(id: number) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: CancelIn) => unwrapData(api.POST('/api/v1/trades/{trade_id}/cancel', { ...path(id), body })),
    onSuccess: refresh,
  });
}

export function useDeleteTrade(id: number, onDeleted: () => void) {
  const queryClient = useQueryClient();
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: () => unwrapData(api.DELETE('/api/v1/trades/{trade_id}', path(id))),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: portfolioKeys.trade(id) });
      refresh();
      onDeleted();
    },
  });
}

export function useJournalSignal(signalId: number, onJournaled: (result: JournalSignalOut) => void) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: JournalSignalIn) =>
      unwrapData(api.POST('/api/v1/signals/{signal_id}/journal', { params: { path: { signal_id: signalId } }, body })),
    onSuccess: (result) => {
      refresh();
      onJournaled(result);
    },
  });
}

/** The trade a signal was journaled as, looked up across the user's portfolios (for the
 * "already journaled" answer, which names no trade). */
export async function findJournaledTrade(signalId: number): Promise<Trade | null> {
  const portfolios = await unwrapData(api.GET('/api/v1/portfolios'));
  for (const portfolio of portfolios) {
    const trades = await unwrapData(
      api.GET('/api/v1/portfolios/{portfolio_id}/trades', {
        params: { path: { portfolio_id: portfolio.id }, query: { signal_id: signalId } },
      }),
    );
    if (trades[0]) return trades[0];
  }
  return null;
}
