import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Page } from '../api/client';
import { keys, type MatrixData } from '../api/queries';
import type { Signal, SignalDetail } from '../api/types';
import { matrixCellKey, parseLiveEvent, signalRowKey } from '../lib/liveCache';
import { applyLiveEvent, STALE_REFETCH_MS, staleRefetcher } from './applyEvent';

const SIGNAL = {
  id: 12,
  symbol: 'ETH/USDT',
  direction: 'short',
  status: 'pending',
  entry: 3000,
  stop_loss: 3030,
  take_profit_1: 2970,
  take_profit_2: 2940,
  take_profit_3: 2910,
  anchor_pattern_id: 4,
  anchor_timeframe: '4h',
  anchor_type: 'order_block',
  confluence: 3,
  strength: 0.7,
  risk_reward: 3,
  created_at: 1_700_000_000_000,
  outcome_r: null,
  setup_stats: [],
  contributing_patterns: [],
  status_history: [],
} as unknown as SignalDetail;

function created() {
  const event = parseLiveEvent('signal.created', JSON.stringify(SIGNAL));
  if (!event) throw new Error('not an event');
  return event;
}

describe('a stream event in a real query cache', () => {
  let client: QueryClient;
  beforeEach(() => {
    client = new QueryClient();
  });
  afterEach(() => {
    vi.useRealTimers();
    client.clear();
  });

  it('sets the detail, the lists it belongs to and the matrix row, and names what to highlight', () => {
    client.setQueryData<Page<Signal[]>>(keys.signals({ limit: 8 }), { data: [], meta: {} } as unknown as Page<Signal[]>);
    client.setQueryData<Page<Signal[]>>(keys.signals({ limit: 8, direction: 'long' }), { data: [], meta: {} } as unknown as Page<Signal[]>);
    client.setQueryData<MatrixData>(keys.matrix, { rows: [{ symbol: 'ETH/USDT', cells: [], open_signal: null }], arrivedAt: 1 });

    const { changed, stale } = applyLiveEvent(client, created());

    expect(client.getQueryData(keys.signal(12))).toEqual(SIGNAL);
    expect(client.getQueryData<Page<Signal[]>>(keys.signals({ limit: 8 }))?.data.map((item) => item.id)).toEqual([12]);
    expect(client.getQueryData<Page<Signal[]>>(keys.signals({ limit: 8, direction: 'long' }))?.data).toEqual([]);
    expect(client.getQueryData<MatrixData>(keys.matrix)?.rows[0]?.open_signal?.id).toBe(12);
    expect(changed).toEqual([signalRowKey(12), matrixCellKey('ETH/USDT', '4h')]);
    expect(stale).toEqual({ stats: true, matrix: false });
  });

  it('refetches the statistics once, a moment after a burst of events', () => {
    vi.useFakeTimers();
    client.setQueryData(keys.stats, { signals_today: 1 });
    const stale = staleRefetcher(client);
    stale.add({ stats: true, matrix: false });
    stale.add({ stats: true, matrix: true });
    expect(client.getQueryState(keys.stats)?.isInvalidated).toBe(false);
    vi.advanceTimersByTime(STALE_REFETCH_MS);
    expect(client.getQueryState(keys.stats)?.isInvalidated).toBe(true);
  });
});
