/** The backtest pages' server state: the user's backtests (polled every 1.5 s while one is
 * queued or running), a backtest's signals and equity curve (every page, read once it is
 * completed), the live tunable parameters, and the writes. Shapes come from the generated schema
 * (schema.d.ts); every key starts with 'backtests'. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, metaCursor, unwrap, unwrapData } from '../../api/client';
import type { components } from '../../api/schema';
import { isActive } from './rules';

type Schemas = components['schemas'];
export type Backtest = Schemas['BacktestOut'];
export type BacktestIn = Schemas['BacktestIn'];
export type BacktestSignal = Schemas['BacktestSignalOut'];
export type EquityPoint = Schemas['BacktestEquityPointOut'];
export type Figures = Schemas['FiguresOut'];
export type SetupFigures = Schemas['SetupFiguresOut'];
export type Parameter = Schemas['ParameterOut'];

/** While a backtest moves, its progress is read this often (the server updates it every 5 s at
 * most, a bar that moves each second or two reads as alive). */
export const ACTIVE_POLL = 1_500;
const IDLE_POLL = 60_000;
/** Pages read for a list shown whole (500 items each): 20,000 signals or points at most. */
const MAX_PAGES = 40;

export const backtestKeys = {
  all: ['backtests'] as const,
  list: ['backtests', 'list'] as const,
  one: (id: number) => ['backtests', id] as const,
  signals: (id: number) => ['backtests', id, 'signals'] as const,
  signal: (id: number, n: number) => ['backtests', id, 'signal', n] as const,
  equity: (id: number) => ['backtests', id, 'equity'] as const,
  parameters: ['backtests', 'parameters'] as const,
};

const isId = (id: number) => Number.isInteger(id) && id > 0;

export function useBacktests(enabled = true) {
  return useQuery({
    queryKey: backtestKeys.list,
    queryFn: () => unwrapData(api.GET('/api/v1/backtests', { params: { query: { limit: 100 } } })),
    enabled,
    refetchInterval: (query) => (query.state.data?.some((backtest) => isActive(backtest.status)) ? ACTIVE_POLL : IDLE_POLL),
  });
}

export function useBacktest(id: number) {
  return useQuery({
    queryKey: backtestKeys.one(id),
    queryFn: () => unwrapData(api.GET('/api/v1/backtests/{backtest_id}', { params: { path: { backtest_id: id } } })),
    enabled: isId(id),
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.status) ? ACTIVE_POLL : false),
  });
}

/** Every page of a paged list, in order. */
async function allPages<T>(read: (cursor: string | undefined) => Promise<{ data: T[]; meta: Record<string, unknown> }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { data, meta } = await read(cursor);
    items.push(...data);
    const next = metaCursor(meta);
    if (!next) break;
    cursor = next;
  }
  return items;
}

function readSignals(id: number) {
  return allPages((cursor) =>
    unwrap(api.GET('/api/v1/backtests/{backtest_id}/signals', { params: { path: { backtest_id: id }, query: { limit: 500, cursor } } })),
  );
}

/** A completed backtest's result signals, newest created first. */
export function useBacktestSignals(id: number, completed: boolean) {
  return useQuery({
    queryKey: backtestKeys.signals(id),
    queryFn: () => readSignals(id),
    enabled: isId(id) && completed,
    staleTime: Number.POSITIVE_INFINITY, // a completed backtest's results never change
  });
}

/** One result signal by its number in the backtest (the chart's `?backtest=&signal=`). */
export function useBacktestSignal(id: number, n: number) {
  return useQuery({
    queryKey: backtestKeys.signal(id, n),
    queryFn: async () => {
      const found = (await readSignals(id)).find((signal) => signal.id === n);
      if (!found) throw new Error(`Backtest #${id} has no signal #${n}`);
      return found;
    },
    enabled: isId(id) && isId(n),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useBacktestEquity(id: number, completed: boolean) {
  return useQuery({
    queryKey: backtestKeys.equity(id),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/backtests/{backtest_id}/equity', { params: { path: { backtest_id: id }, query: { limit: 2000, cursor } } }),
        ),
      ),
    enabled: isId(id) && completed,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useTunableParameters(enabled = true) {
  return useQuery({
    queryKey: backtestKeys.parameters,
    queryFn: () => unwrapData(api.GET('/api/v1/backtests/parameters')),
    enabled,
  });
}

export function useCreateBacktest(onCreated: (backtest: Backtest) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: BacktestIn) => {
      const result = await api.POST('/api/v1/backtests', { body });
      // Answered 202: the client's success type is read here rather than through DataOf.
      return unwrapData(Promise.resolve(result)) as Promise<Backtest>;
    },
    onSuccess: (backtest) => {
      queryClient.setQueryData(backtestKeys.one(backtest.id), backtest);
      void queryClient.invalidateQueries({ queryKey: backtestKeys.list });
      onCreated(backtest);
    },
  });
}

export function useCancelBacktest(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/backtests/{backtest_id}/cancel', { params: { path: { backtest_id: id } } })),
    onSuccess: (backtest) => {
      queryClient.setQueryData(backtestKeys.one(id), backtest);
      void queryClient.invalidateQueries({ queryKey: backtestKeys.list });
    },
  });
}

export function useDeleteBacktest(id: number, onDeleted: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapData(api.DELETE('/api/v1/backtests/{backtest_id}', { params: { path: { backtest_id: id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: backtestKeys.one(id) });
      void queryClient.invalidateQueries({ queryKey: backtestKeys.list });
      onDeleted();
    },
  });
}
