import { describe, expect, it } from 'vitest';
import {
  type ActivePattern,
  buildMatrix,
  cellsFromPatterns,
  describeCell,
  isFresher,
  moveInGrid,
  strengthLevel,
  toCell,
} from './matrix';

let nextId = 1;
function pattern(over: Partial<ActivePattern>): ActivePattern {
  return {
    id: nextId++,
    symbol: 'BTC/USDT',
    timeframe: '1h',
    type: 'fvg',
    direction: 'bullish',
    strength: 0.5,
    zone_low: 100,
    zone_high: 110,
    formed_at: 1_000,
    status: 'active',
    ...over,
  };
}

describe('freshest pattern per cell', () => {
  it('picks the newest formed_at, ties by type order', () => {
    const older = pattern({ formed_at: 1_000, type: 'fvg' });
    const newer = pattern({ formed_at: 2_000, type: 'liquidity_sweep', direction: 'bearish' });
    const tieOb = pattern({ formed_at: 2_000, type: 'order_block' });
    expect(isFresher(newer, older)).toBe(true);
    expect(isFresher(tieOb, newer)).toBe(true);
    const [cell] = cellsFromPatterns([older, newer, tieOb]);
    expect(cell?.pattern?.id).toBe(tieOb.id);
    expect(cell?.bullish).toBe(2);
    expect(cell?.bearish).toBe(1);
  });

  it('ignores patterns that are no longer active', () => {
    const cells = cellsFromPatterns([pattern({ status: 'filled', formed_at: 9_000 }), pattern({ formed_at: 1 })]);
    expect(cells).toHaveLength(1);
    expect(cells[0]?.pattern?.formed_at).toBe(1);
    expect(cells[0]?.bullish).toBe(1);
  });

  it('keeps symbols and timeframes apart', () => {
    const cells = cellsFromPatterns([
      pattern({ symbol: 'BTC/USDT', timeframe: '1h' }),
      pattern({ symbol: 'BTC/USDT', timeframe: '4h' }),
      pattern({ symbol: 'ETH/USDT', timeframe: '1h' }),
    ]);
    expect(cells).toHaveLength(3);
  });
});

describe('grid model', () => {
  it('fills every symbol x timeframe, ordered by timeframe length', () => {
    const cells = cellsFromPatterns([pattern({ symbol: 'ETH/USDT', timeframe: '4h', direction: 'bearish', strength: 0.8 })]);
    const model = buildMatrix(['BTC/USDT', 'ETH/USDT'], ['1d', '1h', '4h', '1m'], cells);
    expect(model.timeframes).toEqual(['1m', '1h', '4h', '1d']);
    expect(model.rows.map((row) => row.symbol)).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(model.rows.every((row) => row.cells.length === 4)).toBe(true);
    expect(model.filled).toBe(1);
    const cell = model.rows[1]?.cells[2];
    expect(cell?.tone).toBe('bear');
    expect(cell?.level).toBe(4);
    expect(cell?.label).toBe('▼ FVG');
    expect(model.rows[0]?.cells[0]?.tone).toBe('none');
  });

  it('attaches the open signal of a symbol', () => {
    const model = buildMatrix(['BTC/USDT'], ['1h'], [], new Map([['BTC/USDT', { id: 7, direction: 'long', status: 'pending' }]]));
    expect(model.rows[0]?.signal?.id).toBe(7);
  });

  it('builds 50 x 6 quickly', () => {
    const symbols = Array.from({ length: 50 }, (_, index) => `S${index}/USDT`);
    const timeframes = ['1m', '5m', '15m', '1h', '4h', '1d'];
    const patterns = symbols.flatMap((symbol) =>
      timeframes.map((timeframe, index) => pattern({ symbol, timeframe, formed_at: index, direction: index % 2 ? 'bearish' : 'bullish' })),
    );
    const start = performance.now();
    const model = buildMatrix(symbols, timeframes, cellsFromPatterns(patterns));
    expect(performance.now() - start).toBeLessThan(50);
    expect(model.filled).toBe(300);
  });
});

describe('colour by strength', () => {
  it('buckets strength into four levels', () => {
    expect(strengthLevel(null)).toBe(0);
    expect(strengthLevel(0.1)).toBe(1);
    expect(strengthLevel(0.25)).toBe(2);
    expect(strengthLevel(0.5)).toBe(3);
    expect(strengthLevel(0.75)).toBe(4);
    expect(strengthLevel(1)).toBe(4);
  });

  it('labels cells for screen readers', () => {
    const cell = toCell({ symbol: 'BTC/USDT', timeframe: '1h', pattern: pattern({ type: 'order_block', strength: 0.64 }), bullish: 2, bearish: 0 });
    expect(cell.label).toBe('▲ OB');
    expect(describeCell(cell)).toBe('BTC/USDT 1h: bullish order block, strength 64 %, 2 bullish and 0 bearish active');
    const empty = toCell({ symbol: 'BTC/USDT', timeframe: '1m', pattern: null, bullish: 0, bearish: 0 });
    expect(describeCell(empty)).toBe('BTC/USDT 1m: no active pattern');
  });
});

describe('keyboard navigation', () => {
  const at = { row: 2, col: 3 };
  it('moves with arrows and clamps at the edges', () => {
    expect(moveInGrid(at, 'ArrowUp', 5, 6)).toEqual({ row: 1, col: 3 });
    expect(moveInGrid(at, 'ArrowDown', 5, 6)).toEqual({ row: 3, col: 3 });
    expect(moveInGrid(at, 'ArrowLeft', 5, 6)).toEqual({ row: 2, col: 2 });
    expect(moveInGrid(at, 'ArrowRight', 5, 6)).toEqual({ row: 2, col: 4 });
    expect(moveInGrid({ row: 0, col: 0 }, 'ArrowUp', 5, 6)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 4, col: 5 }, 'ArrowRight', 5, 6)).toEqual({ row: 4, col: 5 });
  });

  it('jumps with Home, End and pages', () => {
    expect(moveInGrid(at, 'Home', 5, 6)).toEqual({ row: 2, col: 0 });
    expect(moveInGrid(at, 'End', 5, 6)).toEqual({ row: 2, col: 5 });
    expect(moveInGrid(at, 'Home', 5, 6, true)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid(at, 'End', 5, 6, true)).toEqual({ row: 4, col: 5 });
    expect(moveInGrid(at, 'PageDown', 50, 6)).toEqual({ row: 12, col: 3 });
    expect(moveInGrid(at, 'PageUp', 50, 6)).toEqual({ row: 0, col: 3 });
  });

  it('ignores other keys and empty grids', () => {
    expect(moveInGrid(at, 'a', 5, 6)).toBeNull();
    expect(moveInGrid(at, 'ArrowUp', 0, 6)).toBeNull();
  });
});
