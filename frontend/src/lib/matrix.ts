/** The pattern matrix model: symbols x timeframes, each cell the freshest active pattern (the
 * server picks it: GET /matrix). Pure functions, unit-tested. */
import type { MatrixRow as MatrixRowOut } from '../api/types';
import { sortTimeframes } from './format';

export type Direction = 'bullish' | 'bearish';

/** What a cell shows of its pattern. */
export interface CellPattern {
  id: number;
  type: string;
  direction: Direction;
  strength: number;
  zone_low: number | null;
  zone_high: number | null;
}

export interface CellInput {
  symbol: string;
  timeframe: string;
  pattern: CellPattern | null;
  bullish: number;
  bearish: number;
}

export interface RowSignal {
  id: number;
  direction: string;
  status: string;
}

export type Tone = 'bull' | 'bear' | 'none';

export interface MatrixCell extends CellInput {
  tone: Tone;
  /** 0 (no pattern) .. 4 (strength >= 0.75): drives the colour intensity. */
  level: number;
  label: string;
}

export interface MatrixRow {
  symbol: string;
  cells: MatrixCell[];
  signal: RowSignal | null;
}

export interface MatrixModel {
  timeframes: string[];
  rows: MatrixRow[];
  /** Cells with a pattern. */
  filled: number;
}

const SHORT: Record<string, string> = { fvg: 'FVG', order_block: 'OB', liquidity_sweep: 'SWP' };

export function strengthLevel(strength: number | null | undefined): number {
  if (strength == null || !Number.isFinite(strength)) return 0;
  if (strength >= 0.75) return 4;
  if (strength >= 0.5) return 3;
  if (strength >= 0.25) return 2;
  return 1;
}

export function toCell(input: CellInput): MatrixCell {
  const pattern = input.pattern;
  if (!pattern) return { ...input, tone: 'none', level: 0, label: '' };
  const arrow = pattern.direction === 'bullish' ? '▲' : '▼';
  return {
    ...input,
    tone: pattern.direction === 'bullish' ? 'bull' : 'bear',
    level: strengthLevel(pattern.strength),
    label: `${arrow} ${SHORT[pattern.type] ?? pattern.type}`,
  };
}

function key(symbol: string, timeframe: string): string {
  return `${symbol}\u0000${timeframe}`;
}

/** Lays cells out on the full grid: every symbol x timeframe, empty where nothing is active. */
export function buildMatrix(
  symbols: readonly string[],
  timeframes: readonly string[],
  cells: readonly CellInput[],
  signals: ReadonlyMap<string, RowSignal> = new Map(),
): MatrixModel {
  const byKey = new Map<string, CellInput>();
  for (const cell of cells) byKey.set(key(cell.symbol, cell.timeframe), cell);
  const orderedTimeframes = sortTimeframes(timeframes);
  let filled = 0;
  const rows = symbols.map((symbol) => ({
    symbol,
    signal: signals.get(symbol) ?? null,
    cells: orderedTimeframes.map((timeframe) => {
      const cell = toCell(byKey.get(key(symbol, timeframe)) ?? { symbol, timeframe, pattern: null, bullish: 0, bearish: 0 });
      if (cell.pattern) filled += 1;
      return cell;
    }),
  }));
  return { timeframes: orderedTimeframes, rows, filled };
}

export const DEFAULT_TIMEFRAMES = ['1m', '5m', '15m', '1h', '4h', '1d'];

/** GET /matrix rows -> the grid model (timeframes from the cells, else the defaults). */
export function matrixFromRows(rows: readonly MatrixRowOut[], fallbackTimeframes: readonly string[] = DEFAULT_TIMEFRAMES): MatrixModel {
  const cells: CellInput[] = [];
  const signals = new Map<string, RowSignal>();
  const timeframes = new Set<string>();
  for (const row of rows) {
    if (row.open_signal) signals.set(row.symbol, row.open_signal);
    for (const cell of row.cells) {
      timeframes.add(cell.timeframe);
      const pattern: CellPattern | null =
        cell.pattern_id != null && cell.direction != null
          ? {
              id: cell.pattern_id,
              type: cell.type ?? '',
              direction: cell.direction,
              strength: cell.strength ?? 0,
              zone_low: cell.zone_low,
              zone_high: cell.zone_high,
            }
          : null;
      cells.push({ symbol: row.symbol, timeframe: cell.timeframe, pattern, bullish: cell.bullish, bearish: cell.bearish });
    }
  }
  return buildMatrix(
    rows.map((row) => row.symbol),
    timeframes.size ? [...timeframes] : fallbackTimeframes,
    cells,
    signals,
  );
}

export interface GridPosition {
  row: number;
  col: number;
}

/** Keyboard movement in the grid (WAI-ARIA grid pattern); null for keys it does not handle. */
export function moveInGrid(
  position: GridPosition,
  keyName: string,
  rows: number,
  cols: number,
  ctrl = false,
  pageSize = 10,
): GridPosition | null {
  if (rows <= 0 || cols <= 0) return null;
  const clampRow = (row: number): number => Math.min(rows - 1, Math.max(0, row));
  const clampCol = (col: number): number => Math.min(cols - 1, Math.max(0, col));
  const { row, col } = position;
  switch (keyName) {
    case 'ArrowUp':
      return { row: clampRow(row - 1), col };
    case 'ArrowDown':
      return { row: clampRow(row + 1), col };
    case 'ArrowLeft':
      return { row, col: clampCol(col - 1) };
    case 'ArrowRight':
      return { row, col: clampCol(col + 1) };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row, col: 0 };
    case 'End':
      return ctrl ? { row: rows - 1, col: cols - 1 } : { row, col: cols - 1 };
    case 'PageUp':
      return { row: clampRow(row - pageSize), col };
    case 'PageDown':
      return { row: clampRow(row + pageSize), col };
    default:
      return null;
  }
}

/** Accessible description of a cell. */
export function describeCell(cell: MatrixCell): string {
  const where = `${cell.symbol} ${cell.timeframe}`;
  if (!cell.pattern) return `${where}: no active pattern`;
  const names: Record<string, string> = {
    fvg: 'fair value gap',
    order_block: 'order block',
    liquidity_sweep: 'liquidity sweep',
  };
  const strength = Math.round(cell.pattern.strength * 100);
  return (
    `${where}: ${cell.pattern.direction} ${names[cell.pattern.type] ?? cell.pattern.type}, ` +
    `strength ${strength} %, ${cell.bullish} bullish and ${cell.bearish} bearish active`
  );
}
