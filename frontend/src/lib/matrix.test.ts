import { describe, expect, it } from 'vitest';
import type { MatrixRow } from '../api/types';
import { buildMatrix, type CellPattern, describeCell, matrixFromRows, moveInGrid, strengthLevel, toCell } from './matrix';

let nextId = 1;
function pattern(over: Partial<CellPattern> = {}): CellPattern {
  return { id: nextId++, type: 'fvg', direction: 'bullish', strength: 0.5, zone_low: 100, zone_high: 110, ...over };
}

type CellOut = MatrixRow['cells'][number];
function cellOut(timeframe: string, over: Partial<CellOut> = {}): CellOut {
  return {
    timeframe,
    pattern_id: null,
    type: null,
    direction: null,
    strength: null,
    zone_low: null,
    zone_high: null,
    bullish: 0,
    bearish: 0,
    ...over,
  };
}

describe('matrix from GET /matrix rows', () => {
  const rows: MatrixRow[] = [
    {
      symbol: 'BTC/USDT',
      open_signal: null,
      cells: [
        cellOut('1d'),
        cellOut('1h', {
          pattern_id: 7,
          type: 'order_block',
          direction: 'bearish',
          strength: 0.81,
          zone_low: 1,
          zone_high: 2,
          bearish: 2,
          bullish: 1,
        }),
        cellOut('1m'),
      ],
    },
    { symbol: 'ETH/USDT', open_signal: null, cells: [cellOut('1m'), cellOut('1h'), cellOut('1d')] },
  ];

  it('orders timeframes by length and keeps the server order of symbols', () => {
    const model = matrixFromRows(rows);
    expect(model.timeframes).toEqual(['1m', '1h', '1d']);
    expect(model.rows.map((row) => row.symbol)).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(model.filled).toBe(1);
  });

  it('maps the freshest pattern, its direction, strength and counts', () => {
    const cell = matrixFromRows(rows).rows[0]?.cells[1];
    expect(cell).toMatchObject({ tone: 'bear', level: 4, label: '▼ OB', bullish: 1, bearish: 2 });
    expect(cell?.pattern?.id).toBe(7);
    expect(matrixFromRows(rows).rows[1]?.cells[0]?.tone).toBe('none');
  });

  it('fills missing cells and falls back to the default timeframes', () => {
    const sparse: MatrixRow[] = [{ symbol: 'SOL/USDT', open_signal: null, cells: [] }];
    const model = matrixFromRows(sparse);
    expect(model.timeframes).toEqual(['1m', '5m', '15m', '1h', '4h', '1d']);
    expect(model.rows[0]?.cells).toHaveLength(6);
  });
});

describe('grid model', () => {
  it('fills every symbol x timeframe, ordered by timeframe length', () => {
    const cells = [
      { symbol: 'ETH/USDT', timeframe: '4h', pattern: pattern({ direction: 'bearish', strength: 0.8 }), bullish: 0, bearish: 1 },
    ];
    const model = buildMatrix(['BTC/USDT', 'ETH/USDT'], ['1d', '1h', '4h', '1m'], cells);
    expect(model.timeframes).toEqual(['1m', '1h', '4h', '1d']);
    expect(model.rows.every((row) => row.cells.length === 4)).toBe(true);
    expect(model.filled).toBe(1);
    expect(model.rows[1]?.cells[2]).toMatchObject({ tone: 'bear', level: 4, label: '▼ FVG' });
    expect(model.rows[0]?.cells[0]?.tone).toBe('none');
  });

  it('attaches the open signal of a symbol', () => {
    const model = buildMatrix(['BTC/USDT'], ['1h'], [], new Map([['BTC/USDT', { id: 7, direction: 'long', status: 'pending' }]]));
    expect(model.rows[0]?.signal?.id).toBe(7);
  });

  it('builds 50 x 6 quickly', () => {
    const timeframes = ['1m', '5m', '15m', '1h', '4h', '1d'];
    const rows: MatrixRow[] = Array.from({ length: 50 }, (_, index) => ({
      symbol: `S${index}/USDT`,
      open_signal: null,
      cells: timeframes.map((timeframe, col) =>
        cellOut(timeframe, { pattern_id: index * 10 + col, type: 'fvg', direction: col % 2 ? 'bearish' : 'bullish', strength: 0.5 }),
      ),
    }));
    const start = performance.now();
    const model = matrixFromRows(rows);
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
    const cell = toCell({
      symbol: 'BTC/USDT',
      timeframe: '1h',
      pattern: pattern({ type: 'order_block', strength: 0.64 }),
      bullish: 2,
      bearish: 0,
    });
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
