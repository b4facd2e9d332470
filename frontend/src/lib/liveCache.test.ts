import { describe, expect, it } from 'vitest';
import type { Page } from '../api/client';
import type { MatrixRow, Pattern, Signal, SignalDetail } from '../api/types';
import {
  applyPatternToList,
  applySignalToList,
  applySignalToMatrix,
  cellKeyOf,
  matrixCellKey,
  parseLiveEvent,
  stalenessOf,
} from './liveCache';

function signal(id: number, overrides: Partial<Signal> = {}): SignalDetail {
  return {
    id,
    symbol: 'BTC/USDT',
    direction: 'long',
    status: 'pending',
    entry: 100,
    stop_loss: 98,
    take_profit_1: 102,
    take_profit_2: 104,
    take_profit_3: 106,
    anchor_pattern_id: 7,
    anchor_timeframe: '1h',
    anchor_type: 'fvg',
    confluence: 2,
    strength: 0.6,
    risk_reward: 1,
    created_at: 1_700_000_000_000 + id,
    outcome_r: null,
    cancelled_at: null,
    closed_at: null,
    expired_at: null,
    stopped_at: null,
    triggered_at: null,
    setup_stats: [],
    contributing_patterns: [],
    status_history: [],
    move_stop_to_entry_after_tp1: true,
    ...overrides,
  } as SignalDetail;
}

function pattern(id: number, overrides: Partial<Pattern> = {}): Pattern {
  return {
    id,
    symbol: 'ETH/USDT',
    timeframe: '15m',
    type: 'fvg',
    direction: 'bullish',
    status: 'active',
    confirmed_at: 1,
    ...overrides,
  } as Pattern;
}

function page<T>(data: T[]): Page<T[]> {
  return { data, meta: { next_cursor: null } } as Page<T[]>;
}

function row(symbol: string, open: Signal | null): MatrixRow {
  return { symbol, cells: [], open_signal: open };
}

describe('parseLiveEvent', () => {
  it('reads a full signal, a full pattern and an id-only event', () => {
    const full = parseLiveEvent('signal.created', JSON.stringify(signal(3)));
    expect(full && 'signal' in full && full.signal.id).toBe(3);
    const found = parseLiveEvent('pattern.updated', JSON.stringify(pattern(4)));
    expect(found && 'pattern' in found && found.pattern.id).toBe(4);
    expect(parseLiveEvent('signal.updated', '{"id": 5, "symbol": "BTC/USDT"}')).toEqual({
      type: 'signal.updated',
      gone: { id: 5, symbol: 'BTC/USDT' },
    });
  });

  it('ignores unknown types and malformed data', () => {
    expect(parseLiveEvent('message', JSON.stringify(signal(1)))).toBeNull();
    expect(parseLiveEvent('signal.created', 'not json')).toBeNull();
    expect(parseLiveEvent('signal.created', '{"symbol": "BTC/USDT"}')).toBeNull();
  });
});

describe('applySignalToList', () => {
  it('puts a new matching signal on top of a first page, kept at its limit', () => {
    const next = applySignalToList(page([signal(2), signal(1)]), { limit: 2 }, signal(3));
    expect(next.data.map((item) => item.id)).toEqual([3, 2]);
  });

  it('replaces a listed signal in place', () => {
    const next = applySignalToList(page([signal(2), signal(1)]), { limit: 8 }, signal(1, { status: 'tp1' }));
    expect(next.data.map((item) => [item.id, item.status])).toEqual([
      [2, 'pending'],
      [1, 'tp1'],
    ]);
  });

  it('drops a listed signal that no longer matches the filter', () => {
    const next = applySignalToList(page([signal(2), signal(1)]), { status: 'pending' }, signal(2, { status: 'triggered' }));
    expect(next.data.map((item) => item.id)).toEqual([1]);
  });

  it('leaves other filters, later pages and since windows alone', () => {
    const before = page([signal(1)]);
    expect(applySignalToList(before, { symbol: 'ETH-USDT' }, signal(3))).toBe(before);
    expect(applySignalToList(before, { direction: 'short' }, signal(3))).toBe(before);
    expect(applySignalToList(before, { cursor: 'abc' }, signal(3))).toBe(before);
    expect(applySignalToList(before, { since: '1d' }, signal(3))).toBe(before);
  });

  it('matches the symbol filter in the URL and the ccxt form', () => {
    expect(applySignalToList(page([]), { symbol: 'BTC-USDT' }, signal(3)).data).toHaveLength(1);
    expect(applySignalToList(page([]), { symbol: 'BTC/USDT' }, signal(3)).data).toHaveLength(1);
  });
});

describe('applyPatternToList', () => {
  it('filters on timeframe and type and prepends a match', () => {
    const before = page([pattern(1)]);
    expect(applyPatternToList(before, { timeframe: '1h' }, pattern(2))).toBe(before);
    expect(applyPatternToList(before, { type: 'order_block' }, pattern(2))).toBe(before);
    expect(applyPatternToList(before, { timeframe: '15m', limit: 10 }, pattern(2)).data.map((item) => item.id)).toEqual([2, 1]);
  });
});

describe('applySignalToMatrix', () => {
  it('makes an open signal the row’s open signal', () => {
    const rows = [row('BTC/USDT', null), row('ETH/USDT', null)];
    const next = applySignalToMatrix(rows, signal(3));
    expect(next[0]?.open_signal?.id).toBe(3);
    expect(next[1]).toBe(rows[1]);
  });

  it('keeps a newer open signal over an older one', () => {
    const rows = [row('BTC/USDT', signal(9))];
    expect(applySignalToMatrix(rows, signal(3))).toBe(rows);
  });

  it('clears the row when its open signal finishes', () => {
    const next = applySignalToMatrix([row('BTC/USDT', signal(3))], signal(3, { status: 'stopped', outcome_r: -1 }));
    expect(next[0]?.open_signal).toBeNull();
  });
});

describe('stalenessOf and cellKeyOf', () => {
  it('refetches statistics on every event and the matrix cells on pattern events', () => {
    expect(stalenessOf({ type: 'signal.created', signal: signal(1) })).toEqual({ stats: true, matrix: false });
    expect(stalenessOf({ type: 'pattern.created', pattern: pattern(1) })).toEqual({ stats: true, matrix: true });
    expect(stalenessOf({ type: 'signal.updated', gone: { id: 1, symbol: 'BTC/USDT' } })).toEqual({ stats: true, matrix: true });
  });

  it('marks the signal’s anchor cell and the pattern’s own cell', () => {
    expect(cellKeyOf({ type: 'signal.created', signal: signal(1) })).toBe(matrixCellKey('BTC/USDT', '1h'));
    expect(cellKeyOf({ type: 'pattern.updated', pattern: pattern(1) })).toBe(matrixCellKey('ETH/USDT', '15m'));
  });
});
